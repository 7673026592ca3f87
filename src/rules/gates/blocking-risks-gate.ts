import { cite, sortedIds } from "../evidence-timeline.js";
import type { ReadinessGate } from "../readiness-gate.js";

export const blockingRisksGate: ReadinessGate = {
  id: "blocking_risks",
  description: "Open customer-side risks do not outweigh the value shown",
  role: "footprint",
  seeds: ["000", "001"],
  nextCustomerAction: {
    rank: 2,
    text: "The customer confirms the open risks are resolved, and asks for the next conversation themselves rather than being pitched.",
  },
  // The open risks by name, then the weighing (the last reason).
  summarise(gate, result) {
    const weighing = gate.reasons[gate.reasons.length - 1] ?? "";
    return result.blockingRisks.length === 0 ? weighing : `${result.blockingRisks.map((risk) => risk.signalId).join(", ")}. ${weighing}`;
  },
  evaluate({ risks, rules }) {
    const { window_days: windowDays, block_at: blockAt } = rules.blocking_risks;
    const describe = (entry: (typeof risks.risks)[number]) => `${entry.signalId} (weight ${entry.weight}): ${entry.facts.map(cite).join(", ")}`;
    const reasons: string[] = [];
    if (risks.risks.length === 0) {
      reasons.push(`No open customer-side risk in the last ${windowDays} days.`);
    } else {
      reasons.push(...risks.risks.map((risk) => `Open risk ${describe(risk)}.`));
      if (risks.offsets.length > 0) reasons.push(...risks.offsets.map((offset) => `Weighs against: ${describe(offset)}.`));
      const net = risks.riskWeight - risks.offsetWeight;
      reasons.push(
        risks.alwaysBlocking.length > 0
          ? `${risks.alwaysBlocking.join(", ")} blocks on its own, whatever the value shown (seed 001).`
          : `Risk ${risks.riskWeight} minus value ${risks.offsetWeight} is ${net}: ${net >= blockAt ? "at or above" : "below"} the block level ${blockAt}.`,
      );
    }
    return {
      gate: "blocking_risks",
      status: risks.blocked ? "fail" : "pass",
      reasons,
      evidenceIds: sortedIds(risks.risks.flatMap((risk) => risk.facts.map((fact) => fact.id))),
      data: { riskWeight: risks.riskWeight, valueWeight: risks.offsetWeight, blockAt },
    };
  },
};
