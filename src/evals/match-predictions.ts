import type { SpeakerRole } from "../ingest/speaker-role.js";
import type { SignalId } from "../taxonomy/signals.js";
import type { GoldLabel, HardNegative } from "./load-gold.js";

/** One verified evidence item an extractor produced on a gold case, in document offsets. */
export interface PredictedEvidence {
  readonly caseId: string;
  readonly sourceRef: string;
  readonly signalId: SignalId;
  readonly quote: string;
  readonly start: number;
  readonly end: number;
  readonly speaker: string;
  readonly speakerRole: SpeakerRole;
  readonly confidence: number;
}

interface Span {
  readonly sourceRef: string;
  readonly start: number;
  readonly end: number;
}

/**
 * A predicted quote matches a gold quote when both sit in the same document and at least half of the
 * shorter one lies inside the other. Containment either way (a model quoting a clause of the labelled
 * sentence, or the whole sentence around a labelled clause) always matches; two sentences that merely
 * touch do not.
 */
export const SPAN_MATCH_MINIMUM_COVER = 0.5;

export interface SpanOverlap {
  readonly intersection: number;
  /** Intersection over union: how closely the two quotes agree, reported as span overlap. */
  readonly iou: number;
  /** Intersection over the shorter span's length: what decides a match. */
  readonly coverOfShorter: number;
}

/** @example spanOverlap({ sourceRef: "a", start: 0, end: 10 }, { sourceRef: "a", start: 5, end: 10 }).iou // 0.5 */
export function spanOverlap(left: Span, right: Span): SpanOverlap {
  if (left.sourceRef !== right.sourceRef) return { intersection: 0, iou: 0, coverOfShorter: 0 };
  const intersection = Math.max(0, Math.min(left.end, right.end) - Math.max(left.start, right.start));
  const union = Math.max(left.end, right.end) - Math.min(left.start, right.start);
  const shorter = Math.min(left.end - left.start, right.end - right.start);
  return {
    intersection,
    iou: union === 0 ? 0 : intersection / union,
    coverOfShorter: shorter <= 0 ? 0 : intersection / shorter,
  };
}

export function spansMatch(left: Span, right: Span): boolean {
  const overlap = spanOverlap(left, right);
  return overlap.intersection > 0 && overlap.coverOfShorter >= SPAN_MATCH_MINIMUM_COVER;
}

export interface TruePositive {
  readonly prediction: PredictedEvidence;
  readonly label: GoldLabel;
  readonly iou: number;
}

export interface FalsePositive {
  readonly prediction: PredictedEvidence;
  /** A gold label of another signal on the same words: the extractor confused the two signals. */
  readonly confusedWith?: GoldLabel;
  /** The hard negative this prediction fell for, when it is one. */
  readonly hardNegative?: HardNegative;
}

/** A gold label found with the right signal and words, but attributed to a speaker of another role. */
export interface Misattribution {
  readonly prediction: PredictedEvidence;
  readonly label: GoldLabel;
}

export interface CaseMatch {
  readonly truePositives: readonly TruePositive[];
  readonly falsePositives: readonly FalsePositive[];
  readonly falseNegatives: readonly GoldLabel[];
  readonly misattributions: readonly Misattribution[];
  /** Further customer-side predictions on a gold label already matched: neither right nor wrong. */
  readonly duplicates: readonly PredictedEvidence[];
  /** Predictions attributed to vendor or unknown speakers: the pipeline keeps them apart, never as pull. */
  readonly keptApart: readonly PredictedEvidence[];
  readonly hardNegativeHits: readonly { readonly negative: HardNegative; readonly prediction: PredictedEvidence }[];
}

/**
 * Scores one case's predictions against its gold labels.
 *
 * Every prediction (any speaker role) is first paired one-to-one with a gold label of the same signal
 * whose span it matches, best overlap first. A pair whose roles agree is a true positive; a pair whose
 * roles differ is a misattribution (the label stays missed). Only customer-side evidence is what the rules
 * read, so an unpaired customer-side prediction is a false positive (or a duplicate of a found label),
 * while unpaired vendor-side or unknown-speaker predictions are kept apart and not scored as positives.
 * A hard negative is hit when a customer-side prediction of the signal it looks like matches its span.
 */
export function matchPredictions(
  labels: readonly GoldLabel[],
  hardNegatives: readonly HardNegative[],
  predictions: readonly PredictedEvidence[],
): CaseMatch {
  const pairs: Array<{ prediction: number; label: number; iou: number }> = [];
  for (const [predictionIndex, prediction] of predictions.entries()) {
    for (const [labelIndex, label] of labels.entries()) {
      if (label.signalId !== prediction.signalId || !spansMatch(prediction, label)) continue;
      pairs.push({ prediction: predictionIndex, label: labelIndex, iou: spanOverlap(prediction, label).iou });
    }
  }
  // Best overlap first; ties go to the earlier prediction and label, so the result never depends on luck.
  pairs.sort((left, right) => right.iou - left.iou || left.prediction - right.prediction || left.label - right.label);
  const pairedPredictions = new Map<number, number>();
  const pairedLabels = new Set<number>();
  const truePositives: TruePositive[] = [];
  const misattributions: Misattribution[] = [];
  for (const pair of pairs) {
    if (pairedPredictions.has(pair.prediction) || pairedLabels.has(pair.label)) continue;
    const prediction = predictions[pair.prediction];
    const label = labels[pair.label];
    if (prediction === undefined || label === undefined) continue;
    pairedPredictions.set(pair.prediction, pair.label);
    pairedLabels.add(pair.label);
    if (prediction.speakerRole === label.speakerRole) truePositives.push({ prediction, label, iou: pair.iou });
    else misattributions.push({ prediction, label });
  }
  const foundLabels = new Set(truePositives.map((positive) => positive.label));
  const falsePositives: FalsePositive[] = [];
  const duplicates: PredictedEvidence[] = [];
  const keptApart: PredictedEvidence[] = [];
  for (const [index, prediction] of predictions.entries()) {
    if (prediction.speakerRole !== "customer") {
      if (!pairedPredictions.has(index) || misattributions.some((item) => item.prediction === prediction)) keptApart.push(prediction);
      continue;
    }
    if (pairedPredictions.has(index) && !misattributions.some((item) => item.prediction === prediction)) continue;
    if (labels.some((label) => foundLabels.has(label) && label.signalId === prediction.signalId && spansMatch(prediction, label))) {
      duplicates.push(prediction);
      continue;
    }
    const confusedWith = labels.find((label) => label.signalId !== prediction.signalId && spansMatch(prediction, label));
    const hardNegative = hardNegatives.find((negative) => negative.looksLike === prediction.signalId && spansMatch(prediction, negative));
    falsePositives.push({
      prediction,
      ...(confusedWith === undefined ? {} : { confusedWith }),
      ...(hardNegative === undefined ? {} : { hardNegative }),
    });
  }
  const hardNegativeHits = hardNegatives.flatMap((negative) => {
    const prediction = predictions.find(
      (candidate) => candidate.speakerRole === "customer" && candidate.signalId === negative.looksLike && spansMatch(candidate, negative),
    );
    return prediction === undefined ? [] : [{ negative, prediction }];
  });
  return {
    truePositives,
    falsePositives,
    falseNegatives: labels.filter((label) => !foundLabels.has(label)),
    misattributions,
    duplicates,
    keptApart,
    hardNegativeHits,
  };
}
