import type { Segment } from "../ingest/canonical-document.js";
import type { SpeakerRole } from "../ingest/speaker-role.js";
import type { SignalId } from "../taxonomy/signals.js";

/**
 * One chunk as an extractor sees it. Offsets are into the document's full text, so a quote found in
 * `text` maps straight back to the document (`startOffset + index in text`).
 */
export interface ExtractionChunk {
  /** Stable key of the chunk: its database id as text, or `<sourceRef>#<ordinal>` outside the database. */
  readonly key: string;
  readonly accountId: string;
  readonly sourceRef: string;
  readonly kind: "ticket" | "call";
  readonly text: string;
  readonly startOffset: number;
  /** The document's speaker segments that overlap this chunk (document offsets). */
  readonly segments: readonly Segment[];
  /** Hash of text, segments and context: with the extractor id, the cache key of an extraction. */
  readonly contentHash: string;
  /**
   * The turns or comments just before and after the chunk in its document (clipped), so a reader can see
   * what the chunk answers or what answers it. Context only: a quote must come from `text`.
   */
  readonly context?: readonly ContextTurn[];
  /** What is on record about the chunk's account, for telling its people and the vendor's products apart. */
  readonly account?: AccountContext;
}

/**
 * What is known about an account besides its documents: the champion on record (so "X is leaving" can be
 * told from the champion leaving) and the vendor's own product, tier and add-on names (never another tool).
 */
export interface AccountContext {
  readonly champion?: string;
  /** As written in the vendor profile ("Halyard", "Parts Planner"). */
  readonly productNames: readonly string[];
}

/** A neighbouring turn or comment of a chunk, outside it. */
export interface ContextTurn {
  readonly position: "before" | "after";
  readonly speaker: string;
  readonly speakerRole: SpeakerRole;
  readonly text: string;
}

/** What an extractor claims: a signal and the words that show it. Nothing is trusted until verified. */
export interface CandidateEvidence {
  readonly signalId: SignalId;
  readonly quote: string;
  readonly confidence: number;
}

export interface TokenUsage {
  readonly promptTokens: number;
  readonly completionTokens: number;
}

/** The outcome of one chunk: candidates, or why the extractor gave up on it. */
export interface ChunkExtraction {
  readonly key: string;
  readonly candidates: readonly CandidateEvidence[];
  /** Set when the chunk could not be extracted (malformed output after repair, provider failure). */
  readonly failure?: { readonly reason: string; readonly retryable: boolean };
  readonly usage?: TokenUsage;
  readonly cached: boolean;
}

/**
 * The narrow interface every extractor (offline cue patterns, OpenAI-compatible model) implements.
 *
 * @example const results = await extractor.extract(chunks); // one ChunkExtraction per chunk, same order
 */
export interface Extractor {
  readonly provider: string;
  readonly modelId: string;
  /** Content hash of the prompt files (or of the cue patterns, offline): recorded with every row. */
  readonly promptHash: string;
  extract(chunks: readonly ExtractionChunk[]): Promise<ChunkExtraction[]>;
}

/** A candidate whose quote was found in the source, attributed to the person who said it. */
export interface VerifiedEvidence {
  readonly chunkKey: string;
  readonly sourceRef: string;
  readonly signalId: SignalId;
  /** The exact text of the document between quoteStart and quoteEnd. */
  readonly quote: string;
  readonly quoteStart: number;
  readonly quoteEnd: number;
  readonly alignment: "exact" | "normalised";
  readonly speaker: string;
  readonly speakerRole: SpeakerRole;
  readonly confidence: number;
  /** Ticket comment id or seconds from the start of the call, for citations. */
  readonly commentRef?: string;
  readonly callOffsetSeconds?: number;
}

/**
 * Why a candidate never became evidence. `outside_speech` is a quote that includes the labels the
 * canonical document adds (timestamps, names), `too_short` one with too few words to stand on its own.
 */
export type RejectionReason = "quote_not_found" | "spans_speakers" | "outside_speech" | "unknown_signal" | "too_short" | "mail_furniture";

export interface RejectedCandidate {
  readonly chunkKey: string;
  readonly signalId: string;
  readonly quote: string;
  readonly reason: RejectionReason;
}
