import { analysePull } from "./analyse-pull.js";
import { customerTimeline, decisionTime } from "./evidence-timeline.js";
import { READINESS_GATES } from "./gate-registry.js";
import type { GateResult, ReadinessInput, ReadinessResult, Verdict } from "./readiness-contract.js";
import type { GateContext, ReadinessGate } from "./readiness-gate.js";
import type { LoadedRules } from "./rules-schema.js";
import { readSeatUtilisation } from "./seat-utilisation.js";
import { weighRisks } from "./weigh-risks.js";

/**
 * The verdict from the gates. A failed footprint gate means fix the footprint, whatever else is unknown:
 * an expansion push on a shaky foundation accelerates churn (seed 004). Only when nothing fails does an
 * undecidable gate make the evidence insufficient; only then does pull separate ready from no_pull.
 */
export function decideVerdict(gates: readonly GateResult[], registry: readonly ReadinessGate[] = READINESS_GATES): Verdict {
  const roleOf = (result: GateResult) => registry.find((gate) => gate.id === result.gate)?.role ?? "footprint";
  const footprint = gates.filter((result) => roleOf(result) === "footprint");
  const pull = gates.filter((result) => roleOf(result) === "pull");
  if (footprint.some((result) => result.status === "fail")) return "fix_footprint";
  if ([...footprint, ...pull].some((result) => result.status === "unknown")) return "insufficient_evidence";
  if (pull.some((result) => result.status === "fail")) return "no_pull";
  return "ready";
}

/**
 * Decides readiness for one account: plain rules over customer-side evidence, account facts and usage.
 * Deterministic (same input, same result, whatever the evidence order), never calls a model, and never
 * reads a quote's text: only its signal, speaker role, speaker, document and time.
 *
 * @example const result = evaluateReadiness({ account, usage, evidence, asOf: "2026-11-23" }, await loadRules());
 */
export function evaluateReadiness(input: ReadinessInput, loaded: LoadedRules, registry: readonly ReadinessGate[] = READINESS_GATES): ReadinessResult {
  const { rules } = loaded;
  const now = decisionTime(input.asOf);
  const timeline = customerTimeline(input.evidence, now);
  const seats = readSeatUtilisation(input.account, input.usage, now, rules.customer_pull.seat_utilisation);
  const context: GateContext = {
    input,
    rules,
    now,
    timeline,
    pull: analysePull(timeline, now, rules, seats),
    risks: weighRisks(timeline, now, rules),
  };
  const gates = registry.map((gate) => gate.evaluate(context));
  return {
    accountId: input.account.id,
    asOf: input.asOf,
    verdict: decideVerdict(gates, registry),
    gates,
    expansionTypes: context.pull.supported,
    blockingRisks: context.risks.blockingRisks,
    rulesVersion: loaded.rulesVersion,
  };
}
