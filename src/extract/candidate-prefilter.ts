import { HashingEmbedder } from "../models/hashing-embedder.js";
import type { Embedder } from "../models/embedder.js";
import { SIGNAL_CUES, type SignalCues } from "../taxonomy/signal-cues.js";
import { SIGNALS } from "../taxonomy/signals.js";
import type { ExtractionChunk } from "./extractor.js";
import { foldSentence } from "./speech-context.js";

export interface PrefilterDecision {
  readonly key: string;
  /** Some signal's cue pattern matches the customer-side words (negation and the like not checked). */
  readonly lexical: boolean;
  /** Highest cosine similarity of the customer-side words to any signal's probe texts. */
  readonly similarity: number;
  readonly selected: boolean;
}

export interface PrefilterOptions {
  /** Embeds chunk texts and probes; the offline hashing embedder by default (no call leaves the machine). */
  readonly embedder?: Embedder;
  /** A chunk this similar to a probe goes to the model even without a lexical cue. */
  readonly similarityThreshold?: number;
}

export const DEFAULT_SIMILARITY_THRESHOLD = 0.2;

/** The words of customer-side (and unknown) speakers in a chunk: vendor speech is never customer pull. */
export function customerSideText(chunk: ExtractionChunk): string {
  return chunk.segments
    .filter((segment) => segment.speakerRole !== "vendor")
    .map((segment) => {
      const start = Math.max(segment.start, chunk.startOffset) - chunk.startOffset;
      const end = Math.min(segment.end, chunk.startOffset + chunk.text.length) - chunk.startOffset;
      return end > start ? chunk.text.slice(start, end) : "";
    })
    .join("\n")
    .trim();
}

function dot(left: readonly number[], right: readonly number[]): number {
  let sum = 0;
  for (let index = 0; index < left.length; index += 1) sum += (left[index] ?? 0) * (right[index] ?? 0);
  return sum;
}

/**
 * Decides which chunks are worth a model call: those where a lexical cue of any signal appears in the
 * customer's words, or whose customer-side text is close to a probe (the taxonomy's positive examples)
 * by embedding similarity. Chunks with only vendor speech never go. Cheap, offline, deterministic.
 *
 * @example const toSend = await new CandidatePrefilter().select(chunks);
 */
export class CandidatePrefilter {
  private readonly embedder: Embedder;
  private readonly threshold: number;
  private probes: Promise<number[][]> | undefined;

  constructor(options: PrefilterOptions = {}) {
    this.embedder = options.embedder ?? new HashingEmbedder();
    this.threshold = options.similarityThreshold ?? DEFAULT_SIMILARITY_THRESHOLD;
  }

  async decide(chunks: readonly ExtractionChunk[]): Promise<PrefilterDecision[]> {
    this.probes ??= this.embedder.embedDocuments(SIGNALS.flatMap((signal) => [...signal.positiveExamples]));
    const probes = await this.probes;
    const texts = chunks.map(customerSideText);
    const vectors = await this.embedder.embedDocuments(texts.map((text) => (text === "" ? " " : text)));
    return chunks.map((chunk, index) => {
      const text = texts[index] ?? "";
      if (text === "") return { key: chunk.key, lexical: false, similarity: 0, selected: false };
      const folded = foldSentence(text);
      const lexical = Object.values(SIGNAL_CUES as Record<string, SignalCues>).some((entry) => entry.cues.some((cue) => cue.pattern.test(folded)));
      const vector = vectors[index] ?? [];
      const similarity = Math.max(0, ...probes.map((probe) => dot(probe, vector)));
      return { key: chunk.key, lexical, similarity, selected: lexical || similarity >= this.threshold };
    });
  }

  async select(chunks: readonly ExtractionChunk[]): Promise<ExtractionChunk[]> {
    const decisions = await this.decide(chunks);
    return chunks.filter((_, index) => decisions[index]?.selected === true);
  }
}
