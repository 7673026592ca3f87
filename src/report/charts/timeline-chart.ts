import type { SignalCategory } from "../../taxonomy/signals.js";
import { signalById } from "../../taxonomy/signals.js";
import { escapeHtml } from "../escape-html.js";
import type { TimelineData, TimelinePoint } from "../report-model.js";
import { coordinate, monthTicks, timeScale } from "./chart-scale.js";

export type Lane = SignalCategory | "vendor";

/**
 * How each lane is drawn. Shape and fill carry the meaning, colour only helps: the chart must read the
 * same printed in grey (circle, square, triangle, cross, hollow diamond).
 */
export const LANES: readonly { readonly lane: Lane; readonly label: string; readonly colour: string }[] = [
  { lane: "usage", label: "Usage", colour: "#1d4f91" },
  { lane: "relationship", label: "Relationship", colour: "#5b2c83" },
  { lane: "value", label: "Value", colour: "#1b6b2f" },
  { lane: "risk", label: "Risk", colour: "#a1221b" },
  { lane: "vendor", label: "Vendor said", colour: "#666666" },
];

const WIDTH = 720;
const LEFT = 104;
const RIGHT = 18;
const TOP = 14;
const LANE_HEIGHT = 30;
const AXIS_HEIGHT = 26;
const LEGEND_HEIGHT = 30;

/** One mark, centred on (x, y). */
export function marker(lane: Lane, x: number, y: number, size = 5): string {
  const colour = LANES.find((item) => item.lane === lane)?.colour ?? "#000000";
  const [cx, cy, s] = [x, y, size];
  switch (lane) {
    case "usage":
      return `<circle cx="${coordinate(cx)}" cy="${coordinate(cy)}" r="${coordinate(s)}" fill="${colour}"/>`;
    case "relationship":
      return `<rect x="${coordinate(cx - s)}" y="${coordinate(cy - s)}" width="${coordinate(2 * s)}" height="${coordinate(2 * s)}" fill="${colour}"/>`;
    case "value":
      return `<path d="M${coordinate(cx)} ${coordinate(cy - s - 1)}L${coordinate(cx + s + 1)} ${coordinate(cy + s)}L${coordinate(cx - s - 1)} ${coordinate(cy + s)}Z" fill="${colour}"/>`;
    case "risk":
      return `<path d="M${coordinate(cx - s)} ${coordinate(cy - s)}L${coordinate(cx + s)} ${coordinate(cy + s)}M${coordinate(cx + s)} ${coordinate(cy - s)}L${coordinate(cx - s)} ${coordinate(cy + s)}" stroke="${colour}" stroke-width="2.6" stroke-linecap="round" fill="none"/>`;
    case "vendor":
      return `<path d="M${coordinate(cx)} ${coordinate(cy - s - 1)}L${coordinate(cx + s + 1)} ${coordinate(cy)}L${coordinate(cx)} ${coordinate(cy + s + 1)}L${coordinate(cx - s - 1)} ${coordinate(cy)}Z" fill="#ffffff" stroke="${colour}" stroke-width="1.6"/>`;
  }
}

/**
 * Marks of one lane: one per day, with the number of quotes that day beside it when there are several,
 * moved up and down a little when two days sit closer than a mark's width.
 */
function placeInLane(points: readonly { x: number; point: TimelinePoint }[]): { x: number; offset: number; day: string; points: TimelinePoint[] }[] {
  const byDay = new Map<string, { x: number; day: string; points: TimelinePoint[] }>();
  for (const { x, point } of points) {
    const entry = byDay.get(point.day) ?? { x, day: point.day, points: [] };
    entry.points.push(point);
    byDay.set(point.day, entry);
  }
  const offsets = [0, -7, 7];
  const lastX = new Map<number, number>();
  return [...byDay.values()]
    .sort((left, right) => left.x - right.x)
    .map((entry) => {
      const width = entry.points.length > 1 ? 24 : 12;
      const free = offsets.find((offset) => entry.x - (lastX.get(offset) ?? Number.NEGATIVE_INFINITY) >= width) ?? 0;
      lastX.set(free, entry.x);
      return { ...entry, offset: free };
    });
}

/**
 * Signals over time as an inline SVG: one lane per signal category for what the customer said, and one
 * apart for what the vendor said (never pull). Month ticks with dates, a legend, the report day and the
 * "since" day marked. Every mark carries a tooltip with the evidence id.
 *
 * @example const svg = timelineChart(report.timeline); // "<svg ...>...</svg>"
 */
export function timelineChart(timeline: TimelineData): string {
  const height = TOP + LANES.length * LANE_HEIGHT + AXIS_HEIGHT + LEGEND_HEIGHT;
  const x = timeScale(timeline.from, timeline.to, LEFT, WIDTH - RIGHT);
  const axisY = TOP + LANES.length * LANE_HEIGHT;
  const parts: string[] = [];
  parts.push(
    `<svg class="chart" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="timeline-title">`,
    `<title id="timeline-title">Signals over time, ${escapeHtml(timeline.from)} to ${escapeHtml(timeline.to)}</title>`,
  );
  LANES.forEach((lane, index) => {
    const y = TOP + index * LANE_HEIGHT;
    if (index % 2 === 0) parts.push(`<rect x="${LEFT}" y="${y}" width="${WIDTH - LEFT - RIGHT}" height="${LANE_HEIGHT}" fill="#f3f3f3"/>`);
    parts.push(`<text x="${LEFT - 8}" y="${y + LANE_HEIGHT / 2 + 4}" text-anchor="end" font-size="12" fill="#222222">${escapeHtml(lane.label)}</text>`);
  });
  parts.push(`<line x1="${LEFT}" y1="${axisY}" x2="${WIDTH - RIGHT}" y2="${axisY}" stroke="#444444" stroke-width="1"/>`);
  for (const tick of monthTicks(timeline.from, timeline.to)) {
    const tickX = coordinate(x(tick.day));
    parts.push(
      `<line x1="${tickX}" y1="${TOP}" x2="${tickX}" y2="${axisY + 4}" stroke="#c8c8c8" stroke-width="1"/>`,
      `<text x="${tickX}" y="${axisY + 17}" text-anchor="middle" font-size="11" fill="#333333">${escapeHtml(tick.label)}</text>`,
    );
  }
  if (timeline.since !== null && timeline.since >= timeline.from && timeline.since <= timeline.to) {
    const sinceX = coordinate(x(timeline.since));
    parts.push(
      `<line x1="${sinceX}" y1="${TOP - 6}" x2="${sinceX}" y2="${axisY}" stroke="#000000" stroke-width="1.2" stroke-dasharray="4 3"/>`,
      `<text x="${sinceX}" y="${TOP - 4}" text-anchor="end" font-size="10" fill="#000000">since ${escapeHtml(timeline.since)} </text>`,
    );
  }
  const endX = coordinate(x(timeline.to));
  parts.push(`<line x1="${endX}" y1="${TOP}" x2="${endX}" y2="${axisY}" stroke="#000000" stroke-width="1.5"/>`);
  LANES.forEach((lane, index) => {
    const y = TOP + index * LANE_HEIGHT + LANE_HEIGHT / 2;
    const placed = placeInLane(timeline.points.filter((point) => point.lane === lane.lane).map((point) => ({ x: x(point.day), point })));
    for (const mark of placed) {
      const label = mark.points.map((point) => `#${point.evidenceId} ${signalById(point.signalId).title}`).join("; ");
      const count =
        mark.points.length > 1
          ? `<text x="${coordinate(mark.x + 8)}" y="${coordinate(y + mark.offset + 4)}" font-size="10" font-weight="bold" fill="#222222">${mark.points.length}</text>`
          : "";
      parts.push(`<g><title>${escapeHtml(`${mark.day}: ${label}`)}</title>${marker(lane.lane, mark.x, y + mark.offset, 4.5)}${count}</g>`);
    }
  });
  const legendY = axisY + AXIS_HEIGHT + 14;
  parts.push(`<text x="4" y="${legendY}" font-size="11" fill="#222222">Customer said:</text>`);
  let legendX = 92;
  for (const lane of LANES) {
    parts.push(marker(lane.lane, legendX + 6, legendY - 4, 5));
    const text = lane.lane === "vendor" ? "Vendor said (not pull)" : lane.label;
    parts.push(`<text x="${legendX + 16}" y="${legendY}" font-size="11" fill="#222222">${escapeHtml(text)}</text>`);
    legendX += 30 + text.length * 6.2;
  }
  parts.push(
    `<line x1="${WIDTH - RIGHT - 134}" y1="${legendY - 10}" x2="${WIDTH - RIGHT - 134}" y2="${legendY + 2}" stroke="#000000" stroke-width="1.5"/>`,
    `<text x="${WIDTH - RIGHT}" y="${legendY}" text-anchor="end" font-size="11" fill="#222222">report day ${escapeHtml(timeline.to)}</text>`,
    "</svg>",
  );
  return parts.join("");
}
