import { escapeHtml } from "../escape-html.js";
import type { UsageSeries } from "../report-model.js";
import { coordinate, monthTicks, niceMaximum, timeScale } from "./chart-scale.js";

const WIDTH = 340;
const HEIGHT = 170;
const LEFT = 40;
const RIGHT = 12;
const TOP = 26;
const BOTTOM = 24;

/** "active_users" -> "Active users". */
export function metricTitle(metric: string): string {
  const words = metric.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * One usage metric over time as a small inline SVG line chart: solid line with round markers for the
 * numbers, a dashed line for the reference (licensed seats), value labels on the first and last point.
 * Black on white, so it prints the same in grey.
 *
 * @example usageChart({ metric: "active_users", points, reference: { label: "120 licensed seats", value: 120 } }, "u1")
 */
export function usageChart(series: UsageSeries, id: string, range: { from: string; to: string }): string {
  const values = series.points.map((point) => point.value);
  const top = niceMaximum(Math.max(...values, series.reference?.value ?? 0) * 1.05);
  const x = timeScale(range.from, range.to, LEFT, WIDTH - RIGHT);
  const y = (value: number) => TOP + (1 - value / top) * (HEIGHT - TOP - BOTTOM);
  const title = metricTitle(series.metric);
  const parts = [
    `<svg class="chart usage-chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-labelledby="${id}-title">`,
    `<title id="${id}-title">${escapeHtml(title)} from ${escapeHtml(series.points[0]?.day ?? range.from)} to ${escapeHtml(series.points.at(-1)?.day ?? range.to)}</title>`,
    `<text x="0" y="14" font-size="12" font-weight="bold" fill="#111111">${escapeHtml(title)}</text>`,
  ];
  for (const tick of [0, top / 2, top]) {
    const tickY = coordinate(y(tick));
    parts.push(
      `<line x1="${LEFT}" y1="${tickY}" x2="${WIDTH - RIGHT}" y2="${tickY}" stroke="#dddddd" stroke-width="1"/>`,
      `<text x="${LEFT - 5}" y="${coordinate(y(tick) + 4)}" text-anchor="end" font-size="10" fill="#333333">${escapeHtml(tick.toLocaleString("en-US"))}</text>`,
    );
  }
  for (const tick of monthTicks(range.from, range.to, 6)) {
    parts.push(`<text x="${coordinate(x(tick.day))}" y="${HEIGHT - 6}" text-anchor="middle" font-size="10" fill="#333333">${escapeHtml(tick.label)}</text>`);
  }
  if (series.reference !== null) {
    const referenceY = coordinate(y(series.reference.value));
    parts.push(
      `<line x1="${LEFT}" y1="${referenceY}" x2="${WIDTH - RIGHT}" y2="${referenceY}" stroke="#000000" stroke-width="1.3" stroke-dasharray="6 4"/>`,
      `<text x="${WIDTH - RIGHT}" y="${coordinate(y(series.reference.value) - 4)}" text-anchor="end" font-size="10" fill="#000000">${escapeHtml(series.reference.label)}</text>`,
    );
  }
  const path = series.points.map((point, index) => `${index === 0 ? "M" : "L"}${coordinate(x(point.day))} ${coordinate(y(point.value))}`).join("");
  parts.push(`<path d="${path}" fill="none" stroke="#111111" stroke-width="2"/>`);
  for (const point of series.points) {
    parts.push(
      `<g><title>${escapeHtml(`${point.day}: ${point.value.toLocaleString("en-US")}`)}</title><circle cx="${coordinate(x(point.day))}" cy="${coordinate(y(point.value))}" r="3" fill="#111111"/></g>`,
    );
  }
  const last = series.points.at(-1);
  if (last !== undefined) {
    parts.push(
      `<text x="${coordinate(Math.min(x(last.day), WIDTH - RIGHT - 4))}" y="${coordinate(y(last.value) + 15)}" text-anchor="end" font-size="11" font-weight="bold" fill="#111111">${escapeHtml(last.value.toLocaleString("en-US"))}</text>`,
    );
  }
  parts.push("</svg>");
  return parts.join("");
}
