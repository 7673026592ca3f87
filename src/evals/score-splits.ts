import type { ModelPrice } from "./eval-config.js";
import { GOLD_SPLITS, type GoldSplit } from "./gold-schema.js";
import type { GoldCase } from "./load-gold.js";
import { scoreRun, type CaseRun, type EvalMetrics, type PrecisionRecall } from "./score-run.js";

/** The whole gold set, or one of its splits. */
export type SplitName = "all" | GoldSplit;

/** The figures a reader compares between splits: enough to see over-fitting at a glance. */
export interface SplitHeadline {
  readonly split: SplitName;
  readonly cases: number;
  readonly labels: number;
  readonly micro: PrecisionRecall;
  readonly macro: EvalMetrics["macro"];
  readonly citationValidity: { readonly verified: number; readonly rejected: number; readonly rate: number };
  readonly hardNegatives: { readonly total: number; readonly hits: number; readonly falsePositiveRate: number };
  readonly verdicts: { readonly total: number; readonly correct: number; readonly accuracy: number; readonly correctWithGoldEvidence: number };
}

/**
 * Headline metrics for the whole set and for each split that has cases, each scored exactly as a whole
 * run is (`scoreRun` over that split's cases only), so "all" here equals the run's own metrics. Macro
 * averages all 22 signals in every split: a signal a split never labels and never predicts scores 1.
 *
 * @example headlinesBySplit(gold.cases, run.runs, all).find((item) => item.split === "holdout")?.macro.f1
 */
export function headlinesBySplit(cases: readonly GoldCase[], runs: readonly CaseRun[], all: EvalMetrics, price?: ModelPrice): SplitHeadline[] {
  const headlines = [headlineOf("all", cases, all)];
  for (const split of GOLD_SPLITS) {
    const inSplit = cases.filter((goldCase) => goldCase.split === split);
    if (inSplit.length === 0) continue;
    const ids = new Set(inSplit.map((goldCase) => goldCase.id));
    headlines.push(headlineOf(split, inSplit, scoreRun(inSplit, runs.filter((run) => ids.has(run.caseId)), price).metrics));
  }
  return headlines;
}

function headlineOf(split: SplitName, cases: readonly GoldCase[], metrics: EvalMetrics): SplitHeadline {
  const { verified, rejected, rate } = metrics.citationValidity;
  const { total, hits, falsePositiveRate } = metrics.hardNegatives;
  const { verdicts } = metrics;
  return {
    split,
    cases: cases.length,
    labels: cases.reduce((sum, goldCase) => sum + goldCase.labels.length, 0),
    micro: metrics.micro,
    macro: metrics.macro,
    citationValidity: { verified, rejected, rate },
    hardNegatives: { total, hits, falsePositiveRate },
    verdicts: { total: verdicts.total, correct: verdicts.correct, accuracy: verdicts.accuracy, correctWithGoldEvidence: verdicts.correctWithGoldEvidence },
  };
}
