import { setImmediate as setImmediatePromise } from "node:timers/promises";
import { Embedder } from "./embedder.js";

/** Which features the offline embedder hashes, and how it weighs them. Every choice is in the model id. */
export interface HashingEmbedderOptions {
  readonly dimensions?: number;
  /** Lengths of the character n-grams taken inside each word (with boundary marks); empty turns them off. */
  readonly characterNgrams?: readonly number[];
  /** Weight of each character n-gram relative to a whole word. */
  readonly characterNgramWeight?: number;
  /** Pairs of adjacent content words ("more seat"), weighted relative to a word; 0 turns them off. */
  readonly wordBigramWeight?: number;
  /** How repeated features count: `log` is 1 + ln(count), `binary` counts a feature once, `raw` counts every time. */
  readonly weighting?: "log" | "binary" | "raw";
}

/**
 * The default, chosen by `npm run bench:embed` (41 questions about the demo accounts, searched inside
 * one account as `ask` will): words plus character 4-grams, log weighting, 1024 dimensions, no word
 * bigrams. 1024 dimensions was the one consistent gain (fewer hash collisions: MRR 0.58-0.65 at 1024,
 * 0.47-0.61 at 256-384); between feature sets the differences were within a query or two, so the cheaper
 * one won: words+4-grams scored recall@5 0.78 / MRR 0.644, the richest set (3-5-grams and bigrams)
 * 0.78 / 0.646. Bigrams hurt at small sizes; binary and raw counts were within noise of log counts
 * (0.756 / 0.644 and 0.805 / 0.620), so log stayed. The numbers are in the README ("Offline embedder").
 */
export const DEFAULT_HASHING_OPTIONS: Required<HashingEmbedderOptions> = {
  dimensions: 1024,
  characterNgrams: [4],
  characterNgramWeight: 0.35,
  wordBigramWeight: 0,
  weighting: "log",
};

// Words too common to say anything about a document's topic.
const STOP_WORDS = new Set(
  "a an and are as at be but by do for from had has have i if in is it its just me my no not of on or our so that the their them then there they this to up us was we were what when which will with you your yeah um uh okay".split(" "),
);

/** FNV-1a: fast, stable across runs and machines, good enough spread for feature hashing. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Lowercase words with a crude plural fold, so "seats" and "seat" meet. */
export function tokenize(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu) ?? [])
    .filter((word) => !STOP_WORDS.has(word))
    .map((word) => (word.length > 4 && word.endsWith("s") && !word.endsWith("ss") ? word.slice(0, -1) : word));
}

/**
 * The offline embedder: hashed bag of words, character n-grams and word bigrams, signed to cancel
 * collisions, L2-normalised. No network, no key, no model weights; deterministic, so tests and CI can
 * rely on it.
 */
const YIELD_EVERY = 32;

export class HashingEmbedder extends Embedder {
  readonly provider = "offline";
  readonly modelId: string;
  readonly dimensions: number;
  private readonly settings: Required<HashingEmbedderOptions>;

  constructor(options: HashingEmbedderOptions = {}) {
    super({});
    this.settings = { ...DEFAULT_HASHING_OPTIONS, ...options };
    this.dimensions = this.settings.dimensions;
    this.modelId = hashingModelId(this.settings);
  }

  async embedDocuments(documents: string[]): Promise<number[][]> {
    const vectors: number[][] = [];
    for (let start = 0; start < documents.length; start += YIELD_EVERY) {
      // Hand the event loop back between slices, so a database write in flight (the index job writes one
      // batch while it embeds the next) keeps moving instead of waiting for the whole batch.
      if (start > 0) await setImmediatePromise();
      for (const document of documents.slice(start, start + YIELD_EVERY)) vectors.push(this.embed(document));
    }
    return vectors;
  }

  async embedQuery(document: string): Promise<number[]> {
    return this.embed(document);
  }

  private embed(text: string): number[] {
    const { characterNgrams, characterNgramWeight, wordBigramWeight, weighting, dimensions } = this.settings;
    const counts = new Map<string, { count: number; weight: number }>();
    const add = (feature: string, weight: number) => {
      const seen = counts.get(feature);
      if (seen === undefined) counts.set(feature, { count: 1, weight });
      else seen.count += 1;
    };
    const words = tokenize(text);
    for (const word of words) {
      add(`w:${word}`, 1);
      const marked = `<${word}>`;
      for (const length of characterNgrams) {
        if (marked.length <= length) continue;
        for (let start = 0; start + length <= marked.length; start += 1) add(`g:${marked.slice(start, start + length)}`, characterNgramWeight);
      }
    }
    if (wordBigramWeight > 0) {
      for (let index = 0; index + 1 < words.length; index += 1) add(`b:${words[index]} ${words[index + 1]}`, wordBigramWeight);
    }
    const vector = new Array<number>(dimensions).fill(0);
    for (const [feature, { count, weight }] of counts) {
      const hash = fnv1a(feature);
      const sign = hash & 0x80000000 ? -1 : 1;
      const slot = hash % dimensions;
      const strength = weighting === "binary" ? 1 : weighting === "raw" ? count : 1 + Math.log(count);
      vector[slot] = (vector[slot] ?? 0) + sign * weight * strength;
    }
    let norm = 0;
    for (const value of vector) norm += value * value;
    norm = Math.sqrt(norm);
    return norm === 0 ? vector : vector.map((value) => value / norm);
  }
}

/** e.g. "hashing-v2-d1024-w-c4x0.35-log": a different setting is a different vector space. */
export function hashingModelId(settings: Required<HashingEmbedderOptions>): string {
  const characters = settings.characterNgrams.length === 0 ? "" : `-c${settings.characterNgrams.join(".")}x${settings.characterNgramWeight}`;
  const bigrams = settings.wordBigramWeight > 0 ? `-b${settings.wordBigramWeight}` : "";
  return `hashing-v2-d${settings.dimensions}-w${characters}${bigrams}-${settings.weighting}`;
}

/** The offline embedder with the default settings: what the CLI uses when no provider is configured. */
export function createOfflineEmbedder(): HashingEmbedder {
  return new HashingEmbedder();
}
