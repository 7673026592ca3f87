import type { CanonicalDocument } from "../ingest/canonical-document.js";
import type { SpeakerRole } from "../ingest/speaker-role.js";

/**
 * An evidence row's id. Always a string (the database's bigint as text), in memory, in hypotheses'
 * citations and in every JSON document, so ids compare without conversion and never lose precision.
 */
export type EvidenceId = string;

/**
 * The evidence read model: one stored evidence row with what a citation needs. Every front end (CLI,
 * report, ask, HTTP) lists evidence in this shape; `formatCitation` (cite-evidence.ts) says where it is.
 */
export interface EvidenceRecord {
  readonly id: EvidenceId;
  readonly accountId: string;
  readonly signalId: string;
  readonly quote: string;
  readonly quoteStart: number;
  readonly quoteEnd: number;
  readonly alignment: "exact" | "normalised";
  readonly speaker: string | null;
  readonly speakerRole: SpeakerRole;
  readonly confidence: number | null;
  readonly commentRef: string | null;
  readonly callOffsetSeconds: number | null;
  readonly documentKind: "ticket" | "call";
  readonly sourceRef: string;
  readonly documentTitle: string | null;
  /** The document's time (ISO, UTC), or null when the source had none. */
  readonly occurredAt: string | null;
  readonly status: "active" | "disputed";
  readonly extractorProvider: string;
  readonly extractorModel: string;
  readonly promptHash: string | null;
}

/**
 * A quote with the document it sits in: what the rules' input is made from (`toEvidenceFact`), in
 * production from the database and in the eval from a gold case, so both decide from the same facts.
 */
export interface QuotedEvidence {
  readonly id: EvidenceId;
  readonly signalId: string;
  readonly quote: string;
  readonly quoteStart: number;
  readonly quoteEnd: number;
  readonly speaker: string | null;
  readonly speakerRole: SpeakerRole;
  readonly document: Pick<CanonicalDocument, "sourceRef" | "kind" | "fullText" | "segments"> & {
    readonly title: string | null;
    /** ISO timestamp (UTC) or null when the source had no date. */
    readonly occurredAt: string | null;
  };
}
