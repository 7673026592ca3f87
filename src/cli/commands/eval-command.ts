import path from "node:path";
import { InvalidArgumentError, type Command } from "commander";
import { exportDisputes } from "../../app/index.js";
import { EvalRegressionError } from "../../errors.js";
import { EVAL_EXTRACTORS, type EvalExtractorName } from "../../evals/create-eval-extractor.js";
import { runEvalSuite, type EvalSuiteResult } from "../../evals/eval-suite.js";
import { DEFAULT_GOLD_FOLDER } from "../../evals/load-gold.js";
import { loadVendorProfile, roleDirectoryOf } from "../../ingest/vendor-profile.js";
import { contextFor, type ContextDependencies } from "../command-context.js";
import { formatTable } from "../output.js";

interface RunOptions {
  extractor: EvalExtractorName;
  prompt?: string;
  model?: string;
  baseline?: string;
  gold?: string;
  config?: string;
  rules?: string;
  results?: string;
  concurrency?: number;
  cache: boolean;
  updateBaseline?: boolean;
  ab?: string[];
  maxMacroF1Drop?: number;
  maxSignalF1Drop?: number;
  minCitationValidity?: number;
}

const share = (value: string) => {
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0 || number > 1) throw new InvalidArgumentError("expected a number from 0 to 1");
  return number;
};
const positiveInteger = (value: string) => {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new InvalidArgumentError("expected a whole number of at least 1");
  return number;
};
const extractorName = (value: string): EvalExtractorName => {
  if (!(EVAL_EXTRACTORS as readonly string[]).includes(value)) throw new InvalidArgumentError(`expected one of ${EVAL_EXTRACTORS.join(", ")}`);
  return value as EvalExtractorName;
};

export function registerEvalCommand(program: Command, dependencies: ContextDependencies): void {
  const evalCommand = program.command("eval").description("score extractors against the labelled gold set in evals/, and export reviewers' disputes into it");

  evalCommand
    .command("run")
    .description(
      "run an extractor over every gold case, score it per signal (precision, recall, F1, citation validity, span overlap, " +
        "speaker roles, hard negatives, readiness verdicts, tokens, cost, latency), compare with the baseline and write " +
        "a Markdown and HTML report to evals/results/<timestamp>/. Exits 1 when the run falls below its gate.",
    )
    .option("--extractor <name>", `which extractor: ${EVAL_EXTRACTORS.join(" or ")}`, extractorName, "offline" as EvalExtractorName)
    .option("--prompt <file>", "a prompt file to try instead of the shipped one (model extractors)")
    .option("--model <id>", "the model to evaluate (model extractors)")
    .option("--baseline <file>", "the baseline to compare with", "evals/baseline.json")
    .option("--gold <folder>", "the gold set", DEFAULT_GOLD_FOLDER)
    .option("--config <file>", "eval settings: thresholds, prices, concurrency", "evals/eval-config.yaml")
    .option("--rules <file>", "the readiness rules file for the account cases (default: the shipped one)")
    .option("--results <folder>", "where reports are written", "evals/results")
    .option("--concurrency <n>", "gold cases run at once (default from the config)", positiveInteger)
    .option("--no-cache", "ask the model again even for inputs it has answered before")
    .option("--update-baseline", "write this run as the new baseline (on purpose: commit it with the change that earned it)")
    .option("--ab <variants...>", "run two prompt files or two model ids side by side: --ab <A> <B>; the gate applies to B")
    .option("--max-macro-f1-drop <x>", "fail when macro-F1 drops more than this below the baseline", share)
    .option("--max-signal-f1-drop <y>", "fail when any signal's F1 drops more than this below the baseline", share)
    .option("--min-citation-validity <z>", "fail when fewer candidate quotes than this share pass the citation check", share)
    .addHelpText(
      "after",
      "\nExamples:\n  evidence eval run\n  evidence eval run --extractor openai --model gpt-4o-mini\n  evidence eval run --extractor openai --ab prompts/a.md prompts/b.md\n  evidence eval run --update-baseline",
    )
    .action(async (options: RunOptions, command: Command) => {
      const context = contextFor(command, dependencies);
      if (options.ab !== undefined && options.ab.length !== 2) throw new InvalidArgumentError("--ab takes exactly two variants: --ab <A> <B>");
      const resolve = (file: string) => path.resolve(dependencies.workingDirectory, file);
      const result = await runEvalSuite({
        extractor: options.extractor,
        ...(options.model === undefined ? {} : { model: options.model }),
        ...(options.prompt === undefined ? {} : { promptFile: resolve(options.prompt) }),
        ...(options.ab === undefined ? {} : { ab: [options.ab[0] ?? "", options.ab[1] ?? ""] as const }),
        goldFolder: resolve(options.gold ?? DEFAULT_GOLD_FOLDER),
        configFile: resolve(options.config ?? "evals/eval-config.yaml"),
        baselineFile: resolve(options.baseline ?? "evals/baseline.json"),
        ...(options.rules === undefined ? {} : { rulesFile: resolve(options.rules) }),
        resultsFolder: resolve(options.results ?? "evals/results"),
        cacheFolder: resolve(".evidence/eval-cache"),
        cache: options.cache,
        ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
        updateBaseline: options.updateBaseline === true,
        environment: dependencies.environment,
        thresholds: {
          ...(options.maxMacroF1Drop === undefined ? {} : { maxMacroF1Drop: options.maxMacroF1Drop }),
          ...(options.maxSignalF1Drop === undefined ? {} : { maxSignalF1Drop: options.maxSignalF1Drop }),
          ...(options.minCitationValidity === undefined ? {} : { minCitationValidity: options.minCitationValidity }),
        },
      });
      context.output.result(summaryOf(result), () => describeRun(result));
      if (!result.passed) throw new EvalRegressionError(result.regressions);
    });

  evalCommand
    .command("export-disputes")
    .description(
      "write the evidence reviewers disputed (evidence dispute) into the gold format as hard negatives: one " +
        "disputed-<account>.yaml per account, holding the documents and each disputed quote",
    )
    .option("--account <id>", "only this account")
    .option("--output <folder>", "where the case files go", "evals/gold/cases")
    .option("--vendor <file>", "the vendor profile that gives speakers their roles when the cases are read", "evals/gold/vendor.json")
    .action(async (options: { account?: string; output: string; vendor: string }, command: Command) => {
      const context = contextFor(command, dependencies);
      const directory = roleDirectoryOf(await loadVendorProfile(path.resolve(dependencies.workingDirectory, options.vendor)));
      const exported = await context.run((services) =>
        exportDisputes(services, { accountId: options.account, folder: path.resolve(dependencies.workingDirectory, options.output), directory }),
      );
      context.output.result(exported, () =>
        [
          exported.disputes === 0 ? "No disputed evidence." : `${exported.negatives} of ${exported.disputes} disputed items written as hard negatives.`,
          ...exported.files.map((file) => `  wrote ${path.relative(dependencies.workingDirectory, file)}`),
          ...exported.skipped.map((item) => `  skipped evidence ${item.evidenceId}: ${item.reason}`),
        ].join("\n"),
      );
    });
}

/** The JSON document of a run: the gate, every metric, and where the report is. */
function summaryOf(result: EvalSuiteResult) {
  return {
    passed: result.passed,
    regressions: result.regressions,
    durationMs: Math.round(result.durationMs),
    reportFolder: result.reportFolder,
    baselineWritten: result.baselineWritten ?? null,
    thresholds: result.thresholds,
    runs: result.compared.map(({ run, comparison }) => ({
      label: run.label,
      extractor: run.extractor,
      metrics: run.scored.metrics,
      splits: run.splits,
      comparison: {
        macroF1: comparison.macroF1 ?? null,
        splitMacroF1: comparison.splitMacroF1,
        signals: comparison.signals,
        newFalsePositives: comparison.newFalsePositives,
        newFalseNegatives: comparison.newFalseNegatives,
        regressions: comparison.regressions,
      },
    })),
  };
}

const fixed = (value: number) => value.toFixed(3);
const signed = (value: number) => `${value >= 0 ? "+" : ""}${value.toFixed(3)}`;

function describeRun(result: EvalSuiteResult): string {
  const lines: string[] = [];
  for (const { run, comparison } of result.compared) {
    const { metrics } = run.scored;
    const deltas = new Map(comparison.signals.map((signal) => [signal.signalId, signal.delta]));
    lines.push(`${run.label}: ${run.extractor.provider}/${run.extractor.modelId}, prompt ${run.extractor.promptHash.slice(0, 12)}`);
    lines.push(
      formatTable(
        ["signal", "labels", "TP", "FP", "FN", "precision", "recall", "F1", "vs baseline"],
        metrics.perSignal.map((score) => [score.signalId, score.support, score.truePositives, score.falsePositives, score.falseNegatives, fixed(score.precision), fixed(score.recall), fixed(score.f1), deltas.has(score.signalId) ? signed(deltas.get(score.signalId) ?? 0) : "-"]),
      ),
    );
    lines.push(
      `micro P/R/F1 ${fixed(metrics.micro.precision)}/${fixed(metrics.micro.recall)}/${fixed(metrics.micro.f1)}; macro P/R/F1 ${fixed(metrics.macro.precision)}/${fixed(metrics.macro.recall)}/${fixed(metrics.macro.f1)}` +
        (comparison.macroF1 === undefined ? "" : ` (baseline ${fixed(comparison.macroF1.baseline)}, ${signed(comparison.macroF1.delta)})`),
      `citation validity ${(metrics.citationValidity.rate * 100).toFixed(1)}% (${metrics.citationValidity.rejected} rejected); span overlap ${fixed(metrics.spanOverlap)}; speaker roles ${(metrics.speakerRoleAccuracy.rate * 100).toFixed(1)}%`,
      `hard negatives hit ${metrics.hardNegatives.hits}/${metrics.hardNegatives.total}; verdicts ${metrics.verdicts.correct}/${metrics.verdicts.total} (with gold evidence ${metrics.verdicts.correctWithGoldEvidence}/${metrics.verdicts.total})`,
      `tokens ${metrics.cost.promptTokens} + ${metrics.cost.completionTokens}, cost ${metrics.cost.priced ? `$${metrics.cost.costUsd.toFixed(4)}` : "not priced"}; failed cases ${metrics.failures.cases.length}, failed chunks ${metrics.failures.chunks}`,
    );
    if (run.splits.length > 1) {
      const baselineMacro = new Map(comparison.splitMacroF1.map((item) => [item.split, item]));
      lines.push(
        "By split (tune = in-sample for the offline cue patterns; holdout = never tuned on):",
        formatTable(
          ["split", "cases", "labels", "micro P/R/F1", "macro P/R/F1", "vs baseline", "citation", "hard neg. hit", "verdicts"],
          run.splits.map((headline) => {
            const delta = baselineMacro.get(headline.split)?.delta;
            return [
              headline.split,
              headline.cases,
              headline.labels,
              `${fixed(headline.micro.precision)}/${fixed(headline.micro.recall)}/${fixed(headline.micro.f1)}`,
              `${fixed(headline.macro.precision)}/${fixed(headline.macro.recall)}/${fixed(headline.macro.f1)}`,
              delta === undefined ? "-" : signed(delta),
              `${(headline.citationValidity.rate * 100).toFixed(1)}%`,
              `${headline.hardNegatives.hits}/${headline.hardNegatives.total}`,
              `${headline.verdicts.correct}/${headline.verdicts.total}`,
            ];
          }),
        ),
      );
    }
    for (const item of comparison.newFalsePositives.slice(0, 10)) lines.push(`  new false positive  ${item.signal} in ${item.source_ref}: "${item.quote}"`);
    for (const item of comparison.newFalseNegatives.slice(0, 10)) lines.push(`  new false negative  ${item.signal} in ${item.source_ref}: "${item.quote}"`);
    lines.push("");
  }
  lines.push(result.passed ? "Gate: PASS" : `Gate: FAIL\n${result.regressions.map((reason) => `  - ${reason}`).join("\n")}`);
  if (result.baselineWritten !== undefined) lines.push(`Baseline written to ${result.baselineWritten}`);
  lines.push(`Report: ${result.reportFolder}/report.md and report.html`, `Eval time: ${(result.durationMs / 1000).toFixed(2)} s`);
  return lines.join("\n");
}
