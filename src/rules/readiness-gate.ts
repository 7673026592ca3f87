import type { SeedId } from "../taxonomy/seeds.js";
import type { PullAnalysis } from "./analyse-pull.js";
import type { TimedFact } from "./evidence-timeline.js";
import type { GateId, GateResult, ReadinessInput, ReadinessResult } from "./readiness-contract.js";
import type { ReadinessRules } from "./rules-schema.js";
import type { RiskBalance } from "./weigh-risks.js";

/** What every gate may read: the input, the rules, and the analyses computed once for all gates. */
export interface GateContext {
  readonly input: ReadinessInput;
  readonly rules: ReadinessRules;
  /** The decision moment (end of the `asOf` day), in milliseconds. */
  readonly now: number;
  /** Customer-side evidence up to `now`, in time order. Vendor and unknown speakers are already gone. */
  readonly timeline: readonly TimedFact[];
  readonly pull: PullAnalysis;
  readonly risks: RiskBalance;
}

/**
 * One readiness gate. Each declares itself and the registry collects them (`gate-registry.ts`).
 * `footprint` gates must all pass before pull matters (seed 004, step 1); the `pull` gate separates
 * `ready` from `no_pull`.
 */
export interface ReadinessGate {
  readonly id: GateId;
  readonly description: string;
  readonly role: "footprint" | "pull";
  readonly seeds: readonly SeedId[];
  evaluate(context: GateContext): GateResult;
  /**
   * The one sentence that says why this gate came out as it did, for summaries (the demo); the full
   * reasons stay in the result. Default: the first reason.
   */
  readonly summarise?: (gate: GateResult, result: ReadinessResult) => string;
  /**
   * What the customer would do that moves this gate to pass, when it does not pass; `rank` orders the
   * footprint gates as the fix comes first (seed 004: fix the footprint first). The pull gate has none:
   * what pulls is said per expansion type.
   */
  readonly nextCustomerAction?: { readonly rank: number; readonly text: string };
}
