import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { ChunkExtraction, ExtractionChunk, Extractor } from "../extract/extractor.js";

export const DEFAULT_EVAL_CACHE_FOLDER = ".evidence/eval-cache";

/** What is stored per chunk: the model's candidates and what they cost when they were made. */
interface CachedEntry {
  readonly key: string;
  readonly candidates: ChunkExtraction["candidates"];
  readonly usage?: ChunkExtraction["usage"];
}

/**
 * Wraps an extractor with a file cache keyed by (provider, model, prompt hash, chunk content hash), so a
 * re-run of the eval on unchanged cases makes no model call. Only successful extractions are stored: a
 * failure is retried next time. A hit reports no token usage (it cost nothing this time) and `cached`.
 *
 * @example const extractor = new CachedExtractor(new OfflineExtractor(), { folder: ".evidence/eval-cache" });
 */
export class CachedExtractor implements Extractor {
  readonly provider: string;
  readonly modelId: string;
  readonly promptHash: string;
  private readonly folder: string;

  constructor(
    private readonly inner: Extractor,
    options: { readonly folder?: string } = {},
  ) {
    this.provider = inner.provider;
    this.modelId = inner.modelId;
    this.promptHash = inner.promptHash;
    this.folder = options.folder ?? DEFAULT_EVAL_CACHE_FOLDER;
  }

  /** The cache key of one chunk for this extractor. */
  cacheKey(chunk: ExtractionChunk): string {
    return createHash("sha256").update(JSON.stringify([this.provider, this.modelId, this.promptHash, chunk.contentHash])).digest("hex");
  }

  async extract(chunks: readonly ExtractionChunk[]): Promise<ChunkExtraction[]> {
    const results = new Map<string, ChunkExtraction>();
    const misses: ExtractionChunk[] = [];
    for (const chunk of chunks) {
      const entry = await this.read(this.cacheKey(chunk));
      if (entry === undefined) misses.push(chunk);
      else results.set(chunk.key, { key: chunk.key, candidates: entry.candidates, cached: true });
    }
    if (misses.length > 0) {
      const fresh = await this.inner.extract(misses);
      const byKey = new Map(misses.map((chunk) => [chunk.key, chunk]));
      for (const result of fresh) {
        results.set(result.key, result);
        const chunk = byKey.get(result.key);
        if (chunk === undefined || result.failure !== undefined) continue;
        await this.write(this.cacheKey(chunk), { key: this.cacheKey(chunk), candidates: result.candidates, ...(result.usage === undefined ? {} : { usage: result.usage }) });
      }
    }
    return chunks.flatMap((chunk) => {
      const result = results.get(chunk.key);
      return result === undefined ? [] : [result];
    });
  }

  private fileOf(key: string): string {
    return path.join(this.folder, key.slice(0, 2), `${key}.json`);
  }

  private async read(key: string): Promise<CachedEntry | undefined> {
    try {
      const entry = JSON.parse(await readFile(this.fileOf(key), "utf8")) as CachedEntry;
      return entry.key === key && Array.isArray(entry.candidates) ? entry : undefined;
    } catch {
      // A missing or unreadable entry is a miss: the model is asked again and the entry rewritten.
      return undefined;
    }
  }

  private async write(key: string, entry: CachedEntry): Promise<void> {
    const file = this.fileOf(key);
    await mkdir(path.dirname(file), { recursive: true });
    // Write then rename, so a run killed mid-write never leaves a half entry that reads as valid.
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(entry));
    await rename(temporary, file);
  }
}
