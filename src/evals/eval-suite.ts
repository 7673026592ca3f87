import { existsSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { ConfigError } from "../errors.js";
import type { Extractor } from "../extract/extractor.js";
import { loadRules } from "../rules/load-rules.js";
import { baselineOf, compareWithBaseline, readBaseline, writeBaseline, DEFAULT_BASELINE_FILE } from "./baseline.js";
import { CachedExtractor, DEFAULT_EVAL_CACHE_FOLDER } from "./cached-extractor.js";
import { evalExtractorFactory, type CreateExtractor, type EvalExtractorName, type ExtractorSpec } from "./create-eval-extractor.js";
import { readinessDecider } from "./decide-readiness.js";
import { loadEvalConfig, thresholdsOf, DEFAULT_EVAL_CONFIG_FILE, type EvalThresholds } from "./eval-config.js";
import { loadGoldSet, DEFAULT_GOLD_FOLDER } from "./load-gold.js";
import { buildReport, type ComparedRun, type EvalReport } from "./report-model.js";
import { runEval } from "./run-eval.js";
import { writeReport, DEFAULT_RESULTS_FOLDER } from "./write-report.js";

export interface EvalSuiteOptions {
  readonly extractor: EvalExtractorName;
  readonly model?: string;
  readonly promptFile?: string;
  /** Two prompt files or two model ids, run side by side; the gate applies to the second (the candidate). */
  readonly ab?: readonly [string, string];
  readonly goldFolder?: string;
  readonly configFile?: string;
  readonly baselineFile?: string;
  readonly rulesFile?: string;
  readonly resultsFolder?: string;
  readonly cacheFolder?: string;
  /** Model responses are cached unless this is false; the offline extractor is never cached (no model). */
  readonly cache?: boolean;
  readonly concurrency?: number;
  readonly updateBaseline?: boolean;
  readonly thresholds?: Partial<EvalThresholds>;
  /** How extractors are made (default: from the environment); tests pass fakes. */
  readonly createExtractor?: CreateExtractor;
  /** Where OPENAI_API_KEY and the model settings are read from. */
  readonly environment?: NodeJS.ProcessEnv;
}

export interface EvalSuiteResult {
  readonly compared: readonly ComparedRun[];
  readonly report: EvalReport;
  readonly reportFolder: string;
  readonly thresholds: EvalThresholds;
  /** Set when --update-baseline wrote the baseline file. */
  readonly baselineWritten?: string;
  /** The gate, judged on the last run (the only run, or B of an A/B). */
  readonly passed: boolean;
  readonly regressions: readonly string[];
  readonly durationMs: number;
}

/**
 * The whole `evidence eval run`: load the gold set, config and rules once, run one extractor (or two for
 * --ab), compare with the baseline, write the Markdown and HTML report, and optionally write the baseline.
 * Never throws for a failing case (that is in the report); throws for bad configuration.
 */
export async function runEvalSuite(options: EvalSuiteOptions): Promise<EvalSuiteResult> {
  const started = performance.now();
  if (options.ab !== undefined && options.updateBaseline === true) {
    throw new ConfigError("--update-baseline writes one run; run A or B on its own with --update-baseline.");
  }
  const config = await loadEvalConfig(options.configFile ?? DEFAULT_EVAL_CONFIG_FILE);
  const thresholds = thresholdsOf(config, options.thresholds);
  const gold = await loadGoldSet(options.goldFolder ?? DEFAULT_GOLD_FOLDER);
  const decide = readinessDecider(gold.vendor, await loadRules(options.rulesFile));
  const baselineFile = options.baselineFile ?? DEFAULT_BASELINE_FILE;
  const baseline = options.updateBaseline === true ? undefined : await readBaseline(baselineFile);
  const create = options.createExtractor ?? evalExtractorFactory(options.environment ?? process.env);

  const specs: Array<{ label: string; spec: ExtractorSpec }> =
    options.ab === undefined
      ? [{ label: options.model ?? options.extractor, spec: specOf(options.extractor, options.model, options.promptFile) }]
      : options.ab.map((variant, index) => ({ label: index === 0 ? `A (${variant})` : `B (${variant})`, spec: abSpec(options, variant) }));

  const compared: ComparedRun[] = [];
  for (const { label, spec } of specs) {
    const made = await create({ ...spec, vendor: gold.vendor });
    const extractor: Extractor = made.provider === "offline" || options.cache === false ? made : new CachedExtractor(made, { folder: options.cacheFolder ?? DEFAULT_EVAL_CACHE_FOLDER });
    const price = config.prices[extractor.modelId];
    const run = await runEval({
      gold,
      extractor,
      decide,
      concurrency: options.concurrency ?? config.concurrency,
      label,
      ...(price === undefined ? {} : { price }),
      ...(spec.promptFile === undefined ? {} : { promptFile: spec.promptFile }),
    });
    compared.push({ run, comparison: compareWithBaseline(run, baseline, thresholds) });
  }

  const last = compared.at(-1);
  if (last === undefined) throw new RangeError("no run was made");
  let baselineWritten: string | undefined;
  if (options.updateBaseline === true) {
    await writeBaseline(baselineFile, baselineOf(last.run));
    baselineWritten = baselineFile;
  }
  const report = buildReport(compared, thresholds);
  const reportFolder = await writeReport(options.resultsFolder ?? DEFAULT_RESULTS_FOLDER, report, compared.map((item) => item.run));
  return {
    compared,
    report,
    reportFolder,
    thresholds,
    ...(baselineWritten === undefined ? {} : { baselineWritten }),
    passed: last.comparison.passed,
    regressions: last.comparison.regressions,
    durationMs: performance.now() - started,
  };
}

function specOf(name: EvalExtractorName, model: string | undefined, promptFile: string | undefined): ExtractorSpec {
  return { name, ...(model === undefined ? {} : { model }), ...(promptFile === undefined ? {} : { promptFile }) };
}

/** An --ab variant that names an existing file is a prompt; anything else is a model id. */
function abSpec(options: EvalSuiteOptions, variant: string): ExtractorSpec {
  return existsSync(variant) ? specOf(options.extractor, options.model, variant) : specOf(options.extractor, variant, options.promptFile);
}
