import { HashingEmbedder } from "../models/hashing-embedder.js";
import type { Embedder } from "../models/embedder.js";
import type { Segment } from "../ingest/canonical-document.js";
import { SIGNAL_CUES, type SignalCues } from "../taxonomy/signal-cues.js";
import { SIGNALS } from "../taxonomy/signals.js";
import type { ExtractionChunk } from "./extractor.js";
import { SentenceClassifier } from "./sentence-classifier.js";
import { NAMED_TOOL_PATTERNS } from "./named-tools.js";
import { foldSentence } from "./speech-context.js";
import { sentenceSpansOf } from "./split-sentences.js";

export interface PrefilterDecision {
  readonly key: string;
  /** Some signal's cue pattern matches a customer-side sentence (negation and the like not checked). */
  readonly lexical: boolean;
  /** Highest cosine similarity of a customer-side sentence to any signal's probe texts. */
  readonly similarity: number;
  /** Highest probability the sentence classifier gives any signal for a customer-side sentence. */
  readonly probability: number;
  readonly selected: boolean;
  /** The chunk's sentences worth a model's reading, as `[start, end)` document offsets (merged windows). */
  readonly windows: ReadonlyArray<readonly [number, number]>;
}

export interface PrefilterOptions {
  /** Embeds sentences and probes; the offline hashing embedder by default (no call leaves the machine). */
  readonly embedder?: Embedder;
  /** A sentence this similar to a probe is worth sending even without a lexical cue. */
  readonly similarityThreshold?: number;
  /** The sentence classifier (the shipped one by default; `false` for none). */
  readonly classifier?: SentenceClassifier | false;
  /** A sentence the classifier gives any signal this probability is worth sending. */
  readonly probabilityThreshold?: number;
  /** Sentences sent either side of a sentence worth sending, so the model reads it in its place. */
  readonly window?: number;
  /** False to send whole chunks (every line) rather than only the windows. */
  readonly trim?: boolean;
}

/**
 * Chosen by `npm run bench:prefilter` on the tune split and the development sets (each measured with a
 * classifier that never saw its vendor): of the settings that send at most half the tokens on both, the
 * one that keeps the most labels within reach on the development sets. Every setting keeps all of the
 * tune split's labels; on an unseen vendor the classifier is less sure, so its bar is set low (see the
 * evals README, "Prefilter").
 */
export const DEFAULT_SIMILARITY_THRESHOLD = 0.4;
/** Far below the extractor's own threshold (0.25): a sentence an unseen vendor's customer said is sent on a hunch. */
export const DEFAULT_PROBABILITY_THRESHOLD = 0.05;
export const DEFAULT_WINDOW = 1;

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

/** One sentence of a chunk, in document offsets, with its segment. */
interface ChunkSentence {
  readonly start: number;
  readonly end: number;
  readonly segment: Segment;
  readonly text: string;
}

function chunkSentences(chunk: ExtractionChunk): ChunkSentence[] {
  return chunk.segments.flatMap((segment) => {
    const start = Math.max(segment.start, chunk.startOffset) - chunk.startOffset;
    const end = Math.min(segment.end, chunk.startOffset + chunk.text.length) - chunk.startOffset;
    if (end <= start) return [];
    return sentenceSpansOf(chunk.text, start, end).map(([from, to]) => ({ start: chunk.startOffset + from, end: chunk.startOffset + to, segment, text: chunk.text.slice(from, to) }));
  });
}

/** Every cue of every signal, and the named-tool phrasing (matched on the sentence as written). */
const CUE_PATTERNS: readonly RegExp[] = Object.values(SIGNAL_CUES as Record<string, SignalCues>).flatMap((entry) => entry.cues.map((cue) => cue.pattern));

/**
 * The chunk with only the windows worth reading: each speaker segment clipped to the windows inside it
 * (a segment with two windows becomes two lines of the same speaker). The text, offsets, key and content
 * hash stay the chunk's, so quotes are verified and cached exactly as for the whole chunk.
 */
export function trimmedChunk(chunk: ExtractionChunk, windows: ReadonlyArray<readonly [number, number]>): ExtractionChunk {
  const segments = chunk.segments.flatMap((segment) =>
    windows.flatMap(([start, end]) => {
      const from = Math.max(start, segment.start);
      const to = Math.min(end, segment.end);
      return to > from ? [{ ...segment, start: from, end: to }] : [];
    }),
  );
  // The turns around the chunk are context only for a window that reaches the chunk's edge; a window
  // inside the chunk has its own neighbouring sentences for context.
  const [first, last] = [segments[0], segments.at(-1)];
  const words = (from: number, to: number) => chunk.text.slice(Math.max(0, from - chunk.startOffset), Math.max(0, to - chunk.startOffset)).trim();
  const firstLine = chunk.segments.find((segment) => segment.end > chunk.startOffset);
  const lastLine = chunk.segments.findLast((segment) => segment.start < chunk.startOffset + chunk.text.length);
  const reachesStart = first !== undefined && firstLine !== undefined && words(Math.max(firstLine.start, chunk.startOffset), first.start) === "";
  const reachesEnd = last !== undefined && lastLine !== undefined && words(last.end, Math.min(lastLine.end, chunk.startOffset + chunk.text.length)) === "";
  const context = (chunk.context ?? []).filter((turn) => (turn.position === "before" ? reachesStart : reachesEnd));
  return { ...chunk, segments, context };
}

/**
 * Decides what is worth a model call, sentence by sentence: a customer-side sentence where a lexical cue
 * of any signal appears, which the sentence classifier thinks likely enough to show a signal, or which is
 * close to a probe (the taxonomy's positive examples) by embedding similarity. Each such sentence is sent
 * with its neighbours (`window` either side, any speaker); the rest of the chunk is left out, and a chunk
 * with no such sentence is not sent. Cheap, offline, deterministic.
 *
 * @example const toSend = await new CandidatePrefilter().select(chunks);
 */
export class CandidatePrefilter {
  private readonly embedder: Embedder;
  private readonly similarityThreshold: number;
  private readonly probabilityThreshold: number;
  private readonly window: number;
  private readonly trim: boolean;
  private readonly classifier: SentenceClassifier | undefined;
  private probes: Promise<number[][]> | undefined;

  constructor(options: PrefilterOptions = {}) {
    this.embedder = options.embedder ?? new HashingEmbedder();
    this.similarityThreshold = options.similarityThreshold ?? DEFAULT_SIMILARITY_THRESHOLD;
    this.probabilityThreshold = options.probabilityThreshold ?? DEFAULT_PROBABILITY_THRESHOLD;
    this.window = options.window ?? DEFAULT_WINDOW;
    this.trim = options.trim ?? true;
    this.classifier = options.classifier === false ? undefined : (options.classifier ?? SentenceClassifier.shipped());
  }

  async decide(chunks: readonly ExtractionChunk[]): Promise<PrefilterDecision[]> {
    this.probes ??= this.embedder.embedDocuments(SIGNALS.flatMap((signal) => [...signal.positiveExamples]));
    const probes = await this.probes;
    const sentencesByChunk = chunks.map(chunkSentences);
    const customerTexts = sentencesByChunk.flatMap((sentences) => sentences.filter((sentence) => sentence.segment.speakerRole !== "vendor").map((sentence) => sentence.text));
    const vectors = customerTexts.length === 0 ? [] : await this.embedder.embedDocuments(customerTexts);
    let vectorIndex = 0;
    return chunks.map((chunk, chunkIndex) => {
      const sentences = sentencesByChunk[chunkIndex] ?? [];
      let lexical = false;
      let similarity = 0;
      let probability = 0;
      const seeds: number[] = [];
      sentences.forEach((sentence, index) => {
        if (sentence.segment.speakerRole === "vendor") return;
        const vector = vectors[vectorIndex] ?? [];
        vectorIndex += 1;
        const folded = foldSentence(sentence.text);
        const cue = CUE_PATTERNS.some((pattern) => pattern.test(folded)) || NAMED_TOOL_PATTERNS.some((pattern) => new RegExp(pattern.source, pattern.flags.replace("g", "")).test(sentence.text));
        const similar = Math.max(0, ...probes.map((probe) => dot(probe, vector)));
        const likely = this.classifier?.probabilities(sentence.text, { ...(index > 0 ? { before: sentences[index - 1]?.text ?? "" } : {}) })[0]?.probability ?? 0;
        lexical ||= cue;
        similarity = Math.max(similarity, similar);
        probability = Math.max(probability, likely);
        if (cue || similar >= this.similarityThreshold || likely >= this.probabilityThreshold) seeds.push(index);
      });
      const windows: Array<[number, number]> = [];
      for (const seed of seeds) {
        const first = sentences[Math.max(0, seed - this.window)];
        const last = sentences[Math.min(sentences.length - 1, seed + this.window)];
        if (first === undefined || last === undefined) continue;
        const previous = windows.at(-1);
        if (previous !== undefined && first.start <= previous[1] + 2) previous[1] = Math.max(previous[1], last.end);
        else windows.push([first.start, last.end]);
      }
      return { key: chunk.key, lexical, similarity, probability, selected: seeds.length > 0, windows };
    });
  }

  async select(chunks: readonly ExtractionChunk[]): Promise<ExtractionChunk[]> {
    const decisions = await this.decide(chunks);
    return chunks.flatMap((chunk, index) => {
      const decision = decisions[index];
      if (decision === undefined || !decision.selected) return [];
      return [this.trim ? trimmedChunk(chunk, decision.windows) : chunk];
    });
  }
}
