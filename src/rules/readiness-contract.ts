import type { Account } from "../ingest/account-schema.js";
import type { SpeakerRole } from "../ingest/speaker-role.js";
import type { UsageMetric } from "../ingest/usage-schema.js";
import type { ExpansionType } from "../taxonomy/expansion-types.js";
import type { SignalId } from "../taxonomy/signals.js";

/**
 * What a quote about a tier or add-on capability refers to, matched against the vendor profile before the
 * rules run (`match-offering.ts`). The rules read this label, never the quote, so a text change cannot move
 * a verdict.
 */
export interface OfferingMatch {
  readonly kind: "tier" | "add_on";
  readonly id: string;
  readonly name: string;
  /**
   * `higher_tier` and `add_on` point to an expansion; `current_plan` and `owned_add_on` mean the customer
   * asked for something they already have: an enablement gap, not expansion (DESIGN.md, vendor profile).
   */
  readonly relation: "higher_tier" | "add_on" | "current_plan" | "owned_add_on";
  /** The capabilities (or the offering's name) the quote mentions. */
  readonly matched: readonly string[];
  /**
   * Set when the quote itself names nothing and the offering comes from the customer's other evidence in
   * the same document: the id of the fact whose quote names it.
   */
  readonly inferredFrom?: string;
}

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
  /** Where the quote is, for people: "ticket #4412 comment 3", "call 2026-05-14 00:23:41". */
  readonly place?: string;
  /** Set for tier_workaround and higher_tier_interest when the quote names a tier or add-on capability. */
  readonly offering?: OfferingMatch;
  /**
   * Set for champion_engaged and champion_departing when the account has a champion on record
   * (`match-person.ts`): whether the quote is about the champion or about someone else.
   */
  readonly about?: "champion" | "someone_else";
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

/** Seat utilisation computed from usage numbers: pull derived from data, not from anyone's words. */
export interface SeatUtilisation {
  readonly activeUsers: number;
  readonly licensedSeats: number;
  readonly ratio: number;
  readonly measuredOn: string;
}

/** One expansion type the customer side supports, with the evidence (and data) behind it. */
export interface ExpansionSupport {
  readonly type: ExpansionType;
  readonly evidenceIds: readonly string[];
  /** The corroborated signals that point here. */
  readonly signals: readonly SignalId[];
  /** Set when seat pressure measured from usage supports this type (volume). */
  readonly seatUtilisation?: SeatUtilisation;
  /** Why this type and not another, when a signal could point two ways (tier upgrade or cross-sell). */
  readonly notes: readonly string[];
}

export interface BlockingRisk {
  readonly signalId: SignalId;
  readonly evidenceIds: readonly string[];
  readonly weight: number;
}

export interface ReadinessResult {
  readonly accountId: string;
  readonly asOf: string;
  readonly verdict: Verdict;
  readonly gates: readonly GateResult[];
  readonly expansionTypes: readonly ExpansionSupport[];
  readonly blockingRisks: readonly BlockingRisk[];
  /** `<version from the rules file>+<content hash>`: a rules change is never silent. */
  readonly rulesVersion: string;
}
