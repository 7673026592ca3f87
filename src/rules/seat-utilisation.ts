import type { Account } from "../ingest/account-schema.js";
import type { UsageMetric } from "../ingest/usage-schema.js";
import { dayOf, daysBefore, daysBetween, timeOf } from "./evidence-timeline.js";
import type { SeatUtilisation } from "./readiness-contract.js";
import type { ReadinessRules } from "./rules-schema.js";

export type SeatReading =
  | { readonly kind: "measured"; readonly utilisation: SeatUtilisation; readonly pressure: boolean; readonly reason: string }
  | { readonly kind: "unavailable"; readonly reason: string };

/**
 * Seat utilisation from the latest usage number measured on or before the decision day (seed 004: more than
 * 80% of licensed seats active is seat pressure). Derived from data, so nobody's words can move it.
 */
export function readSeatUtilisation(
  account: Account,
  usage: readonly UsageMetric[],
  now: number,
  rules: ReadinessRules["customer_pull"]["seat_utilisation"],
): SeatReading {
  const seats = account.licensed_seats;
  if (seats === undefined || seats === 0) {
    return { kind: "unavailable", reason: "The account has no licensed seat count, so seat utilisation cannot be measured." };
  }
  const own = usage.filter((metric) => metric.account_id === account.id && timeOf(metric.date) <= now);
  // The configured metric, or else the first of its aliases the usage export has.
  const metricName = [rules.metric, ...rules.metric_aliases].find((name) => own.some((metric) => metric.metric === name));
  const measurements = own.filter((metric) => metric.metric === metricName).sort((left, right) => timeOf(left.date) - timeOf(right.date));
  const newest = measurements.at(-1);
  if (newest === undefined) {
    const present = [...new Set(own.map((metric) => metric.metric))].sort();
    return {
      kind: "unavailable",
      reason:
        `No ${[rules.metric, ...rules.metric_aliases].join(" or ")} numbers, so seat utilisation cannot be measured` +
        (present.length === 0 ? "." : ` (the usage data has ${present.join(", ")}; add the seat metric's name to metric_aliases in the rules file).`),
    };
  }
  const measuredAt = timeOf(newest.date);
  if (measuredAt < daysBefore(now, rules.max_age_days)) {
    return {
      kind: "unavailable",
      reason: `The latest ${newest.metric} number (${newest.date}) is ${daysBetween(measuredAt, now)} days old, older than ${rules.max_age_days} days.`,
    };
  }
  const ratio = newest.value / seats;
  const utilisation: SeatUtilisation = { activeUsers: newest.value, licensedSeats: seats, ratio, measuredOn: dayOf(measuredAt) };
  const percent = Math.round(ratio * 100);
  const limit = Math.round(rules.above_ratio * 100);
  const pressure = ratio > rules.above_ratio;
  return {
    kind: "measured",
    utilisation,
    pressure,
    reason: pressure
      ? `${newest.value} of ${seats} seats active on ${newest.date} (${percent}%, above ${limit}%): seat pressure measured from usage.`
      : `${newest.value} of ${seats} seats active on ${newest.date} (${percent}%, not above ${limit}%).`,
  };
}
