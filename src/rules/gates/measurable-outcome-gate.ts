import { cite, dayOf, latest, ofSignals, sortedIds, withinDays } from "../evidence-timeline.js";
import type { ReadinessGate } from "../readiness-gate.js";

export const measurableOutcomeGate: ReadinessGate = {
  id: "measurable_outcome",
  description: "The customer states at least one measurable outcome in the window",
  role: "footprint",
  seeds: ["004", "003"],
  nextCustomerAction: { rank: 4, text: "The customer states one measurable result in their own numbers, before and after." },
  evaluate({ timeline, now, rules }) {
    const { window_days: windowDays, failing_signals: failingSignals } = rules.measurable_outcome;
    const outcomes = ofSignals(timeline, ["measurable_outcome"]);
    const recent = withinDays(outcomes, now, windowDays);
    const gate = "measurable_outcome" as const;
    const newest = latest(recent);
    if (newest !== undefined) {
      const speakers = new Set(recent.flatMap((fact) => (fact.speaker === undefined ? [] : [fact.speaker])));
      return {
        gate,
        status: "pass",
        reasons: [
          `${recent.length} customer-stated measurable outcome${recent.length === 1 ? "" : "s"} in the last ${windowDays} days` +
            `${speakers.size > 0 ? ` from ${[...speakers].join(", ")}` : ""}; latest ${cite(newest)}.`,
        ],
        evidenceIds: sortedIds(recent.map((fact) => fact.id)),
        data: { outcomes: recent.length, latest: dayOf(newest.at) },
      };
    }
    const contesting = withinDays(ofSignals(timeline, failingSignals), now, windowDays);
    if (contesting.length > 0) {
      return {
        gate,
        status: "fail",
        reasons: [
          `No measurable outcome in the last ${windowDays} days, and the customer questions the value: ` +
            `${contesting.map(cite).join(", ")}. Value is not proven (seed 001).`,
        ],
        evidenceIds: sortedIds(contesting.map((fact) => fact.id)),
        data: { outcomes: 0 },
      };
    }
    const older = latest(outcomes);
    return {
      gate,
      status: "unknown",
      reasons: [
        older === undefined
          ? `No customer-stated measurable outcome yet, and nothing contests the value either.`
          : `The last measurable outcome, ${cite(older)}, is older than ${windowDays} days: confirm it still holds.`,
      ],
      evidenceIds: older === undefined ? [] : [older.id],
      data: { outcomes: 0 },
    };
  },
};
