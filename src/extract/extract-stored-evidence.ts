import type { Database } from "../db/database.js";
import { replaceChunkEvidence, storedChunks, type NewEvidence, type StoredChunk } from "../db/evidence-store.js";
import { replaceDocumentFlags, type DocumentFlag } from "../db/document-flag-store.js";
import { finishRun, startRun } from "../db/run-store.js";
import { taxonomyVersion } from "../taxonomy/taxonomy-version.js";
import type { CandidatePrefilter } from "./candidate-prefilter.js";
import { extractThroughCache } from "./cached-extractor.js";
import { DatabaseExtractionCache, extractorIdOf } from "./database-extraction-cache.js";
import { verifyExtractions } from "./extract-documents.js";
import { chunkContentHash, contextOf } from "./extraction-chunks.js";
import type { AccountContext, ExtractionChunk, Extractor, RejectionReason, TokenUsage } from "./extractor.js";
import { accountContexts } from "./account-context.js";

export { extractorIdOf };

export interface StoredExtractionOptions {
  readonly extractor: Extractor;
  readonly toolVersion: string;
  readonly accountId?: string | undefined;
  /** Decides which uncached chunks go to the extractor (model extractors); every chunk goes without it. */
  readonly prefilter?: CandidatePrefilter | undefined;
  /** Recorded with the run (flags as given). */
  readonly arguments?: Record<string, unknown>;
}

export interface StoredExtractionSummary {
  readonly runId: number;
  readonly extractorId: string;
  readonly chunksRead: number;
  readonly cached: number;
  readonly sent: number;
  readonly skippedByPrefilter: number;
  readonly evidence: { readonly total: number; readonly customer: number; readonly vendor: number; readonly unknown: number };
  readonly inserted: number;
  readonly removed: number;
  readonly rejected: Partial<Record<RejectionReason, number>>;
  /** Passages that address the analyzer: never evidence, stored as flags on their documents. */
  readonly quarantined: number;
  readonly failures: ReadonlyArray<{ readonly chunkKey: string; readonly sourceRef: string; readonly reason: string; readonly retryable: boolean }>;
  readonly usage: TokenUsage;
}

function toExtractionChunk(stored: StoredChunk, account: AccountContext | undefined): ExtractionChunk {
  const context = contextOf(stored.documentText, stored.documentSegments, stored.startOffset, stored.endOffset);
  return {
    ...(account === undefined ? {} : { account }),
    key: String(stored.chunkId),
    accountId: stored.accountId,
    sourceRef: stored.sourceRef,
    kind: stored.kind,
    text: stored.text,
    startOffset: stored.startOffset,
    segments: stored.segments,
    context,
    contentHash: chunkContentHash(stored.text, stored.startOffset, stored.segments, context, account),
  };
}

/**
 * Extracts evidence from the stored chunks (of one account, or all): cached answers are reused, the rest
 * (past the prefilter) go to the extractor, every candidate goes through the citation check, and each
 * chunk's evidence rows are replaced in one transaction. Re-running on an unchanged corpus makes no
 * extractor call and changes no row; a document re-indexed with new content lost its evidence with it.
 * Chunks the extractor failed on keep their previous evidence and are reported.
 */
export async function extractStoredEvidence(database: Database, options: StoredExtractionOptions): Promise<StoredExtractionSummary> {
  const { extractor } = options;
  const extractorId = extractorIdOf(extractor);
  const runId = await startRun(database, {
    command: "extract",
    arguments: options.arguments ?? { account: options.accountId ?? null },
    toolVersion: options.toolVersion,
    versions: { taxonomy: taxonomyVersion(), extractor: extractorId, provider: extractor.provider, model: extractor.modelId, prompt: extractor.promptHash },
  });
  try {
    const stored = await storedChunks(database, options.accountId);
    // Each account's champion and the vendor's own product names (stored at index time) go with its
    // chunks, so every extractor reads them in production as the eval and the demo do.
    const accounts = await accountContexts(database, [...new Set(stored.map((chunk) => chunk.accountId))]);
    const chunks = stored.map((chunk) => toExtractionChunk(chunk, accounts.get(chunk.accountId)));
    // Cached answers are reused; only uncached chunks meet the prefilter and the extractor.
    const extraction = await extractThroughCache(extractor, new DatabaseExtractionCache(database), chunks, options.prefilter);

    const outcome = verifyExtractions(chunks, extraction.results);
    const failedKeys = new Set(outcome.failures.map((failure) => failure.chunkKey));
    const byKey = new Map(stored.map((chunk) => [String(chunk.chunkId), chunk]));
    const rows: NewEvidence[] = outcome.evidence.flatMap((item) => {
      const chunk = byKey.get(item.chunkKey);
      if (chunk === undefined) return [];
      return [
        {
          accountId: chunk.accountId,
          documentId: chunk.documentId,
          chunkId: chunk.chunkId,
          signalId: item.signalId,
          quote: item.quote,
          quoteStart: item.quoteStart,
          quoteEnd: item.quoteEnd,
          alignment: item.alignment,
          speaker: item.speaker,
          speakerRole: item.speakerRole,
          confidence: item.confidence,
          commentRef: item.commentRef,
          callOffsetSeconds: item.callOffsetSeconds,
          extractorProvider: extractor.provider,
          extractorModel: extractor.modelId,
          promptHash: extractor.promptHash,
          runId,
        },
      ];
    });
    const settledChunkIds = stored.filter((chunk) => !failedKeys.has(String(chunk.chunkId))).map((chunk) => chunk.chunkId);
    // Flags are replaced per document, for the documents whose every chunk was settled in this run.
    const documentIdOf = new Map(stored.map((chunk) => [`${chunk.accountId}:${chunk.sourceRef}`, chunk.documentId]));
    const unsettledDocuments = new Set(stored.filter((chunk) => failedKeys.has(String(chunk.chunkId))).map((chunk) => chunk.documentId));
    const settledDocuments = [...new Set(stored.map((chunk) => chunk.documentId))].filter((id) => !unsettledDocuments.has(id));
    const flags: DocumentFlag[] = outcome.quarantined.flatMap((passage) => {
      const documentId = documentIdOf.get(`${passage.accountId}:${passage.sourceRef}`);
      if (documentId === undefined || unsettledDocuments.has(documentId)) return [];
      return [{ accountId: passage.accountId, documentId, kind: "instruction_to_analyzer" as const, speaker: passage.speaker, startOffset: passage.start, endOffset: passage.end, text: passage.text }];
    });
    const written = await database.transaction(async (transaction) => {
      const result = await replaceChunkEvidence(transaction, settledChunkIds, rows);
      await replaceDocumentFlags(transaction, settledDocuments, flags, runId);
      return result;
    });

    const rejected: Partial<Record<RejectionReason, number>> = {};
    for (const item of outcome.rejected) rejected[item.reason] = (rejected[item.reason] ?? 0) + 1;
    const countRole = (role: string) => rows.filter((row) => row.speakerRole === role).length;
    const summary: StoredExtractionSummary = {
      runId,
      extractorId,
      chunksRead: chunks.length,
      cached: outcome.cachedChunks,
      sent: extraction.sent,
      skippedByPrefilter: extraction.skippedByPrefilter,
      evidence: { total: rows.length, customer: countRole("customer"), vendor: countRole("vendor"), unknown: countRole("unknown") },
      inserted: written.inserted,
      removed: written.removed,
      rejected,
      quarantined: flags.length,
      failures: outcome.failures.map((failure) => ({ ...failure, sourceRef: byKey.get(failure.chunkKey)?.sourceRef ?? "" })),
      usage: outcome.usage,
    };
    await finishRun(database, runId, { status: "succeeded", summary: { ...summary, failures: summary.failures.length } });
    return summary;
  } catch (error) {
    await finishRun(database, runId, { status: "failed", summary: { error: (error as Error).message } }).catch(() => undefined);
    throw error;
  }
}
