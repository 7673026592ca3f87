import type { Account } from "../ingest/account-schema.js";
import type { UsageMetric } from "../ingest/usage-schema.js";
import type { GateId, GateStatus, OfferingMatch, ReadinessResult } from "../rules/readiness-contract.js";

/**
 * What a report is built from, as plain data: the gathering use case fills it from the application's
 * services, tests fill it from fixtures. Nothing here is worded for a reader yet.
 */
export interface ReportSources {
  readonly account: Account;
  readonly usage: readonly UsageMetric[];
  readonly asOf: string;
  readonly generatedAt: string;
  /** `--since`, when given; otherwise changes are counted from the last recorded assessment. */
  readonly since?: string;
  /** Every active evidence row the rules were handed (customer, vendor and unknown speakers), each verified. */
  readonly evidence: readonly SourceEvidence[];
  readonly readiness: {
    readonly result: ReadinessResult;
    readonly rulesFile: string;
    readonly notCounted: number;
  };
  /** What each gate says a customer would do to move it, when the gate declares it. */
  readonly nextCustomerActions?: Partial<Record<GateId, Partial<Record<GateStatus, string>>>>;
  /** The latest assessment recorded before this report (or before `--since`). */
  readonly previous?: PreviousAssessment;
  readonly hypotheses: readonly SourceHypothesis[];
  /** Evidence reviewers marked wrong, with the stored quote and its place. */
  readonly disputes: readonly SourceDispute[];
  /** Review and staleness events of the account's hypotheses, oldest first. */
  readonly hypothesisEvents: readonly SourceHypothesisEvent[];
}

export interface SourceEvidence {
  readonly id: string;
  readonly signalId: string;
  readonly quote: string;
  readonly speaker: string | null;
  readonly speakerRole: "customer" | "vendor" | "unknown";
  readonly place: string;
  readonly occurredAt: string;
  readonly sourceRef: string;
  /** When the row was stored (ISO timestamp), for "new since"; optional for fixtures. */
  readonly recordedAt?: string;
  readonly offering?: OfferingMatch;
}

export interface PreviousAssessment {
  readonly id: string;
  readonly asOf: string;
  /** When it was recorded (ISO timestamp). */
  readonly recordedAt: string;
  readonly verdict: string;
  readonly gates: readonly { readonly gate: GateId; readonly status: GateStatus }[];
  readonly evidenceIds: readonly string[];
}

export interface SourceHypothesis {
  readonly id: string;
  readonly expansionType: string;
  readonly verdict: string;
  readonly status: "draft" | "approved" | "rejected" | "stale";
  readonly statusReason: string | null;
  readonly content: Record<string, unknown>;
  readonly evidenceIds: readonly string[];
  readonly reviewedBy: string | null;
  readonly reviewedAt: string | null;
  readonly reviewComment: string | null;
  readonly overrideReason: string | null;
  readonly createdAt: string;
}

export interface SourceDispute {
  readonly evidence: SourceEvidence;
  readonly reviewer: string;
  readonly comment: string | null;
  readonly at: string;
}

export interface SourceHypothesisEvent {
  readonly hypothesisId: string;
  readonly expansionType: string;
  readonly action: string;
  readonly actor: string;
  readonly at: string;
  readonly details: Record<string, unknown>;
}
