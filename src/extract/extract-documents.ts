import type { CanonicalDocument } from "../ingest/canonical-document.js";
import { chunkDocument, DEFAULT_CHUNK_OPTIONS, type ChunkOptions } from "../index/chunk-document.js";
import { extractionChunksOf } from "./extraction-chunks.js";
import type { ChunkExtraction, ExtractionChunk, Extractor, RejectedCandidate, TokenUsage, VerifiedEvidence } from "./extractor.js";
import { quarantinedSpans } from "./detect-instructions.js";
import { verifyCandidates } from "./verify-citations.js";

/** A passage of a document that addresses the analyzer: never evidence, shown to the reviewer as a flag. */
export interface QuarantinedPassage {
  readonly accountId: string;
  readonly sourceRef: string;
  readonly speaker: string;
  /** Document offsets of the sentence. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The sentences of a chunk's speakers that address the analyzer, in document offsets. */
export function quarantinedPassagesOf(chunk: ExtractionChunk): QuarantinedPassage[] {
  return chunk.segments.flatMap((segment) => {
    const start = Math.max(segment.start, chunk.startOffset) - chunk.startOffset;
    const end = Math.min(segment.end, chunk.startOffset + chunk.text.length) - chunk.startOffset;
    if (end <= start) return [];
    return quarantinedSpans(chunk.text, start, end).map((span) => ({
      accountId: chunk.accountId,
      sourceRef: chunk.sourceRef,
      speaker: segment.speaker,
      start: chunk.startOffset + span.start,
      end: chunk.startOffset + span.end,
      text: span.text,
    }));
  });
}

export interface ExtractionOutcome {
  /** Verified evidence, every quote found in its source and attributed to its speaker. */
  readonly evidence: VerifiedEvidence[];
  /** Candidates whose quote failed the citation check: counted and logged, never stored. */
  readonly rejected: RejectedCandidate[];
  /** Chunks the extractor gave up on, with its reason. */
  readonly failures: Array<{ readonly chunkKey: string; readonly reason: string; readonly retryable: boolean }>;
  /**
   * Passages that address the analyzer (instructions to ignore, classify, record...): evidence overlapping
   * them is dropped, whichever extractor proposed it, and they are kept here to flag the document.
   */
  readonly quarantined: QuarantinedPassage[];
  readonly chunks: number;
  readonly cachedChunks: number;
  readonly usage: TokenUsage;
}

/**
 * Runs an extractor over already prepared chunks and puts every candidate through the citation check.
 * The same evidence found twice (chunks overlap by a sentence) is kept once per document span.
 */
export async function extractChunks(chunks: readonly ExtractionChunk[], extractor: Extractor): Promise<ExtractionOutcome> {
  const results = chunks.length === 0 ? [] : await extractor.extract(chunks);
  return verifyExtractions(chunks, results);
}

/** The citation check over an extractor's results, in chunk order. */
export function verifyExtractions(chunks: readonly ExtractionChunk[], results: readonly ChunkExtraction[]): ExtractionOutcome {
  const byKey = new Map(results.map((result) => [result.key, result]));
  const evidence: VerifiedEvidence[] = [];
  const rejected: RejectedCandidate[] = [];
  const failures: ExtractionOutcome["failures"] = [];
  const seen = new Set<string>();
  const quarantined: QuarantinedPassage[] = [];
  const seenQuarantine = new Set<string>();
  let promptTokens = 0;
  let completionTokens = 0;
  let cachedChunks = 0;
  for (const chunk of chunks) {
    const result = byKey.get(chunk.key);
    if (result === undefined) {
      failures.push({ chunkKey: chunk.key, reason: "the extractor returned no result for this chunk", retryable: true });
      continue;
    }
    if (result.cached) cachedChunks += 1;
    promptTokens += result.usage?.promptTokens ?? 0;
    completionTokens += result.usage?.completionTokens ?? 0;
    if (result.failure !== undefined) failures.push({ chunkKey: chunk.key, ...result.failure });
    const verified = verifyCandidates(chunk, result.candidates);
    rejected.push(...verified.rejected);
    const flagged = quarantinedPassagesOf(chunk);
    for (const passage of flagged) {
      const identity = `${passage.accountId}:${passage.sourceRef}:${passage.start}:${passage.end}`;
      if (seenQuarantine.has(identity)) continue;
      seenQuarantine.add(identity);
      quarantined.push(passage);
    }
    for (const item of verified.accepted) {
      if (flagged.some((passage) => item.quoteStart < passage.end && item.quoteEnd > passage.start)) continue;
      // Source references are unique per account, not across accounts.
      const identity = `${chunk.accountId}:${item.sourceRef}:${item.signalId}:${item.quoteStart}:${item.quoteEnd}`;
      if (seen.has(identity)) continue;
      seen.add(identity);
      evidence.push(item);
    }
  }
  return { evidence, rejected, failures, quarantined, chunks: chunks.length, cachedChunks, usage: { promptTokens, completionTokens } };
}

/**
 * Chunks documents the way the index does and extracts evidence from them, in memory: what the eval suite
 * runs on gold cases, and what the database job runs on stored chunks.
 *
 * @example const { evidence } = await extractDocuments([ticketDocument(ticket, directory, ref)], new OfflineExtractor());
 */
export async function extractDocuments(
  documents: readonly CanonicalDocument[],
  extractor: Extractor,
  options: { readonly chunkOptions?: ChunkOptions } = {},
): Promise<ExtractionOutcome> {
  const chunks = documents.flatMap((document) => extractionChunksOf(document, chunkDocument(document, options.chunkOptions ?? DEFAULT_CHUNK_OPTIONS)));
  return extractChunks(chunks, extractor);
}
