import { performance } from "node:perf_hooks";
import pLimit from "p-limit";
import type { Extractor } from "../extract/extractor.js";
import type { DecideReadiness } from "./decide-readiness.js";
import type { ModelPrice } from "./eval-config.js";
import { evaluateCase } from "./evaluate-case.js";
import type { GoldSet } from "./load-gold.js";
import { scoreRun, type CaseRun, type ScoredRun } from "./score-run.js";
import { headlinesBySplit, type SplitHeadline } from "./score-splits.js";

/** Who was evaluated: recorded with every run, baseline and report. */
export interface ExtractorIdentity {
  readonly provider: string;
  readonly modelId: string;
  readonly promptHash: string;
  readonly promptFile?: string;
}

export interface EvalRun {
  /** A short name for the run in A/B tables ("A", "B", or the extractor's). */
  readonly label: string;
  readonly extractor: ExtractorIdentity;
  readonly goldHash: string;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly runs: readonly CaseRun[];
  readonly scored: ScoredRun;
  /** Headline metrics for all cases, then per split (tune, holdout): the holdout is the honest number. */
  readonly splits: readonly SplitHeadline[];
}

export interface EvalRunOptions {
  readonly gold: GoldSet;
  readonly extractor: Extractor;
  readonly decide?: DecideReadiness;
  readonly concurrency?: number;
  readonly price?: ModelPrice;
  readonly label?: string;
  readonly promptFile?: string;
}

/**
 * Runs every gold case through the extractor (cases in parallel up to `concurrency`; one failing case
 * never stops the others) and scores the lot.
 *
 * @example const run = await runEval({ gold: await loadGoldSet(), extractor: new OfflineExtractor() }); run.scored.metrics.macro.f1
 */
export async function runEval(options: EvalRunOptions): Promise<EvalRun> {
  const startedAt = new Date().toISOString();
  const started = performance.now();
  const limit = pLimit(options.concurrency ?? 4);
  const runs = await Promise.all(options.gold.cases.map((goldCase) => limit(() => evaluateCase(goldCase, options.extractor, options.decide))));
  const { provider, modelId, promptHash } = options.extractor;
  const scored = scoreRun(options.gold.cases, runs, options.price);
  return {
    label: options.label ?? `${provider}/${modelId}`,
    extractor: { provider, modelId, promptHash, ...(options.promptFile === undefined ? {} : { promptFile: options.promptFile }) },
    goldHash: options.gold.contentHash,
    startedAt,
    durationMs: performance.now() - started,
    runs,
    scored,
    splits: headlinesBySplit(options.gold.cases, runs, scored.metrics, options.price),
  };
}
