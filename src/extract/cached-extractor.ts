import type { CandidatePrefilter } from "./candidate-prefilter.js";
import type { CandidateEvidence, ChunkExtraction, ExtractionChunk, Extractor, TokenUsage } from "./extractor.js";

/** Who answered: the same identity on the same chunk content means the same answer. */
export type ExtractorIdentity = Pick<Extractor, "provider" | "modelId" | "promptHash">;

/** One successful answer to keep, keyed by the chunk's content hash. */
export interface AnswerToStore {
  readonly contentHash: string;
  readonly candidates: readonly CandidateEvidence[];
  readonly usage?: TokenUsage | undefined;
}

/**
 * Where extractor answers are kept between runs: the eval keeps them in files, the pipeline in the
 * database. A store only reads and writes; what counts as a hit and what is stored is decided once, here.
 */
export interface ExtractionCacheStore {
  /** The stored candidates of this extractor by content hash; an absent or unreadable entry is a miss. */
  read(extractor: ExtractorIdentity, contentHashes: readonly string[]): Promise<Map<string, readonly CandidateEvidence[]>>;
  write(extractor: ExtractorIdentity, answers: readonly AnswerToStore[]): Promise<void>;
}

export interface CachedExtraction {
  /** One result per chunk that got one, in chunk order. */
  readonly results: ChunkExtraction[];
  /** Chunks that went to the extractor. */
  readonly sent: number;
  /** Uncached chunks the prefilter kept from the extractor: they get no candidates and are not stored. */
  readonly skippedByPrefilter: number;
}

/**
 * Answers what the store already knows, sends the rest (past the prefilter, when there is one) to the
 * extractor and stores its successful answers. A failure is never stored, so it is asked again next run.
 * A hit reports `cached` and no token usage: it cost nothing this time.
 */
export async function extractThroughCache(
  extractor: Extractor,
  store: ExtractionCacheStore,
  chunks: readonly ExtractionChunk[],
  prefilter?: Pick<CandidatePrefilter, "select">,
): Promise<CachedExtraction> {
  const stored = await store.read(extractor, chunks.map((chunk) => chunk.contentHash));
  const results = new Map<string, ChunkExtraction>();
  const uncached: ExtractionChunk[] = [];
  for (const chunk of chunks) {
    const candidates = stored.get(chunk.contentHash);
    if (candidates === undefined) uncached.push(chunk);
    else results.set(chunk.key, { key: chunk.key, candidates, cached: true });
  }
  const toSend = prefilter === undefined ? uncached : await prefilter.select(uncached);
  const sentKeys = new Set(toSend.map((chunk) => chunk.key));
  for (const chunk of uncached) if (!sentKeys.has(chunk.key)) results.set(chunk.key, { key: chunk.key, candidates: [], cached: false });

  const fresh = toSend.length === 0 ? [] : await extractor.extract(toSend);
  const hashOf = new Map(toSend.map((chunk) => [chunk.key, chunk.contentHash]));
  for (const result of fresh) results.set(result.key, result);
  await store.write(
    extractor,
    fresh.flatMap((result) => {
      const contentHash = hashOf.get(result.key);
      return contentHash === undefined || result.failure !== undefined ? [] : [{ contentHash, candidates: result.candidates, usage: result.usage }];
    }),
  );
  return {
    results: chunks.flatMap((chunk) => {
      const result = results.get(chunk.key);
      return result === undefined ? [] : [result];
    }),
    sent: toSend.length,
    skippedByPrefilter: uncached.length - toSend.length,
  };
}

/**
 * An extractor that remembers its inner extractor's answers in a store (see `extractThroughCache`).
 *
 * @example const extractor = new CachedExtractor(model, new FileExtractionCache(".evidence/eval-cache"));
 */
export class CachedExtractor implements Extractor {
  readonly provider: string;
  readonly modelId: string;
  readonly promptHash: string;

  constructor(
    private readonly inner: Extractor,
    private readonly store: ExtractionCacheStore,
    private readonly prefilter?: Pick<CandidatePrefilter, "select">,
  ) {
    this.provider = inner.provider;
    this.modelId = inner.modelId;
    this.promptHash = inner.promptHash;
  }

  async extract(chunks: readonly ExtractionChunk[]): Promise<ChunkExtraction[]> {
    return (await extractThroughCache(this.inner, this.store, chunks, this.prefilter)).results;
  }
}
