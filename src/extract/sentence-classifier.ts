import { readFileSync } from "node:fs";
import { z } from "zod";
import { SIGNALS, type SignalId } from "../taxonomy/signals.js";
import { foldSentence } from "./speech-context.js";

/**
 * A small sentence classifier: hashed word 1- and 2-grams (with words after a negator marked), one
 * logistic regression per signal, trained at build time (`npm run train:classifier`) on the tune split
 * and the taxonomy's examples, stored as data next to this file. It reads phrasings the cue families do
 * not list; the offline extractor asks it only when no cue of that signal fired.
 */

export const CLASSIFIER_BUCKETS = 1 << 14;
const NEGATOR = /^(?:no|not|never|nobody|nothing|none|without|don't|doesn't|didn't|won't|can't|cannot|isn't|aren't|wasn't|weren't|haven't|hasn't)$/;
const CLAUSE_END = /^[,;:]$/;

/** FNV-1a, 32 bits: a stable hash across runs and machines. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The hashed feature buckets of a sentence (each once). */
export function featuresOf(sentence: string): number[] {
  const tokens = foldSentence(sentence).match(/[a-z0-9']+|[,;:]/g) ?? [];
  const words: string[] = [];
  let negated = false;
  for (const token of tokens) {
    if (CLAUSE_END.test(token)) {
      negated = false;
      continue;
    }
    words.push(negated ? `not_${token}` : token);
    if (NEGATOR.test(token) || token.endsWith("n't")) negated = true;
  }
  const grams = [...words, ...words.slice(1).map((word, index) => `${words[index]} ${word}`)];
  return [...new Set(grams.map((gram) => hashOf(gram) % CLASSIFIER_BUCKETS))];
}

const weightsSchema = z.strictObject({
  version: z.literal(1),
  buckets: z.literal(CLASSIFIER_BUCKETS),
  threshold: z.number().min(0).max(1),
  trainedOn: z.string(),
  signals: z.record(z.string(), z.strictObject({ bias: z.number(), weights: z.record(z.string(), z.number()) })),
});

export type ClassifierWeights = z.infer<typeof weightsSchema>;

let shippedClassifier: SentenceClassifier | undefined;

export const CLASSIFIER_WEIGHTS_FILE = new URL("./sentence-classifier.weights.json", import.meta.url);

/** A trained classifier: the probability of each signal for a sentence. */
export class SentenceClassifier {
  readonly threshold: number;
  private readonly models: Array<{ id: SignalId; bias: number; weights: Map<number, number> }>;

  constructor(readonly data: ClassifierWeights) {
    this.threshold = data.threshold;
    this.models = SIGNALS.flatMap((signal) => {
      const model = data.signals[signal.id];
      if (model === undefined) return [];
      return [{ id: signal.id, bias: model.bias, weights: new Map(Object.entries(model.weights).map(([bucket, weight]) => [Number(bucket), weight])) }];
    });
  }

  /** Reads a weights file (at call time, never at import). */
  static load(file: URL = CLASSIFIER_WEIGHTS_FILE): SentenceClassifier {
    return new SentenceClassifier(weightsSchema.parse(JSON.parse(readFileSync(file, "utf8"))));
  }

  /** The weights shipped with the code, read once per process on first use. */
  static shipped(): SentenceClassifier {
    shippedClassifier ??= SentenceClassifier.load();
    return shippedClassifier;
  }

  /** Signals whose probability reaches the threshold, most likely first. */
  classify(sentence: string): Array<{ signalId: SignalId; probability: number }> {
    const features = featuresOf(sentence);
    return this.models
      .map((model) => {
        const score = features.reduce((sum, bucket) => sum + (model.weights.get(bucket) ?? 0), model.bias);
        return { signalId: model.id, probability: 1 / (1 + Math.exp(-score)) };
      })
      .filter((result) => result.probability >= this.threshold)
      .sort((left, right) => right.probability - left.probability);
  }
}

/** One training sentence: its text and the signals it shows (none for a negative). */
export interface TrainingSentence {
  readonly text: string;
  readonly signals: readonly SignalId[];
}

/**
 * Trains one L2-regularised logistic regression per signal by full-batch gradient descent, positives
 * weighted up to balance the classes. Deterministic: same data, same weights.
 */
export function trainClassifier(
  sentences: readonly TrainingSentence[],
  options: { readonly epochs?: number; readonly learningRate?: number; readonly l2?: number; readonly threshold: number; readonly trainedOn: string },
): ClassifierWeights {
  const epochs = options.epochs ?? 300;
  const learningRate = options.learningRate ?? 0.5;
  const l2 = options.l2 ?? 0.001;
  const rows = sentences.map((sentence) => ({ features: featuresOf(sentence.text), signals: new Set(sentence.signals) }));
  const signals: ClassifierWeights["signals"] = {};
  for (const signal of SIGNALS) {
    const positives = rows.filter((row) => row.signals.has(signal.id)).length;
    if (positives === 0) continue;
    const positiveWeight = Math.min(20, (rows.length - positives) / positives);
    const weights = new Float64Array(CLASSIFIER_BUCKETS);
    let bias = 0;
    const total = rows.reduce((sum, row) => sum + (row.signals.has(signal.id) ? positiveWeight : 1), 0);
    for (let epoch = 0; epoch < epochs; epoch += 1) {
      const gradient = new Float64Array(CLASSIFIER_BUCKETS);
      let biasGradient = 0;
      for (const row of rows) {
        const label = row.signals.has(signal.id) ? 1 : 0;
        const score = row.features.reduce((sum, bucket) => sum + (weights[bucket] ?? 0), bias);
        const error = (1 / (1 + Math.exp(-score)) - label) * (label === 1 ? positiveWeight : 1);
        for (const bucket of row.features) gradient[bucket] = (gradient[bucket] ?? 0) + error;
        biasGradient += error;
      }
      for (let bucket = 0; bucket < CLASSIFIER_BUCKETS; bucket += 1) {
        const current = weights[bucket] ?? 0;
        weights[bucket] = current - learningRate * ((gradient[bucket] ?? 0) / total + l2 * current);
      }
      bias -= learningRate * (biasGradient / total);
    }
    const kept: Record<string, number> = {};
    weights.forEach((weight, bucket) => {
      if (Math.abs(weight) >= 0.03) kept[String(bucket)] = Number(weight.toFixed(2));
    });
    signals[signal.id] = { bias: Number(bias.toFixed(3)), weights: kept };
  }
  return { version: 1, buckets: CLASSIFIER_BUCKETS, threshold: options.threshold, trainedOn: options.trainedOn, signals };
}
