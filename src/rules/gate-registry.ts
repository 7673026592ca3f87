import { blockingRisksGate } from "./gates/blocking-risks-gate.js";
import { championActiveGate } from "./gates/champion-active-gate.js";
import { customerPullGate } from "./gates/customer-pull-gate.js";
import { healthyFootprintGate } from "./gates/healthy-footprint-gate.js";
import { measurableOutcomeGate } from "./gates/measurable-outcome-gate.js";
import type { ReadinessGate } from "./readiness-gate.js";

/** Every readiness gate, in the order results list them: seed 004's three checks, pull, then risks. */
export const READINESS_GATES: readonly ReadinessGate[] = [
  healthyFootprintGate,
  measurableOutcomeGate,
  championActiveGate,
  customerPullGate,
  blockingRisksGate,
];
