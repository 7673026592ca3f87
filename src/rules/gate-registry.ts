import { blockingRisksGate } from "./gates/blocking-risks-gate.js";
import { championActiveGate } from "./gates/champion-active-gate.js";
import { customerPullGate } from "./gates/customer-pull-gate.js";
import { healthyFootprintGate } from "./gates/healthy-footprint-gate.js";
import { measurableOutcomeGate } from "./gates/measurable-outcome-gate.js";
import type { GateId, GateResult, ReadinessResult } from "./readiness-contract.js";
import type { ReadinessGate } from "./readiness-gate.js";

/** Every readiness gate, in the order results list them: seed 004's three checks, pull, then risks. */
export const READINESS_GATES: readonly ReadinessGate[] = [
  healthyFootprintGate,
  measurableOutcomeGate,
  championActiveGate,
  customerPullGate,
  blockingRisksGate,
];

const BY_ID = new Map<GateId, ReadinessGate>(READINESS_GATES.map((gate) => [gate.id, gate]));

function gateNamed(id: GateId): ReadinessGate {
  const gate = BY_ID.get(id);
  if (gate === undefined) throw new Error(`No readiness gate "${id}" in the registry.`);
  return gate;
}

/** True for the gates that must all pass before pull matters (every gate but customer_pull). */
export function isFootprintGate(id: GateId): boolean {
  return gateNamed(id).role === "footprint";
}

/** How a gate's result reads in one sentence, as the gate itself declares it. */
export function summariseGate(gate: GateResult, result: ReadinessResult): string {
  return gateNamed(gate.gate).summarise?.(gate, result) ?? gate.reasons[0] ?? "";
}

/**
 * The next customer action that would move the first footprint gate not passing (in the gates' declared
 * order), or undefined when every footprint gate passes.
 *
 * @example nextFootprintAction(result) // "The customer names who owns the product on their side now, ..."
 */
export function nextFootprintAction(result: ReadinessResult): string | undefined {
  const actions = result.gates
    .filter((gate) => gate.status !== "pass")
    .map((gate) => gateNamed(gate.gate).nextCustomerAction)
    .filter((action) => action !== undefined)
    .sort((left, right) => left.rank - right.rank);
  return actions[0]?.text;
}
