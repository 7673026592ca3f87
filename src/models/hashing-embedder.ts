import { Embedder } from "./embedder.js";

export interface HashingEmbedderOptions {
  readonly dimensions?: number;
  /** Character n-gram length used beside whole words; 0 turns n-grams off. */
  readonly characterNgram?: number;
}

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
 * The offline embedder: hashed bag of words and character n-grams with sublinear term weights, signed
 * to cancel collisions, L2-normalised. No network, no key, no model weights; deterministic, so tests and
 * CI can rely on it.
 */
export class HashingEmbedder extends Embedder {
  readonly provider = "offline";
  readonly modelId: string;
  readonly dimensions: number;
  private readonly characterNgram: number;

  constructor(options: HashingEmbedderOptions = {}) {
    super({});
    this.dimensions = options.dimensions ?? 384;
    this.characterNgram = options.characterNgram ?? 4;
    this.modelId = `hashing-v1-d${this.dimensions}-n${this.characterNgram}`;
  }

  async embedDocuments(documents: string[]): Promise<number[][]> {
    return documents.map((document) => this.embed(document));
  }

  async embedQuery(document: string): Promise<number[]> {
    return this.embed(document);
  }

  private embed(text: string): number[] {
    const counts = new Map<string, number>();
    const add = (feature: string, weight: number) => counts.set(feature, (counts.get(feature) ?? 0) + weight);
    const words = tokenize(text);
    for (const word of words) {
      add(`w:${word}`, 1);
      if (this.characterNgram > 0 && word.length > this.characterNgram) {
        for (let start = 0; start + this.characterNgram <= word.length; start += 1) {
          add(`g:${word.slice(start, start + this.characterNgram)}`, 0.5);
        }
      }
    }
    for (let index = 0; index + 1 < words.length; index += 1) add(`b:${words[index]} ${words[index + 1]}`, 0.7);
    const vector = new Array<number>(this.dimensions).fill(0);
    for (const [feature, count] of counts) {
      const hash = fnv1a(feature);
      const sign = hash & 0x80000000 ? -1 : 1;
      const slot = hash % this.dimensions;
      vector[slot] = (vector[slot] ?? 0) + sign * (1 + Math.log(count));
    }
    const norm = Math.hypot(...vector);
    return norm === 0 ? vector : vector.map((value) => value / norm);
  }
}

