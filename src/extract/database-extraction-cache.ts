import type { Queryable } from "../db/database.js";
import { cachedAnswers, saveAnswers } from "../db/evidence-store.js";
import { isSignalId } from "../taxonomy/signals.js";
import type { AnswerToStore, ExtractionCacheStore, ExtractorIdentity } from "./cached-extractor.js";
import type { CandidateEvidence } from "./extractor.js";

/** The identity of an extractor's answers: the same id on the same chunk content means the same answer. */
export function extractorIdOf(extractor: ExtractorIdentity): string {
  return `${extractor.provider}/${extractor.modelId}/${extractor.promptHash}`;
}

/**
 * The pipeline's cache: the `extraction_cache` table, shared by every account with the same chunk text.
 * A stored candidate whose signal the taxonomy no longer has is dropped on the way out.
 */
export class DatabaseExtractionCache implements ExtractionCacheStore {
  constructor(private readonly database: Queryable) {}

  async read(extractor: ExtractorIdentity, contentHashes: readonly string[]): Promise<Map<string, readonly CandidateEvidence[]>> {
    const answers = await cachedAnswers(this.database, extractorIdOf(extractor), contentHashes);
    return new Map(
      [...answers].map(([contentHash, answer]) => [
        contentHash,
        answer.candidates.flatMap((candidate) => (isSignalId(candidate.signalId) ? [{ ...candidate, signalId: candidate.signalId }] : [])),
      ]),
    );
  }

  async write(extractor: ExtractorIdentity, answers: readonly AnswerToStore[]): Promise<void> {
    await saveAnswers(
      this.database,
      extractorIdOf(extractor),
      answers.map((answer) => ({
        chunkHash: answer.contentHash,
        candidates: answer.candidates,
        promptTokens: answer.usage?.promptTokens ?? 0,
        completionTokens: answer.usage?.completionTokens ?? 0,
      })),
    );
  }
}
