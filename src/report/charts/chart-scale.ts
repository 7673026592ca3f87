const DAY_MS = 86_400_000;

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export function dayTime(day: string): number {
  return Date.parse(`${day.slice(0, 10)}T00:00:00Z`);
}

/** Maps a day (YYYY-MM-DD) onto [left, right] between `from` and `to`. */
export function timeScale(from: string, to: string, left: number, right: number): (day: string) => number {
  const start = dayTime(from);
  const span = Math.max(DAY_MS, dayTime(to) - start);
  return (day) => left + ((dayTime(day) - start) / span) * (right - left);
}

/**
 * The first day of each month inside [from, to], thinned to at most `maxTicks`, labelled "Jun" or
 * "Jan 2027" (the year is written on the first tick and on every January).
 */
export function monthTicks(from: string, to: string, maxTicks = 12): { day: string; label: string }[] {
  const start = new Date(dayTime(from));
  const end = dayTime(to);
  const ticks: { day: string; label: string }[] = [];
  let year = start.getUTCFullYear();
  let month = start.getUTCMonth() + (start.getUTCDate() === 1 ? 0 : 1);
  for (;;) {
    year += Math.floor(month / 12);
    month %= 12;
    const time = Date.UTC(year, month, 1);
    if (time > end) break;
    ticks.push({ day: new Date(time).toISOString().slice(0, 10), label: MONTHS[month] ?? "" });
    month += 1;
  }
  const step = Math.max(1, Math.ceil(ticks.length / maxTicks));
  return ticks
    .filter((_tick, index) => index % step === 0)
    .map((tick, index) => ({ ...tick, label: index === 0 || tick.label === "Jan" ? `${tick.label} ${tick.day.slice(0, 4)}` : tick.label }));
}

/** A round upper bound for a value axis: 1, 2 or 5 times a power of ten, at or above `value`. */
export function niceMaximum(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const factor of [1, 2, 2.5, 5, 10]) if (factor * power >= value) return factor * power;
  return 10 * power;
}

/** Numbers for SVG attributes: at most one decimal, no trailing zeros. */
export function coordinate(value: number): string {
  return String(Math.round(value * 10) / 10);
}
