import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { AnswerToStore, ExtractionCacheStore, ExtractorIdentity } from "../extract/cached-extractor.js";
import type { CandidateEvidence, TokenUsage } from "../extract/extractor.js";

export const DEFAULT_EVAL_CACHE_FOLDER = ".evidence/eval-cache";

/** What is stored per chunk: the model's candidates and what they cost when they were made. */
interface CachedEntry {
  readonly key: string;
  readonly candidates: readonly CandidateEvidence[];
  readonly usage?: TokenUsage;
}

/**
 * The eval's cache: one JSON file per answer, keyed by (provider, model, prompt hash, chunk content hash),
 * so a re-run of the eval on unchanged cases makes no model call and needs no database.
 */
export class FileExtractionCache implements ExtractionCacheStore {
  constructor(private readonly folder: string = DEFAULT_EVAL_CACHE_FOLDER) {}

  /** The cache key of one chunk's answer from this extractor. */
  keyOf(extractor: ExtractorIdentity, contentHash: string): string {
    return createHash("sha256").update(JSON.stringify([extractor.provider, extractor.modelId, extractor.promptHash, contentHash])).digest("hex");
  }

  async read(extractor: ExtractorIdentity, contentHashes: readonly string[]): Promise<Map<string, readonly CandidateEvidence[]>> {
    const found = new Map<string, readonly CandidateEvidence[]>();
    for (const contentHash of new Set(contentHashes)) {
      const entry = await this.readEntry(this.keyOf(extractor, contentHash));
      if (entry !== undefined) found.set(contentHash, entry.candidates);
    }
    return found;
  }

  async write(extractor: ExtractorIdentity, answers: readonly AnswerToStore[]): Promise<void> {
    for (const answer of answers) {
      const key = this.keyOf(extractor, answer.contentHash);
      await this.writeEntry(key, { key, candidates: answer.candidates, ...(answer.usage === undefined ? {} : { usage: answer.usage }) });
    }
  }

  private fileOf(key: string): string {
    return path.join(this.folder, key.slice(0, 2), `${key}.json`);
  }

  private async readEntry(key: string): Promise<CachedEntry | undefined> {
    try {
      const entry = JSON.parse(await readFile(this.fileOf(key), "utf8")) as CachedEntry;
      return entry.key === key && Array.isArray(entry.candidates) ? entry : undefined;
    } catch {
      // A missing or unreadable entry is a miss: the model is asked again and the entry rewritten.
      return undefined;
    }
  }

  private async writeEntry(key: string, entry: CachedEntry): Promise<void> {
    const file = this.fileOf(key);
    await mkdir(path.dirname(file), { recursive: true });
    // Write then rename, so a run killed mid-write never leaves a half entry that reads as valid.
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(entry));
    await rename(temporary, file);
  }
}
