import { SIGNALS, type SignalId } from "../taxonomy/signals.js";
import { ofSignals, sortedIds, withinDays, type TimedFact } from "./evidence-timeline.js";
import type { BlockingRisk } from "./readiness-contract.js";
import type { ReadinessRules } from "./rules-schema.js";

export interface WeighedSignal {
  readonly signalId: SignalId;
  readonly facts: readonly TimedFact[];
  readonly weight: number;
}

export interface RiskBalance {
  /** Open risks the rules weigh (customer-side, in the window), in taxonomy order. */
  readonly risks: readonly WeighedSignal[];
  /** Value shown in the same window, weighing the other way. */
  readonly offsets: readonly WeighedSignal[];
  readonly riskWeight: number;
  readonly offsetWeight: number;
  /** Open risks that block on their own (`always_block`). */
  readonly alwaysBlocking: readonly SignalId[];
  readonly blocked: boolean;
  /** What the result lists as blocking: every weighed open risk when blocked, nothing otherwise. */
  readonly blockingRisks: readonly BlockingRisk[];
}

function weighed(timeline: readonly TimedFact[], weights: Partial<Record<SignalId, number>>, extra: readonly SignalId[]): WeighedSignal[] {
  const listed = new Set<SignalId>([...(Object.keys(weights) as SignalId[]), ...extra]);
  // Taxonomy order, not file order, so the output reads the same way for every rules file.
  return SIGNALS.map((signal) => signal.id)
    .filter((id) => listed.has(id))
    .map((signalId) => ({ signalId, facts: ofSignals(timeline, [signalId]), weight: weights[signalId] ?? 0 }))
    .filter((entry) => entry.facts.length > 0);
}

/**
 * Open risks against value shown, in one window (seeds 000, 001). Each signal counts once however often
 * it is repeated: ten tickets about the same friction are one risk, not ten.
 */
export function weighRisks(timeline: readonly TimedFact[], now: number, rules: ReadinessRules): RiskBalance {
  const { window_days: windowDays, weights, value_offsets: valueOffsets, always_block: alwaysBlock, block_at: blockAt } =
    rules.blocking_risks;
  const recent = withinDays(timeline, now, windowDays);
  const risks = weighed(recent, weights, alwaysBlock);
  const offsets = weighed(recent, valueOffsets, []);
  const riskWeight = risks.reduce((total, risk) => total + risk.weight, 0);
  const offsetWeight = offsets.reduce((total, offset) => total + offset.weight, 0);
  const alwaysBlocking = risks.filter((risk) => alwaysBlock.includes(risk.signalId)).map((risk) => risk.signalId);
  const blocked = alwaysBlocking.length > 0 || (riskWeight > 0 && riskWeight - offsetWeight >= blockAt);
  return {
    risks,
    offsets,
    riskWeight,
    offsetWeight,
    alwaysBlocking,
    blocked,
    blockingRisks: blocked
      ? risks.map((risk) => ({ signalId: risk.signalId, evidenceIds: sortedIds(risk.facts.map((fact) => fact.id)), weight: risk.weight }))
      : [],
  };
}
