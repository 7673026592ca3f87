import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { ConfigError } from "../errors.js";
import { SIGNAL_IDS, type SignalId } from "../taxonomy/signals.js";
import type { EvalThresholds } from "./eval-config.js";
import { GOLD_SPLITS } from "./gold-schema.js";
import { spansMatch } from "./match-predictions.js";
import type { EvalRun } from "./run-eval.js";
import type { SplitName } from "./score-splits.js";

export const DEFAULT_BASELINE_FILE = "evals/baseline.json";

const signalIdSchema = z.enum(SIGNAL_IDS as [SignalId, ...SignalId[]]);
const itemSchema = z.strictObject({
  case: z.string(),
  source_ref: z.string(),
  signal: signalIdSchema,
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  quote: z.string(),
});
const scoreSchema = z.strictObject({ precision: z.number(), recall: z.number(), f1: z.number() });
const splitSchema = z.strictObject({
  cases: z.number().int(),
  labels: z.number().int(),
  micro: scoreSchema,
  macro: scoreSchema,
  citation_validity: z.number(),
  hard_negatives: z.strictObject({ total: z.number().int(), hits: z.number().int() }),
  verdicts: z.strictObject({ total: z.number().int(), correct: z.number().int() }),
});

/** The committed reference a run is compared with: its scores, and which items it got wrong. */
export const baselineSchema = z.strictObject({
  version: z.literal(1),
  created_at: z.string(),
  extractor: z.strictObject({ provider: z.string(), model: z.string(), prompt_hash: z.string() }),
  gold_hash: z.string(),
  micro: scoreSchema,
  macro: scoreSchema,
  citation_validity: z.number(),
  per_signal: z.record(signalIdSchema, scoreSchema.extend({ support: z.number().int() })),
  /** Headline figures per split (all, tune, holdout); absent in baselines written before the holdout. */
  splits: z.partialRecord(z.enum(["all", ...GOLD_SPLITS]), splitSchema).optional(),
  false_positives: z.array(itemSchema),
  false_negatives: z.array(itemSchema),
});

export type Baseline = z.infer<typeof baselineSchema>;
type BaselineItem = z.infer<typeof itemSchema>;

const round = (value: number) => Math.round(value * 10_000) / 10_000;
const scoreOf = (score: { precision: number; recall: number; f1: number }) => ({ precision: round(score.precision), recall: round(score.recall), f1: round(score.f1) });

/** A run as a baseline: rounded scores (so a rerun writes the same file) and its wrong and missed items. */
export function baselineOf(run: EvalRun): Baseline {
  const { metrics, examples } = run.scored;
  const byPosition = (left: BaselineItem, right: BaselineItem) =>
    left.case.localeCompare(right.case) || left.source_ref.localeCompare(right.source_ref) || left.start - right.start || left.signal.localeCompare(right.signal);
  return {
    version: 1,
    created_at: run.startedAt,
    extractor: { provider: run.extractor.provider, model: run.extractor.modelId, prompt_hash: run.extractor.promptHash },
    gold_hash: run.goldHash,
    micro: scoreOf(metrics.micro),
    macro: scoreOf(metrics.macro),
    citation_validity: round(metrics.citationValidity.rate),
    per_signal: Object.fromEntries(metrics.perSignal.map((score) => [score.signalId, { ...scoreOf(score), support: score.support }])) as Baseline["per_signal"],
    splits: Object.fromEntries(
      run.splits.map((headline) => [
        headline.split,
        {
          cases: headline.cases,
          labels: headline.labels,
          micro: scoreOf(headline.micro),
          macro: scoreOf(headline.macro),
          citation_validity: round(headline.citationValidity.rate),
          hard_negatives: { total: headline.hardNegatives.total, hits: headline.hardNegatives.hits },
          verdicts: { total: headline.verdicts.total, correct: headline.verdicts.correct },
        },
      ]),
    ),
    false_positives: examples.falsePositives
      .map(({ prediction }) => ({ case: prediction.caseId, source_ref: prediction.sourceRef, signal: prediction.signalId, start: prediction.start, end: prediction.end, quote: prediction.quote }))
      .sort(byPosition),
    false_negatives: examples.falseNegatives
      .map((label) => ({ case: label.caseId, source_ref: label.sourceRef, signal: label.signalId, start: label.start, end: label.end, quote: label.quote }))
      .sort(byPosition),
  };
}

export async function readBaseline(file: string): Promise<Baseline | undefined> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new ConfigError(`Cannot read the baseline ${file}: ${(error as Error).message}`, { cause: error });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`The baseline ${file} is not valid JSON; write a new one with --update-baseline`, { cause: error });
  }
  const parsed = baselineSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(`The baseline ${file} is not valid:\n${z.prettifyError(parsed.error)}`, { cause: parsed.error });
  return parsed.data;
}

export async function writeBaseline(file: string, baseline: Baseline): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(baseline, null, 2)}\n`);
}

export interface SignalDelta {
  readonly signalId: SignalId;
  readonly baselineF1: number;
  readonly currentF1: number;
  readonly delta: number;
}

export interface Comparison {
  /** Undefined when there is no baseline to compare with: only the citation floor applies. */
  readonly baseline?: Pick<Baseline, "created_at" | "extractor" | "gold_hash">;
  readonly goldChanged: boolean;
  readonly macroF1: { readonly baseline: number; readonly current: number; readonly delta: number } | undefined;
  readonly microF1: { readonly baseline: number; readonly current: number; readonly delta: number } | undefined;
  /** Macro-F1 per split against the baseline's, for reading only: the gate judges the whole set. */
  readonly splitMacroF1: readonly { readonly split: SplitName; readonly baseline?: number; readonly current: number; readonly delta?: number }[];
  readonly signals: readonly SignalDelta[];
  readonly newFalsePositives: readonly BaselineItem[];
  readonly newFalseNegatives: readonly BaselineItem[];
  readonly fixedFalsePositives: readonly BaselineItem[];
  readonly fixedFalseNegatives: readonly BaselineItem[];
  /** Why the run fails the gate; empty when it passes. */
  readonly regressions: readonly string[];
  readonly passed: boolean;
}

/**
 * Compares a run with the baseline. It fails when macro-F1 drops by more than `maxMacroF1Drop`, when any
 * signal's F1 drops by more than `maxSignalF1Drop`, or when citation validity is under its floor (this
 * last one applies even with no baseline). A false positive is new when the baseline has none of the same
 * signal on matching words (model quotes move a little between runs); a false negative is new when the
 * same gold label was found before.
 */
export function compareWithBaseline(run: EvalRun, baseline: Baseline | undefined, thresholds: EvalThresholds): Comparison {
  const current = baselineOf(run);
  const regressions: string[] = [];
  // Rounded like the baseline, so a rerun of the same code compares equal to the last digit.
  if (current.citation_validity < thresholds.minCitationValidity) {
    regressions.push(`citation validity ${percent(current.citation_validity)} is under the floor of ${percent(thresholds.minCitationValidity)}`);
  }
  if (baseline === undefined) {
    return { goldChanged: false, macroF1: undefined, microF1: undefined, splitMacroF1: splitDeltas(current, undefined), signals: [], newFalsePositives: [], newFalseNegatives: [], fixedFalsePositives: [], fixedFalseNegatives: [], regressions, passed: regressions.length === 0 };
  }
  const macroDelta = current.macro.f1 - baseline.macro.f1;
  if (-macroDelta > thresholds.maxMacroF1Drop + 1e-9) {
    regressions.push(`macro-F1 dropped ${(-macroDelta).toFixed(3)} (from ${baseline.macro.f1.toFixed(3)} to ${current.macro.f1.toFixed(3)}), more than the allowed ${thresholds.maxMacroF1Drop}`);
  }
  const signals = SIGNAL_IDS.map((signalId): SignalDelta => {
    const baselineF1 = baseline.per_signal[signalId]?.f1 ?? 0;
    const currentF1 = current.per_signal[signalId]?.f1 ?? 0;
    return { signalId, baselineF1, currentF1, delta: currentF1 - baselineF1 };
  });
  for (const signal of signals) {
    if (-signal.delta > thresholds.maxSignalF1Drop + 1e-9) {
      regressions.push(`${signal.signalId} F1 dropped ${(-signal.delta).toFixed(3)} (from ${signal.baselineF1.toFixed(3)} to ${signal.currentF1.toFixed(3)}), more than the allowed ${thresholds.maxSignalF1Drop}`);
    }
  }
  const sameLabel = (left: BaselineItem, right: BaselineItem) => left.source_ref === right.source_ref && left.signal === right.signal && left.start === right.start && left.end === right.end;
  const nearby = (left: BaselineItem, right: BaselineItem) =>
    left.signal === right.signal && spansMatch({ sourceRef: left.source_ref, start: left.start, end: left.end }, { sourceRef: right.source_ref, start: right.start, end: right.end });
  return {
    baseline: { created_at: baseline.created_at, extractor: baseline.extractor, gold_hash: baseline.gold_hash },
    goldChanged: baseline.gold_hash !== run.goldHash,
    macroF1: { baseline: baseline.macro.f1, current: current.macro.f1, delta: macroDelta },
    microF1: { baseline: baseline.micro.f1, current: current.micro.f1, delta: current.micro.f1 - baseline.micro.f1 },
    splitMacroF1: splitDeltas(current, baseline),
    signals,
    newFalsePositives: current.false_positives.filter((item) => !baseline.false_positives.some((old) => nearby(item, old))),
    newFalseNegatives: current.false_negatives.filter((item) => !baseline.false_negatives.some((old) => sameLabel(item, old))),
    fixedFalsePositives: baseline.false_positives.filter((old) => !current.false_positives.some((item) => nearby(item, old))),
    fixedFalseNegatives: baseline.false_negatives.filter((old) => !current.false_negatives.some((item) => sameLabel(item, old))),
    regressions,
    passed: regressions.length === 0,
  };
}

function splitDeltas(current: Baseline, baseline: Baseline | undefined): Comparison["splitMacroF1"] {
  return Object.entries(current.splits ?? {}).map(([split, scores]) => {
    const before = baseline?.splits?.[split as SplitName]?.macro.f1;
    return { split: split as SplitName, current: scores.macro.f1, ...(before === undefined ? {} : { baseline: before, delta: scores.macro.f1 - before }) };
  });
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}
