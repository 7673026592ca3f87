import type { GateId, GateStatus, Verdict } from "../rules/readiness-contract.js";
import type { ExpansionType } from "../taxonomy/expansion-types.js";
import type { SignalCategory, SignalId } from "../taxonomy/signals.js";

/**
 * The pre-QBR evidence report as plain data: everything a renderer shows, already decided and worded.
 * Renderers (HTML, Markdown) only lay it out; they never compute a fact. Customer text is kept raw here
 * and escaped by each renderer for its own format.
 */
export interface AccountReport {
  readonly generatedAt: string;
  readonly asOf: string;
  readonly account: AccountFacts;
  readonly readiness: ReadinessSection;
  readonly people: PeopleSection;
  readonly signals: SignalsSection;
  readonly timeline: TimelineData;
  readonly hypotheses: readonly HypothesisBrief[];
  /** Older hypotheses of the same expansion types (superseded, stale or rejected), one line each. */
  readonly hypothesisHistory: readonly { readonly id: string; readonly expansionType: string; readonly status: string; readonly note: string | null }[];
  readonly roi: RoiFrame;
  readonly changes: ChangesSection;
  readonly nextActions: readonly NextAction[];
}

/** One stored, verified quote with where it was said: the only way customer words enter a report. */
export interface ReportQuote {
  readonly evidenceId: string;
  readonly signalId: SignalId;
  readonly signalTitle: string;
  readonly quote: string;
  readonly speaker: string | null;
  readonly speakerRole: "customer" | "vendor" | "unknown";
  /** "ticket #1031 comment 3" or "call 2026-10-20 00:23:41". */
  readonly place: string;
  /** ISO timestamp of when the words were said or written. */
  readonly occurredAt: string;
  readonly sourceRef: string;
}

export interface AccountFacts {
  readonly id: string;
  readonly name: string;
  readonly tier: string;
  readonly arr: number;
  readonly addOns: readonly string[];
  readonly licensedSeats: number | null;
  /** The latest active-user number on or before the report day, with its date. */
  readonly activeUsers: { readonly value: number; readonly measuredOn: string } | null;
  /** active / licensed, 0..n; null when either is missing. */
  readonly utilisation: number | null;
  readonly renewalDate: string | null;
  /** Whole days from the report day to renewal (negative when past). */
  readonly daysToRenewal: number | null;
  readonly health: string;
  readonly healthTrend: string;
  readonly champion: string | null;
  readonly economicBuyer: string | null;
}

export interface ReportGate {
  readonly id: GateId;
  readonly title: string;
  readonly status: GateStatus;
  readonly reasons: readonly string[];
  /** The latest few quotes behind the gate; the rest are listed by id (`moreEvidenceIds`), quoted under Signals. */
  readonly evidence: readonly ReportQuote[];
  readonly moreEvidenceIds: readonly string[];
  /** Numbers the gate decided from, worded for a reader ("lastEngaged: 2026-10-20"). */
  readonly data: readonly { readonly label: string; readonly value: string }[];
}

export interface ReadinessSection {
  readonly verdict: Verdict;
  /** One sentence a CSM can say out loud. */
  readonly headline: string;
  readonly gates: readonly ReportGate[];
  readonly expansionTypes: readonly { readonly type: ExpansionType; readonly signals: readonly SignalId[]; readonly note: string | null }[];
  readonly blockingRisks: readonly { readonly signalId: SignalId; readonly signalTitle: string; readonly weight: number; readonly evidenceIds: readonly string[] }[];
  readonly rulesVersion: string;
  readonly rulesFile: string;
  /** Vendor or unknown-speaker rows the rules were handed and did not count. */
  readonly notCounted: number;
}

export type ChampionStatus = "active" | "silent" | "leaving" | "unknown";

export interface Person {
  readonly name: string;
  readonly roles: readonly ("champion" | "economic buyer" | "customer speaker")[];
  /** ISO timestamp of the latest quote on record; null when never quoted. */
  readonly lastQuoted: string | null;
  readonly bySignal: readonly { readonly signalId: SignalId; readonly signalTitle: string; readonly quotes: readonly ReportQuote[] }[];
}

export interface PeopleSection {
  readonly champion: { readonly name: string | null; readonly status: ChampionStatus; readonly explanation: string };
  readonly people: readonly Person[];
}

export interface SignalsSection {
  readonly categories: readonly {
    readonly category: SignalCategory;
    readonly title: string;
    readonly signals: readonly { readonly signalId: SignalId; readonly signalTitle: string; readonly quotes: readonly ReportQuote[] }[];
  }[];
  /** What the vendor's people said: shown apart, never counted as pull (seed 001). */
  readonly vendorSpeech: readonly ReportQuote[];
  /** Speakers the ingest could not place on either side: shown apart, not counted. */
  readonly unknownSpeech: readonly ReportQuote[];
}

export interface TimelinePoint {
  readonly evidenceId: string;
  readonly day: string;
  readonly signalId: SignalId;
  /** The lane the point is drawn in: a signal category for customer speech, or "vendor". */
  readonly lane: SignalCategory | "vendor";
}

export interface UsageSeries {
  readonly metric: string;
  readonly points: readonly { readonly day: string; readonly value: number }[];
  /** A reference line drawn across the chart (licensed seats for active users). */
  readonly reference: { readonly label: string; readonly value: number } | null;
}

export interface TimelineData {
  readonly from: string;
  readonly to: string;
  readonly since: string | null;
  readonly points: readonly TimelinePoint[];
  readonly usage: readonly UsageSeries[];
}

export type ApprovalState =
  | { readonly status: "draft" }
  | { readonly status: "approved"; readonly by: string | null; readonly at: string | null; readonly comment: string | null; readonly overrideReason: string | null }
  | { readonly status: "rejected"; readonly by: string | null; readonly at: string | null; readonly comment: string | null }
  | { readonly status: "stale"; readonly reason: string | null };

/** The seeds' expansion brief (seed 004, step 5) for one hypothesis, with "missing" where nothing supports a field. */
export interface HypothesisBrief {
  readonly id: string;
  readonly expansionType: ExpansionType | string;
  readonly approval: ApprovalState;
  readonly verdictWhenDrafted: string;
  readonly fields: readonly BriefField[];
  /** The problem in the customer's own words: stored quotes only. */
  readonly problemInTheirWords: readonly ReportQuote[];
  readonly moreProblemIds: readonly string[];
  /** The hypothesis's own sections (seed 001), as stored. */
  readonly sections: readonly { readonly title: string; readonly text: string; readonly evidenceIds: readonly string[] }[];
}

export interface BriefField {
  readonly label: string;
  /** null means missing: the renderer says so plainly. */
  readonly value: string | null;
  /** What would fill a missing field. */
  readonly missingHint?: string;
}

export interface RoiFrame {
  readonly currentValue: BriefField;
  readonly currentValueQuotes: readonly ReportQuote[];
  readonly expansionCost: BriefField;
  readonly expectedOutcome: BriefField;
  readonly payback: BriefField;
  /** Gaps in the value story, each one plain sentence. */
  readonly gaps: readonly string[];
}

export interface ChangesSection {
  /** The day changes are counted from, and where it came from. Null when there is nothing to compare with. */
  readonly since: string | null;
  readonly basis: "flag" | "last assessment" | "none";
  /** The assessment compared against, when one was recorded. */
  readonly comparedWith: { readonly assessmentId: string; readonly asOf: string; readonly recordedAt: string; readonly verdict: string } | null;
  readonly verdictMoved: { readonly from: string; readonly to: string } | null;
  readonly newEvidence: readonly ReportQuote[];
  readonly disputed: readonly { readonly quote: ReportQuote; readonly by: string; readonly at: string; readonly comment: string | null }[];
  readonly gatesMoved: readonly { readonly gate: GateId; readonly title: string; readonly from: GateStatus; readonly to: GateStatus }[];
  readonly hypothesisEvents: readonly { readonly hypothesisId: string; readonly expansionType: string; readonly change: "approved" | "rejected" | "stale" | "drafted"; readonly by: string; readonly at: string; readonly detail: string | null }[];
}

export interface NextAction {
  readonly gate: GateId;
  readonly title: string;
  readonly status: GateStatus;
  /** What the customer would do or say that moves this gate (seed 001: a customer action, not a vendor one). */
  readonly action: string;
}

/** One row of the portfolio view. */
export interface PortfolioRow {
  readonly accountId: string;
  readonly name: string;
  readonly renewalDate: string | null;
  readonly arr: number;
  readonly verdict: Verdict;
  readonly expansionTypes: readonly ExpansionType[];
  readonly blockingRisks: readonly string[];
  readonly champion: string | null;
  readonly championStatus: ChampionStatus;
  /** Draft hypotheses waiting for a person. */
  readonly awaitingReview: number;
  /** Relative link to the account's HTML report. */
  readonly reportLink: string;
}

export interface PortfolioReport {
  readonly generatedAt: string;
  readonly asOf: string;
  readonly renewalBefore: string | null;
  readonly rows: readonly PortfolioRow[];
  readonly rulesVersion: string | null;
}
