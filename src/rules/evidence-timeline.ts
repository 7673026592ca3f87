import type { SignalId } from "../taxonomy/signals.js";
import type { EvidenceFact } from "./readiness-contract.js";

const DAY_MS = 86_400_000;

/** An evidence fact with its time as a number, so windows and "later than" are plain comparisons. */
export interface TimedFact extends EvidenceFact {
  readonly at: number;
}

/** Milliseconds since the epoch of an ISO date (midnight UTC) or timestamp. */
export function timeOf(iso: string): number {
  const time = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(time)) throw new RangeError(`Not an ISO date or timestamp: "${iso}"`);
  return time;
}

/** The decision moment: the end of the `asOf` day (UTC), so everything said that day counts. */
export function decisionTime(asOf: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? timeOf(asOf) + DAY_MS - 1 : timeOf(asOf);
}

export function daysBefore(time: number, days: number): number {
  return time - days * DAY_MS;
}

/** Whole days between two times (for messages like "61 days old"). */
export function daysBetween(earlier: number, later: number): number {
  return Math.floor((later - earlier) / DAY_MS);
}

/** `2026-10-20` from a time. */
export function dayOf(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** Numeric ids in numeric order, others after them in text order: one order whatever the input order. */
export function compareIds(left: string, right: string): number {
  const leftNumber = /^\d+$/.test(left) ? Number(left) : Number.NaN;
  const rightNumber = /^\d+$/.test(right) ? Number(right) : Number.NaN;
  if (!Number.isNaN(leftNumber) && !Number.isNaN(rightNumber)) return leftNumber - rightNumber;
  if (!Number.isNaN(leftNumber)) return -1;
  if (!Number.isNaN(rightNumber)) return 1;
  return left < right ? -1 : left > right ? 1 : 0;
}

export function sortedIds(ids: Iterable<string>): string[] {
  return [...new Set(ids)].sort(compareIds);
}

/**
 * The evidence the rules may count: said by a customer-side speaker, no later than the decision moment,
 * in one fixed order (time, then id) so the input order never matters. Vendor and unknown speakers are
 * dropped here, once, so no gate can count them by mistake (seed 001: pull, not push).
 */
export function customerTimeline(evidence: readonly EvidenceFact[], now: number): TimedFact[] {
  return evidence
    .filter((fact) => fact.speakerRole === "customer")
    .map((fact) => ({ ...fact, at: timeOf(fact.occurredAt) }))
    .filter((fact) => fact.at <= now)
    .sort((left, right) => left.at - right.at || compareIds(left.id, right.id));
}

export function ofSignals(facts: readonly TimedFact[], signals: readonly SignalId[]): TimedFact[] {
  return facts.filter((fact) => signals.includes(fact.signalId));
}

export function withinDays(facts: readonly TimedFact[], now: number, days: number): TimedFact[] {
  const start = daysBefore(now, days);
  return facts.filter((fact) => fact.at >= start);
}

/** The newest fact (the timeline is sorted, so the last one; ties broken by id). */
export function latest(facts: readonly TimedFact[]): TimedFact | undefined {
  return facts.at(-1);
}

/** `#12 (Dana Okafor, 2026-10-20)`: how a reason points at one piece of evidence. */
export function cite(fact: TimedFact): string {
  const who = fact.speaker === undefined ? "" : `${fact.speaker}, `;
  return `#${fact.id} (${who}${dayOf(fact.at)})`;
}
