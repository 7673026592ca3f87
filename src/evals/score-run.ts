import type { RejectedCandidate, RejectionReason, TokenUsage } from "../extract/extractor.js";
import type { Verdict } from "../rules/readiness-contract.js";
import { SIGNAL_IDS, type SignalId } from "../taxonomy/signals.js";
import type { ModelPrice } from "./eval-config.js";
import type { HardNegativeKind } from "./gold-schema.js";
import type { GoldCase, GoldLabel, HardNegative } from "./load-gold.js";
import { matchPredictions, type CaseMatch, type FalsePositive, type PredictedEvidence } from "./match-predictions.js";

/** What the rules concluded for an account case, from extracted evidence and from the gold labels. */
export interface CaseReadiness {
  readonly expected: Verdict;
  /** From the extractor's evidence; undefined when the rules could not run (the reason is in `error`). */
  readonly predicted?: Verdict;
  /** From the gold labels themselves: tells extraction errors from rules errors. */
  readonly withGoldEvidence?: Verdict;
  readonly error?: string;
}

/**
 * One case's outcome, a result at the boundary: a case that throws is recorded as failed, its labels
 * count as missed, and the run goes on.
 */
export type CaseRun =
  | {
      readonly caseId: string;
      readonly success: true;
      readonly predictions: readonly PredictedEvidence[];
      readonly rejected: readonly RejectedCandidate[];
      readonly failures: readonly { readonly chunkKey: string; readonly reason: string }[];
      readonly chunks: number;
      readonly cachedChunks: number;
      readonly usage: TokenUsage;
      readonly latencyMs: number;
      readonly readiness?: CaseReadiness;
    }
  | { readonly caseId: string; readonly success: false; readonly error: string; readonly latencyMs: number; readonly readiness?: CaseReadiness };

export interface PrecisionRecall {
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export interface SignalScore extends PrecisionRecall {
  readonly signalId: SignalId;
  /** Gold labels of this signal. */
  readonly support: number;
}

export interface CaseCost {
  readonly caseId: string;
  readonly success: boolean;
  readonly promptTokens: number;
  readonly completionTokens: number;
  readonly costUsd: number;
  readonly latencyMs: number;
  readonly chunks: number;
  readonly cachedChunks: number;
}

export interface EvalMetrics {
  readonly perSignal: readonly SignalScore[];
  readonly micro: PrecisionRecall;
  readonly macro: { readonly precision: number; readonly recall: number; readonly f1: number };
  /** Share of candidate quotes that passed the citation check; rejected and fabricated quotes count against. */
  readonly citationValidity: { readonly verified: number; readonly rejected: number; readonly rate: number; readonly byReason: Partial<Record<RejectionReason, number>> };
  /** Mean intersection-over-union of true positives with their gold quote. */
  readonly spanOverlap: number;
  /** Among predictions that found a gold label's signal and words, the share attributed to the right role. */
  readonly speakerRoleAccuracy: { readonly correct: number; readonly total: number; readonly rate: number };
  readonly hardNegatives: { readonly total: number; readonly hits: number; readonly falsePositiveRate: number; readonly byKind: Partial<Record<HardNegativeKind, { total: number; hits: number }>> };
  readonly verdicts: {
    readonly total: number;
    readonly correct: number;
    readonly accuracy: number;
    readonly correctWithGoldEvidence: number;
    readonly cases: readonly ({ readonly caseId: string } & CaseReadiness)[];
  };
  /** Predicted signal on the words of a gold label of another signal: gold -> predicted -> count. */
  readonly confusion: readonly { readonly gold: SignalId; readonly predicted: SignalId; readonly count: number }[];
  readonly cost: { readonly promptTokens: number; readonly completionTokens: number; readonly costUsd: number; readonly priced: boolean; readonly perCase: readonly CaseCost[] };
  readonly failures: { readonly cases: readonly { caseId: string; error: string }[]; readonly chunks: number };
  readonly duplicates: number;
  readonly keptApart: number;
}

export interface EvalExamples {
  readonly falsePositives: readonly (FalsePositive & { readonly context: string })[];
  readonly falseNegatives: readonly (GoldLabel & { readonly context: string })[];
  readonly hardNegativeHits: readonly { readonly negative: HardNegative; readonly prediction: PredictedEvidence }[];
}

export interface ScoredRun {
  readonly metrics: EvalMetrics;
  readonly examples: EvalExamples;
}

/**
 * Precision, recall and F1 from counts. An empty denominator scores 1 only when nothing was there to
 * find or to get wrong; a signal with labels and no predictions scores 0 (as sklearn's zero_division=0).
 *
 * @example precisionRecall(3, 1, 2) // { precision: 0.75, recall: 0.6, f1: 0.666... }
 */
export function precisionRecall(truePositives: number, falsePositives: number, falseNegatives: number): PrecisionRecall {
  const precision = truePositives + falsePositives === 0 ? (falseNegatives === 0 ? 1 : 0) : truePositives / (truePositives + falsePositives);
  const recall = truePositives + falseNegatives === 0 ? (falsePositives === 0 ? 1 : 0) : truePositives / (truePositives + falseNegatives);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives, falsePositives, falseNegatives, precision, recall, f1 };
}

/** Cost in dollars of some tokens at a model's price; zero when the model has no price. */
export function costOf(usage: TokenUsage, price: ModelPrice | undefined): number {
  if (price === undefined) return 0;
  return (usage.promptTokens / 1000) * price.input_per_1k + (usage.completionTokens / 1000) * price.output_per_1k;
}

const mean = (values: readonly number[]) => (values.length === 0 ? 0 : values.reduce((total, value) => total + value, 0) / values.length);

/**
 * Scores a run: every case's predictions matched against its labels (see `matchPredictions`), summed per
 * signal, micro (pooled counts) and macro (mean over all 22 signals, each weighted equally), plus the
 * citation, span, role, hard-negative, verdict and cost figures. Failed cases count all their labels as
 * missed, so a crash can never raise a score.
 */
export function scoreRun(cases: readonly GoldCase[], runs: readonly CaseRun[], price?: ModelPrice): ScoredRun {
  const runsById = new Map(runs.map((run) => [run.caseId, run]));
  const matches: Array<{ goldCase: GoldCase; match: CaseMatch }> = [];
  const caseFailures: Array<{ caseId: string; error: string }> = [];
  let verified = 0;
  const rejectedByReason: Partial<Record<RejectionReason, number>> = {};
  let rejected = 0;
  let failedChunks = 0;
  const perCase: CaseCost[] = [];
  for (const goldCase of cases) {
    const run = runsById.get(goldCase.id);
    if (run === undefined || !run.success) {
      caseFailures.push({ caseId: goldCase.id, error: run === undefined ? "the case was not run" : run.error });
      matches.push({ goldCase, match: matchPredictions(goldCase.labels, goldCase.hardNegatives, []) });
      perCase.push({ caseId: goldCase.id, success: false, promptTokens: 0, completionTokens: 0, costUsd: 0, latencyMs: run?.latencyMs ?? 0, chunks: 0, cachedChunks: 0 });
      continue;
    }
    const match = matchPredictions(goldCase.labels, goldCase.hardNegatives, run.predictions);
    // A partly labelled case (exported disputes) only knows what is wrong, not everything that is right.
    matches.push({ goldCase, match: goldCase.negativesOnly ? { ...match, falsePositives: match.falsePositives.filter((item) => item.hardNegative !== undefined) } : match });
    verified += run.predictions.length;
    rejected += run.rejected.length;
    for (const item of run.rejected) rejectedByReason[item.reason] = (rejectedByReason[item.reason] ?? 0) + 1;
    failedChunks += run.failures.length;
    perCase.push({
      caseId: goldCase.id,
      success: true,
      promptTokens: run.usage.promptTokens,
      completionTokens: run.usage.completionTokens,
      costUsd: costOf(run.usage, price),
      latencyMs: run.latencyMs,
      chunks: run.chunks,
      cachedChunks: run.cachedChunks,
    });
  }

  const perSignal = SIGNAL_IDS.map((signalId): SignalScore => {
    const count = (pick: (match: CaseMatch) => readonly { signalId: SignalId }[]) =>
      matches.reduce((total, { match }) => total + pick(match).filter((item) => item.signalId === signalId).length, 0);
    const truePositives = count((match) => match.truePositives.map((positive) => positive.label));
    const falsePositives = count((match) => match.falsePositives.map((positive) => positive.prediction));
    const falseNegatives = count((match) => match.falseNegatives);
    const support = cases.reduce((total, goldCase) => total + goldCase.labels.filter((label) => label.signalId === signalId).length, 0);
    return { signalId, support, ...precisionRecall(truePositives, falsePositives, falseNegatives) };
  });
  const sum = (pick: (score: SignalScore) => number) => perSignal.reduce((total, score) => total + pick(score), 0);
  const micro = precisionRecall(sum((score) => score.truePositives), sum((score) => score.falsePositives), sum((score) => score.falseNegatives));
  const macro = {
    precision: mean(perSignal.map((score) => score.precision)),
    recall: mean(perSignal.map((score) => score.recall)),
    f1: mean(perSignal.map((score) => score.f1)),
  };

  const all = matches.map(({ match }) => match);
  const truePositives = all.flatMap((match) => match.truePositives);
  const misattributed = all.reduce((total, match) => total + match.misattributions.length, 0);
  const negatives = cases.flatMap((goldCase) => goldCase.hardNegatives);
  const hits = all.flatMap((match) => match.hardNegativeHits);
  const byKind: Partial<Record<HardNegativeKind, { total: number; hits: number }>> = {};
  for (const negative of negatives) {
    const entry = (byKind[negative.kind] ??= { total: 0, hits: 0 });
    entry.total += 1;
    if (hits.some((hit) => hit.negative === negative)) entry.hits += 1;
  }

  const confusionCounts = new Map<string, number>();
  for (const falsePositive of all.flatMap((match) => match.falsePositives)) {
    if (falsePositive.confusedWith === undefined) continue;
    const key = `${falsePositive.confusedWith.signalId} ${falsePositive.prediction.signalId}`;
    confusionCounts.set(key, (confusionCounts.get(key) ?? 0) + 1);
  }
  const confusion = [...confusionCounts.entries()]
    .map(([key, count]) => {
      const [gold, predicted] = key.split(" ") as [SignalId, SignalId];
      return { gold, predicted, count };
    })
    .sort((left, right) => right.count - left.count || left.gold.localeCompare(right.gold) || left.predicted.localeCompare(right.predicted));

  const verdictCases = cases.flatMap((goldCase) => {
    if (goldCase.readiness === undefined) return [];
    const run = runsById.get(goldCase.id);
    const readiness: CaseReadiness = run?.readiness ?? { expected: goldCase.readiness.expectedVerdict, error: "not decided" };
    return [{ caseId: goldCase.id, ...readiness }];
  });
  const correct = verdictCases.filter((item) => item.predicted === item.expected).length;

  const promptTokens = perCase.reduce((total, item) => total + item.promptTokens, 0);
  const completionTokens = perCase.reduce((total, item) => total + item.completionTokens, 0);
  const candidates = verified + rejected;
  const documentText = (caseId: string, sourceRef: string) =>
    cases.find((goldCase) => goldCase.id === caseId)?.documents.find((document) => document.sourceRef === sourceRef)?.fullText ?? "";

  return {
    metrics: {
      perSignal,
      micro,
      macro,
      citationValidity: { verified, rejected, rate: candidates === 0 ? 1 : verified / candidates, byReason: rejectedByReason },
      spanOverlap: mean(truePositives.map((positive) => positive.iou)),
      speakerRoleAccuracy: {
        correct: truePositives.length,
        total: truePositives.length + misattributed,
        rate: truePositives.length + misattributed === 0 ? 1 : truePositives.length / (truePositives.length + misattributed),
      },
      hardNegatives: { total: negatives.length, hits: hits.length, falsePositiveRate: negatives.length === 0 ? 0 : hits.length / negatives.length, byKind },
      verdicts: {
        total: verdictCases.length,
        correct,
        accuracy: verdictCases.length === 0 ? 1 : correct / verdictCases.length,
        correctWithGoldEvidence: verdictCases.filter((item) => item.withGoldEvidence === item.expected).length,
        cases: verdictCases,
      },
      confusion,
      cost: { promptTokens, completionTokens, costUsd: costOf({ promptTokens, completionTokens }, price), priced: price !== undefined, perCase },
      failures: { cases: caseFailures, chunks: failedChunks },
      duplicates: all.reduce((total, match) => total + match.duplicates.length, 0),
      keptApart: all.reduce((total, match) => total + match.keptApart.length, 0),
    },
    examples: {
      falsePositives: all.flatMap((match) => match.falsePositives).map((item) => ({ ...item, context: contextAround(documentText(item.prediction.caseId, item.prediction.sourceRef), item.prediction) })),
      falseNegatives: all.flatMap((match) => match.falseNegatives).map((label) => ({ ...label, context: contextAround(documentText(label.caseId, label.sourceRef), label) })),
      hardNegativeHits: hits,
    },
  };
}

/** The line of the document the span sits in, so a reader sees the words around a wrong or missed quote. */
export function contextAround(text: string, span: { readonly start: number; readonly end: number }): string {
  const lineStart = text.lastIndexOf("\n", span.start - 1) + 1;
  const lineEnd = text.indexOf("\n", span.end);
  return text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd).trim();
}
