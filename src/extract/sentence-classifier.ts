import { readFileSync } from "node:fs";
import { z } from "zod";
import { SIGNALS, type SignalId } from "../taxonomy/signals.js";
import { sentenceFeatureGrams, featureOptionsSchema, DEFAULT_FEATURE_OPTIONS, type FeatureOptions, type SentenceContext } from "./sentence-features.js";

/**
 * A small sentence classifier: hashed n-gram features (`sentence-features.ts`), one logistic regression
 * per signal, trained at build time (`npm run train:classifier`) on the tune split, the labelled training
 * corpus (`evals/training/`) and the taxonomy's examples, stored as data next to this file. It reads
 * phrasings the cue families do not list. Which features, how strong the regularisation and where the
 * threshold sits were chosen by leave-one-case-out cross-validation on the tune split (`npm run bench:cv`).
 */

/** FNV-1a, 32 bits: a stable hash across runs and machines. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A sentence as the model sees it: hashed buckets, each with the same weight (the vector has length 1). */
export interface SentenceVector {
  readonly buckets: Int32Array;
  readonly value: number;
}

/** The hashed feature vector of a sentence (each bucket once). */
export function vectorOf(sentence: string, options: FeatureOptions, buckets: number, context: SentenceContext = {}): SentenceVector {
  const unique = new Set<number>();
  for (const gram of sentenceFeatureGrams(sentence, options, context)) unique.add(hashOf(gram) & (buckets - 1));
  return { buckets: Int32Array.from(unique), value: unique.size === 0 ? 0 : 1 / Math.sqrt(unique.size) };
}

const weightsSchema = z.strictObject({
  version: z.literal(2),
  buckets: z.number().int().positive().refine((value) => (value & (value - 1)) === 0, "must be a power of two"),
  features: featureOptionsSchema,
  threshold: z.number().min(0).max(1),
  trainedOn: z.string(),
  /**
   * Per signal: bias, and the kept weights as parallel arrays of bucket and weight, the buckets in
   * ascending order and each stored as its distance from the one before (compact on disk).
   */
  signals: z.record(z.string(), z.strictObject({ bias: z.number(), threshold: z.number().min(0).max(1).optional(), buckets: z.array(z.number().int().nonnegative()), weights: z.array(z.number()) })),
});

export type ClassifierWeights = z.infer<typeof weightsSchema>;

let shippedClassifier: SentenceClassifier | undefined;

export const CLASSIFIER_WEIGHTS_FILE = new URL("./sentence-classifier.weights.json", import.meta.url);

/** A trained classifier: the probability of each signal for a sentence. */
export class SentenceClassifier {
  readonly threshold: number;
  private readonly models: Array<{ id: SignalId; bias: number; threshold: number; weights: Map<number, number> }>;

  constructor(readonly data: ClassifierWeights) {
    this.threshold = data.threshold;
    this.models = SIGNALS.flatMap((signal) => {
      const model = data.signals[signal.id];
      if (model === undefined) return [];
      const weights = new Map<number, number>();
      let bucket = 0;
      model.buckets.forEach((step, index) => {
        bucket += step;
        weights.set(bucket, model.weights[index] ?? 0);
      });
      return [{ id: signal.id, bias: model.bias, threshold: model.threshold ?? data.threshold, weights }];
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

  /** Every signal's probability for the sentence, most likely first. */
  probabilities(sentence: string, context: SentenceContext = {}): Array<{ signalId: SignalId; probability: number; threshold: number }> {
    const vector = vectorOf(sentence, this.data.features, this.data.buckets, context);
    return this.models
      .map((model) => {
        let score = model.bias;
        for (const bucket of vector.buckets) score += (model.weights.get(bucket) ?? 0) * vector.value;
        return { signalId: model.id, probability: 1 / (1 + Math.exp(-score)), threshold: model.threshold };
      })
      .sort((left, right) => right.probability - left.probability);
  }

  /** Signals whose probability reaches their threshold, most likely first. */
  classify(sentence: string, context: SentenceContext = {}): Array<{ signalId: SignalId; probability: number }> {
    return this.probabilities(sentence, context)
      .filter((result) => result.probability >= result.threshold)
      .map(({ signalId, probability }) => ({ signalId, probability }));
  }
}

/** One training sentence: its text, the sentence before it if known, and the signals it shows (none for a negative). */
export interface TrainingSentence {
  readonly text: string;
  readonly signals: readonly SignalId[];
  readonly before?: string;
  /** How much this sentence counts in training (default 1). */
  readonly weight?: number;
  /** The product names of the vendor this sentence was said to, when not the training's `ownNames`. */
  readonly ownNames?: ReadonlySet<string>;
}

export interface TrainingOptions {
  readonly features?: FeatureOptions;
  readonly buckets?: number;
  readonly epochs?: number;
  readonly learningRate?: number;
  /** L2 strength per update (lazy: applied to the weights a sentence touches). */
  readonly l2?: number;
  readonly threshold: number;
  readonly thresholds?: Partial<Record<SignalId, number>>;
  /** Cap on how much one positive counts against one negative. */
  readonly maxPositiveWeight?: number;
  /** Weights smaller than this are dropped from the stored file. */
  readonly prune?: number;
  /** `adagrad` (per-bucket step sizes) or `sgd` (one step size, shrinking by epoch). */
  readonly optimizer?: "adagrad" | "sgd";
  /** Buckets seen in fewer training sentences than this are left out (never learnt from one sentence). */
  readonly minimumCount?: number;
  /** Signals to train (default: every signal with a positive). */
  readonly signals?: readonly SignalId[];
  /** Other owners' product names (tokens the features call `own`). */
  readonly ownNames?: ReadonlySet<string>;
  readonly trainedOn: string;
}

/** A small deterministic generator (mulberry32): the same shuffles on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Trains one L2-regularised logistic regression per signal by stochastic gradient descent with AdaGrad
 * step sizes (sparse: each sentence updates only its own buckets), positives weighted up to balance the
 * classes. Deterministic: same data and options, same weights.
 */
export function trainClassifier(sentences: readonly TrainingSentence[], options: TrainingOptions): ClassifierWeights {
  const features = options.features ?? DEFAULT_FEATURE_OPTIONS;
  const buckets = options.buckets ?? 1 << 18;
  const epochs = options.epochs ?? 12;
  const learningRate = options.learningRate ?? 0.5;
  const l2 = options.l2 ?? 1e-4;
  const prune = options.prune ?? 0.02;
  const ownNames = options.ownNames ?? new Set<string>();
  const optimizer = options.optimizer ?? "adagrad";
  const vectors = sentences.map((sentence) => vectorOf(sentence.text, features, buckets, { ...(sentence.before === undefined ? {} : { before: sentence.before }), ownNames: sentence.ownNames ?? ownNames }));
  const minimumCount = options.minimumCount ?? 1;
  const counts = new Uint32Array(buckets);
  for (const vector of vectors) for (const bucket of vector.buckets) counts[bucket] = (counts[bucket] ?? 0) + 1;
  const rows = sentences.map((sentence, index) => {
    const vector = vectors[index] as SentenceVector;
    // The value stays that of the whole sentence, so a sentence reads the same at training and at use.
    const kept = minimumCount <= 1 ? vector.buckets : vector.buckets.filter((bucket) => (counts[bucket] ?? 0) >= minimumCount);
    return { vector: { buckets: kept, value: vector.value }, signals: new Set(sentence.signals), weight: sentence.weight ?? 1 };
  });
  const random = seededRandom(16);
  const order = rows.map((_, index) => index);
  const signals: ClassifierWeights["signals"] = {};
  const wanted = options.signals ?? SIGNALS.map((signal) => signal.id);
  for (const signalId of wanted) {
    const positives = rows.filter((row) => row.signals.has(signalId)).length;
    if (positives === 0) continue;
    const positiveWeight = Math.max(1, Math.min(options.maxPositiveWeight ?? 20, (rows.length - positives) / positives));
    const weights = new Float64Array(buckets);
    const squares = new Float64Array(buckets);
    let bias = 0;
    let biasSquares = 0;
    for (let epoch = 0; epoch < epochs; epoch += 1) {
      const step = learningRate / (1 + epoch);
      for (let index = order.length - 1; index > 0; index -= 1) {
        const other = Math.floor(random() * (index + 1));
        [order[index], order[other]] = [order[other] as number, order[index] as number];
      }
      for (const rowIndex of order) {
        const row = rows[rowIndex];
        if (row === undefined) continue;
        const { buckets: rowBuckets, value } = row.vector;
        const label = row.signals.has(signalId) ? 1 : 0;
        let score = bias;
        for (const bucket of rowBuckets) score += (weights[bucket] as number) * value;
        const error = (1 / (1 + Math.exp(-score)) - label) * (label === 1 ? positiveWeight : 1) * row.weight;
        for (const bucket of rowBuckets) {
          const current = weights[bucket] as number;
          const gradient = error * value + l2 * current;
          if (optimizer === "sgd") {
            weights[bucket] = current - step * gradient;
            continue;
          }
          const accumulated = (squares[bucket] as number) + gradient * gradient;
          squares[bucket] = accumulated;
          weights[bucket] = current - (learningRate * gradient) / Math.sqrt(accumulated + 1e-8);
        }
        if (optimizer === "sgd") {
          bias -= step * error * 0.1;
          continue;
        }
        biasSquares += error * error;
        bias -= (learningRate * error) / Math.sqrt(biasSquares + 1e-8);
      }
    }
    const kept: number[] = [];
    const keptWeights: number[] = [];
    let previous = 0;
    weights.forEach((weight, bucket) => {
      if (Math.abs(weight) >= prune) {
        kept.push(bucket - previous);
        previous = bucket;
        keptWeights.push(Number(weight.toFixed(2)));
      }
    });
    const threshold = options.thresholds?.[signalId];
    signals[signalId] = { bias: Number(bias.toFixed(3)), ...(threshold === undefined ? {} : { threshold }), buckets: kept, weights: keptWeights };
  }
  return { version: 2, buckets, features, threshold: options.threshold, trainedOn: options.trainedOn, signals };
}
