import { signalById, type SignalId } from "../taxonomy/signals.js";
import type { Comparison } from "./baseline.js";
import type { EvalThresholds } from "./eval-config.js";
import type { EvalRun } from "./run-eval.js";

/** A table of plain strings: both renderers escape every cell themselves. */
export interface ReportTable {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export interface ReportSection {
  readonly heading: string;
  readonly paragraphs?: readonly string[];
  readonly list?: readonly string[];
  readonly tables?: readonly ReportTable[];
}

export interface EvalReport {
  readonly title: string;
  readonly createdAt: string;
  readonly sections: readonly ReportSection[];
}

/** One run and its comparison with the baseline (when there is one). */
export interface ComparedRun {
  readonly run: EvalRun;
  readonly comparison: Comparison;
}

const EXAMPLE_LIMIT = 40;
const number = (value: number, digits = 3) => value.toFixed(digits);
const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
const signed = (value: number) => `${value >= 0 ? "+" : ""}${value.toFixed(3)}`;
const titleOf = (signalId: SignalId) => `${signalId}`;

/**
 * Builds the report once as sections of text and tables, so the Markdown and the HTML say the same thing:
 * summary, baseline comparison, per-signal table, confusion between signals, verdicts, hard negatives,
 * examples of false positives and false negatives with their words, and cost and latency per case.
 */
export function buildReport(compared: readonly ComparedRun[], thresholds: EvalThresholds): EvalReport {
  const runs = compared.map((item) => item.run);
  const first = runs[0];
  if (first === undefined) throw new RangeError("a report needs at least one run");
  const sections: ReportSection[] = [];
  const labels = runs.map((run) => run.label);

  sections.push({
    heading: "Summary",
    paragraphs: [
      `Gold set ${first.goldHash.slice(0, 12)}: ${first.scored.metrics.perSignal.reduce((total, score) => total + score.support, 0)} labels, ${first.scored.metrics.hardNegatives.total} hard negatives, ${first.scored.metrics.verdicts.total} account cases.`,
      ...runs.map((run) => `${run.label}: provider ${run.extractor.provider}, model ${run.extractor.modelId}, prompt ${run.extractor.promptHash.slice(0, 12)}${run.extractor.promptFile === undefined ? "" : ` (${run.extractor.promptFile})`}, ${(run.durationMs / 1000).toFixed(2)} s.`),
    ],
    tables: [
      {
        headers: ["metric", ...labels],
        rows: [
          ["micro precision / recall / F1", ...runs.map((run) => `${number(run.scored.metrics.micro.precision)} / ${number(run.scored.metrics.micro.recall)} / ${number(run.scored.metrics.micro.f1)}`)],
          ["macro precision / recall / F1", ...runs.map((run) => `${number(run.scored.metrics.macro.precision)} / ${number(run.scored.metrics.macro.recall)} / ${number(run.scored.metrics.macro.f1)}`)],
          ["citation validity", ...runs.map((run) => `${percent(run.scored.metrics.citationValidity.rate)} (${run.scored.metrics.citationValidity.rejected} rejected of ${run.scored.metrics.citationValidity.verified + run.scored.metrics.citationValidity.rejected})`)],
          ["span overlap (mean IoU)", ...runs.map((run) => number(run.scored.metrics.spanOverlap))],
          ["speaker-role accuracy", ...runs.map((run) => `${percent(run.scored.metrics.speakerRoleAccuracy.rate)} (${run.scored.metrics.speakerRoleAccuracy.correct}/${run.scored.metrics.speakerRoleAccuracy.total})`)],
          ["hard-negative false-positive rate", ...runs.map((run) => `${percent(run.scored.metrics.hardNegatives.falsePositiveRate)} (${run.scored.metrics.hardNegatives.hits}/${run.scored.metrics.hardNegatives.total})`)],
          ["verdict accuracy (extracted evidence)", ...runs.map((run) => `${run.scored.metrics.verdicts.correct}/${run.scored.metrics.verdicts.total}`)],
          ["verdict accuracy (gold evidence)", ...runs.map((run) => `${run.scored.metrics.verdicts.correctWithGoldEvidence}/${run.scored.metrics.verdicts.total}`)],
          ["tokens (prompt + completion)", ...runs.map((run) => `${run.scored.metrics.cost.promptTokens} + ${run.scored.metrics.cost.completionTokens}`)],
          ["cost estimate", ...runs.map((run) => (run.scored.metrics.cost.priced ? `$${run.scored.metrics.cost.costUsd.toFixed(4)}` : "no price configured for this model"))],
          ["mean latency per case", ...runs.map((run) => `${(run.scored.metrics.cost.perCase.reduce((total, item) => total + item.latencyMs, 0) / Math.max(1, run.scored.metrics.cost.perCase.length)).toFixed(0)} ms`)],
          ["failed cases / failed chunks", ...runs.map((run) => `${run.scored.metrics.failures.cases.length} / ${run.scored.metrics.failures.chunks}`)],
          ["vendor-side predictions kept apart", ...runs.map((run) => String(run.scored.metrics.keptApart))],
        ],
      },
    ],
  });

  sections.push({
    heading: "By split",
    paragraphs: [
      "tune: the cases in evals/gold/cases, which the offline extractor's cue patterns were tuned on (in-sample). holdout: the cases in evals/gold/holdout, written later and never tuned on: the honest number. Macro averages all 22 signals in every split.",
    ],
    tables: [splitTable(runs)],
  });

  for (const { run, comparison } of compared) {
    const heading = compared.length > 1 ? `Against the baseline: ${run.label}` : "Against the baseline";
    if (comparison.baseline === undefined) {
      sections.push({ heading, paragraphs: ["No baseline to compare with (write one with --update-baseline).", verdictLine(comparison.regressions)], list: comparison.regressions });
      continue;
    }
    sections.push({
      heading,
      paragraphs: [
        `Baseline of ${comparison.baseline.created_at} (${comparison.baseline.extractor.provider}/${comparison.baseline.extractor.model}, prompt ${comparison.baseline.extractor.prompt_hash.slice(0, 12)}). Gate: macro-F1 may drop at most ${thresholds.maxMacroF1Drop}, a signal's F1 at most ${thresholds.maxSignalF1Drop}, citation validity at least ${percent(thresholds.minCitationValidity)}.`,
        ...(comparison.goldChanged ? ["The gold set changed since the baseline was written: deltas mix gold and extractor changes."] : []),
        comparison.macroF1 === undefined ? "" : `Macro-F1 ${number(comparison.macroF1.baseline)} -> ${number(comparison.macroF1.current)} (${signed(comparison.macroF1.delta)}); micro-F1 ${number(comparison.microF1?.baseline ?? 0)} -> ${number(comparison.microF1?.current ?? 0)} (${signed(comparison.microF1?.delta ?? 0)}).`,
        splitDeltaLine(comparison),
        verdictLine(comparison.regressions),
      ].filter((line) => line !== ""),
      list: comparison.regressions,
      tables: [
        { headers: ["signal", "baseline F1", "F1", "delta"], rows: comparison.signals.map((signal) => [titleOf(signal.signalId), number(signal.baselineF1), number(signal.currentF1), signed(signal.delta)]) },
        { headers: [`new false positives (${comparison.newFalsePositives.length})`, "case", "signal", "quote"], rows: comparison.newFalsePositives.slice(0, EXAMPLE_LIMIT).map((item) => [item.source_ref, item.case, item.signal, item.quote]) },
        { headers: [`new false negatives (${comparison.newFalseNegatives.length})`, "case", "signal", "quote"], rows: comparison.newFalseNegatives.slice(0, EXAMPLE_LIMIT).map((item) => [item.source_ref, item.case, item.signal, item.quote]) },
        { headers: [`fixed since the baseline (${comparison.fixedFalsePositives.length + comparison.fixedFalseNegatives.length})`, "kind", "signal", "quote"], rows: [...comparison.fixedFalsePositives.map((item) => [item.source_ref, "was a false positive", item.signal, item.quote]), ...comparison.fixedFalseNegatives.map((item) => [item.source_ref, "was missed", item.signal, item.quote])].slice(0, EXAMPLE_LIMIT) },
      ],
    });
  }

  const perSignalHeaders = runs.length === 1 ? ["signal", "category", "labels", "TP", "FP", "FN", "precision", "recall", "F1"] : ["signal", "labels", ...labels.flatMap((label) => [`${label} P`, `${label} R`, `${label} F1`]), "F1 delta"];
  sections.push({
    heading: "Per signal",
    tables: [
      {
        headers: perSignalHeaders,
        rows: first.scored.metrics.perSignal.map((score, index) => {
          if (runs.length === 1) return [titleOf(score.signalId), signalById(score.signalId).category, String(score.support), String(score.truePositives), String(score.falsePositives), String(score.falseNegatives), number(score.precision), number(score.recall), number(score.f1)];
          const scores = runs.map((run) => run.scored.metrics.perSignal[index] ?? score);
          const delta = (scores.at(-1)?.f1 ?? 0) - (scores[0]?.f1 ?? 0);
          return [titleOf(score.signalId), String(score.support), ...scores.flatMap((item) => [number(item.precision), number(item.recall), number(item.f1)]), signed(delta)];
        }),
      },
    ],
  });

  for (const run of runs) {
    const suffix = runs.length > 1 ? `: ${run.label}` : "";
    const { metrics, examples } = run.scored;
    sections.push({
      heading: `Confusion between signals${suffix}`,
      paragraphs: [metrics.confusion.length === 0 ? "No prediction put one signal on the words of another." : "A predicted signal on the words of a gold label of another signal (each is also a false positive)."],
      tables: metrics.confusion.length === 0 ? [] : [{ headers: ["gold signal", "predicted signal", "count"], rows: metrics.confusion.map((item) => [item.gold, item.predicted, String(item.count)]) }],
    });
    sections.push({
      heading: `Readiness verdicts${suffix}`,
      tables: [{ headers: ["account case", "expected", "from extracted evidence", "from gold evidence"], rows: metrics.verdicts.cases.map((item) => [item.caseId, item.expected, item.predicted ?? `not decided: ${item.error ?? "?"}`, item.withGoldEvidence ?? "-"]) }],
    });
    sections.push({
      heading: `Hard negatives hit${suffix}`,
      paragraphs: [`${metrics.hardNegatives.hits} of ${metrics.hardNegatives.total}. By kind: ${Object.entries(metrics.hardNegatives.byKind).map(([kind, counts]) => `${kind} ${counts.hits}/${counts.total}`).join(", ")}.`],
      tables: examples.hardNegativeHits.length === 0 ? [] : [{ headers: ["looks like", "kind", "quote", "why it is not"], rows: examples.hardNegativeHits.map((hit) => [hit.negative.looksLike, hit.negative.kind, hit.negative.quote, hit.negative.why]) }],
    });
    sections.push({
      heading: `Examples${suffix}`,
      tables: [
        { headers: [`false positives (${examples.falsePositives.length})`, "predicted signal", "quote", "why wrong", "line"], rows: examples.falsePositives.slice(0, EXAMPLE_LIMIT).map((item) => [item.prediction.sourceRef, item.prediction.signalId, item.prediction.quote, item.hardNegative !== undefined ? `hard negative (${item.hardNegative.kind}): ${item.hardNegative.why}` : item.confusedWith !== undefined ? `gold says ${item.confusedWith.signalId}` : "no gold label here", item.context]) },
        { headers: [`false negatives (${examples.falseNegatives.length})`, "gold signal", "quote", "line"], rows: examples.falseNegatives.slice(0, EXAMPLE_LIMIT).map((label) => [label.sourceRef, label.signalId, label.quote, label.context]) },
      ],
    });
    sections.push({
      heading: `Cost and latency per case${suffix}`,
      tables: [{ headers: ["case", "ok", "chunks (cached)", "prompt tokens", "completion tokens", "cost", "latency"], rows: metrics.cost.perCase.map((item) => [item.caseId, item.success ? "yes" : "FAILED", `${item.chunks} (${item.cachedChunks})`, String(item.promptTokens), String(item.completionTokens), `$${item.costUsd.toFixed(4)}`, `${item.latencyMs.toFixed(0)} ms`]) }],
      list: metrics.failures.cases.map((failure) => `${failure.caseId} failed: ${failure.error}`),
    });
  }
  return { title: runs.length > 1 ? `Eval: ${labels.join(" vs ")}` : `Eval: ${first.label}`, createdAt: first.startedAt, sections };
}

/** One row per run and split: the headline figures side by side, so in-sample and held-out read together. */
function splitTable(runs: readonly EvalRun[]): ReportTable {
  const withRun = runs.length > 1;
  return {
    headers: [...(withRun ? ["run"] : []), "split", "cases / labels", "micro P / R / F1", "macro P / R / F1", "citation validity", "hard negatives hit", "verdicts (extracted evidence)"],
    rows: runs.flatMap((run) =>
      run.splits.map((headline) => [
        ...(withRun ? [run.label] : []),
        headline.split,
        `${headline.cases} / ${headline.labels}`,
        `${number(headline.micro.precision)} / ${number(headline.micro.recall)} / ${number(headline.micro.f1)}`,
        `${number(headline.macro.precision)} / ${number(headline.macro.recall)} / ${number(headline.macro.f1)}`,
        `${percent(headline.citationValidity.rate)} (${headline.citationValidity.rejected} rejected)`,
        `${headline.hardNegatives.hits}/${headline.hardNegatives.total}`,
        `${headline.verdicts.correct}/${headline.verdicts.total} (gold evidence ${headline.verdicts.correctWithGoldEvidence}/${headline.verdicts.total})`,
      ]),
    ),
  };
}

/** Macro-F1 per split against the baseline, when the baseline recorded splits. */
function splitDeltaLine(comparison: Comparison): string {
  const parts = comparison.splitMacroF1
    .filter((item) => item.split !== "all")
    .map((item) => (item.baseline === undefined ? `${item.split} ${number(item.current)} (not in the baseline)` : `${item.split} ${number(item.baseline)} -> ${number(item.current)} (${signed(item.delta ?? 0)})`));
  return parts.length === 0 ? "" : `Macro-F1 by split: ${parts.join("; ")}. The gate judges the whole set.`;
}

function verdictLine(regressions: readonly string[]): string {
  return regressions.length === 0 ? "Result: PASS." : `Result: FAIL (${regressions.length} regression${regressions.length === 1 ? "" : "s"}).`;
}
