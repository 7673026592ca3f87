import type { Account } from "../ingest/account-schema.js";
import type { SpeakerRole } from "../ingest/speaker-role.js";
import type { UsageMetric } from "../ingest/usage-schema.js";
import type { ExpansionType } from "../taxonomy/expansion-types.js";
import type { SignalId } from "../taxonomy/signals.js";

/** One evidence row as the rules read it. Disputed rows are filtered out before the rules see them. */
export interface EvidenceFact {
  readonly id: string;
  readonly signalId: SignalId;
  readonly speakerRole: SpeakerRole;
  readonly speaker?: string;
  /** The document the quote is in: corroboration counts distinct documents or speakers. */
  readonly sourceRef: string;
  /** When the words were said or written (ISO date or timestamp). */
  readonly occurredAt: string;
  readonly quote: string;
}

/** Everything the rules decide from. No model, no database: the same input always gives the same result. */
export interface ReadinessInput {
  readonly account: Account;
  readonly usage: readonly UsageMetric[];
  readonly evidence: readonly EvidenceFact[];
  /** The day the decision is made for; recency windows count back from here (ISO date). */
  readonly asOf: string;
}

export type GateId = "healthy_footprint" | "measurable_outcome" | "champion_active" | "customer_pull" | "blocking_risks";
export type GateStatus = "pass" | "fail" | "unknown";
export type Verdict = "ready" | "fix_footprint" | "no_pull" | "insufficient_evidence";

export interface GateResult {
  readonly gate: GateId;
  readonly status: GateStatus;
  /** Plain sentences a CSM can read, each backed by `evidenceIds` or `data`. */
  readonly reasons: readonly string[];
  readonly evidenceIds: readonly string[];
  readonly data?: Record<string, number | string | null>;
}

export interface ReadinessResult {
  readonly accountId: string;
  readonly verdict: Verdict;
  readonly gates: readonly GateResult[];
  readonly expansionTypes: readonly { readonly type: ExpansionType; readonly evidenceIds: readonly string[] }[];
  readonly blockingRisks: readonly { readonly signalId: SignalId; readonly evidenceIds: readonly string[] }[];
  readonly rulesVersion: string;
}
