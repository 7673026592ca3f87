import { cite, sortedIds } from "../evidence-timeline.js";
import type { ReadinessGate } from "../readiness-gate.js";

export const customerPullGate: ReadinessGate = {
  id: "customer_pull",
  description: "At least one corroborated customer-side expansion signal in the window, or seat pressure measured from usage",
  role: "pull",
  seeds: ["004", "001"],
  // Each supported expansion type with the signals that carry it.
  summarise(gate, result) {
    if (result.expansionTypes.length === 0) return gate.reasons[0] ?? "";
    return result.expansionTypes.map((support) => `${support.type} (${support.signals.join(", ")})`).join("; ");
  },
  evaluate({ pull, rules }) {
    const { window_days: windowDays, corroboration } = rules.customer_pull;
    const reasons: string[] = [];
    for (const support of pull.supported) {
      const mentions = support.evidenceIds.length;
      const said = mentions === 0 ? [] : [`${mentions} customer-side mention${mentions === 1 ? "" : "s"}`];
      const measured = support.seatUtilisation === undefined ? [] : ["seat utilisation measured from usage"];
      reasons.push(`${support.type}: ${support.signals.join(", ")} (${[...said, ...measured].join(", and ")}).`);
      reasons.push(...support.notes);
    }
    const weak = pull.groups.filter((group) => !group.corroborated);
    for (const group of weak) {
      reasons.push(
        `Not counted, too thin: ${group.signalId} -> ${group.type} from ${group.facts.map(cite).join(", ")} ` +
          `(${group.documents} document${group.documents === 1 ? "" : "s"}, ${group.speakers} speaker${group.speakers === 1 ? "" : "s"}; ` +
          `needs ${corroboration.distinct_documents} documents or ${corroboration.distinct_speakers} speakers).`,
      );
    }
    for (const gap of pull.enablementGaps) {
      const offering = gap.offering;
      reasons.push(
        `Not counted: ${cite(gap)} asks for ${offering?.matched.join(", ") ?? "something"}, which ${offering?.name ?? "their plan"} ` +
          `already gives them: an enablement gap, not expansion.`,
      );
    }
    reasons.push(pull.seats.reason);
    const passed = pull.supported.length > 0;
    if (!passed) reasons.unshift(`No corroborated customer-side expansion signal in the last ${windowDays} days: a wish, not a lead (seed 001).`);
    const seats = pull.seats.kind === "measured" ? pull.seats.utilisation : undefined;
    return {
      gate: "customer_pull",
      status: passed ? "pass" : "fail",
      reasons,
      evidenceIds: sortedIds(pull.supported.flatMap((support) => support.evidenceIds)),
      data: {
        expansionTypes: pull.supported.map((support) => support.type).join(", ") || null,
        seatUtilisation: seats === undefined ? null : Math.round(seats.ratio * 1000) / 1000,
      },
    };
  },
};
