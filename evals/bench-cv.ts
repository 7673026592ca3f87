/**
 * `npm run bench:cv`: leave-one-case-out cross-validation of the offline extractor's sentence classifier
 * on the tune split. For each of the tune cases, the classifier is trained without that case (on the
 * other tune cases plus the chosen extra sources) and the whole offline extractor (cues + classifier) is
 * scored on it, exactly as `npm run eval` scores; the folds' runs are pooled and scored together. Prints
 * one JSON line per variant and threshold. The holdouts are never read: this is what variants are
 * chosen by. The cue families themselves were written on the tune split, so only the classifier's part
 * is out of sample here.
 *
 *   npm run bench:cv                       # the shipped training recipe, with the cues
 *   npm run bench:cv -- --alone --cues-only  # also the classifier alone, and the cues alone
 *   npm run bench:cv -- --variants file.json --per-signal   # other recipes (JSON list of partial recipes)
 */
import { readFile } from "node:fs/promises";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { readinessDecider } from "../src/evals/decide-readiness.js";
import { evaluateCase } from "../src/evals/evaluate-case.js";
import { loadGoldSet, type GoldCase } from "../src/evals/load-gold.js";
import { scoreRun, type CaseRun } from "../src/evals/score-run.js";
import { OfflineExtractor, type ClassifierCombination } from "../src/extract/offline-extractor.js";
import { SentenceClassifier, trainClassifier, type ClassifierWeights } from "../src/extract/sentence-classifier.js";
import { ownNamesOf } from "../src/extract/named-tools.js";
import { loadRules } from "../src/rules/load-rules.js";
import { thresholdsOf, TRAINING_RECIPE, trainingSetOf, type TrainingRecipe } from "./training-recipe.js";
import type { SignalId } from "../src/taxonomy/signals.js";

const { values } = parseArgs({
  options: {
    variants: { type: "string" },
    "per-signal": { type: "boolean", default: false },
    "cues-only": { type: "boolean", default: false },
    alone: { type: "boolean", default: false },
    dev: { type: "string", multiple: true, default: [] },
    "skip-cv": { type: "boolean", default: false },
    "learn-dev": { type: "boolean", default: false },
  },
});
const variants: Array<TrainingRecipe & { name: string; riskThresholds?: readonly number[]; combines?: readonly ClassifierCombination[] }> =
  values.variants === undefined ? [{ name: "shipped", ...TRAINING_RECIPE }] : (JSON.parse(await readFile(values.variants, "utf8")) as Array<Partial<TrainingRecipe> & { name: string; riskThresholds?: number[]; combines?: ClassifierCombination[] }>).map((variant) => ({ ...TRAINING_RECIPE, ...variant }));

const gold = await loadGoldSet();
const tune = gold.cases.filter((goldCase) => goldCase.split === "tune");
const rules = await loadRules();
const decide = readinessDecider(gold.vendor, rules);
const ownNames = new Set(ownNamesOf(gold.vendor));

/** Trained weights read at another threshold (risk signals at the recipe's own, when higher). */
function classifierAt(weights: ClassifierWeights, recipe: TrainingRecipe, threshold: number): SentenceClassifier {
  const perSignal = thresholdsOf(recipe, threshold);
  const signals = Object.fromEntries(Object.entries(weights.signals).map(([id, model]) => [id, { ...model, threshold: perSignal[id as SignalId] ?? threshold }]));
  return new SentenceClassifier({ ...weights, threshold, signals });
}

function report(name: string, threshold: number | null, runs: readonly CaseRun[], seconds: number, scored: readonly GoldCase[] = tune, benchmark = "classifier-cv"): void {
  const { metrics } = scoreRun(scored, runs);
  const round = (value: number) => Number(value.toFixed(3));
  const line: Record<string, unknown> = {
    benchmark,
    variant: name,
    threshold,
    folds: runs.length,
    micro: { precision: round(metrics.micro.precision), recall: round(metrics.micro.recall), f1: round(metrics.micro.f1) },
    macroF1: round(metrics.macro.f1),
    hardNegatives: `${metrics.hardNegatives.hits}/${metrics.hardNegatives.total}`,
    verdicts: `${metrics.verdicts.correct}/${metrics.verdicts.total}`,
    citations: round(metrics.citationValidity.rate),
    seconds: round(seconds),
  };
  const wrong = metrics.verdicts.cases.filter((item) => item.predicted !== item.expected).map((item) => `${item.caseId}: ${item.expected} -> ${item.predicted ?? item.error ?? "none"}`);
  if (wrong.length > 0) line.wrongVerdicts = wrong;
  if (values["per-signal"]) line.perSignal = Object.fromEntries(metrics.perSignal.map((score) => [score.signalId, `${score.truePositives}/${score.falsePositives}/${score.falseNegatives} f1 ${round(score.f1)}`]));
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

if (values["cues-only"]) {
  const started = performance.now();
  const extractor = new OfflineExtractor({ vendor: gold.vendor, classifier: false });
  const runs = await Promise.all(tune.map((goldCase) => evaluateCase(goldCase, extractor, decide)));
  report("cues-only", null, runs, (performance.now() - started) / 1000);
}

// Development sets: other fictional vendors, written by people who never read the cues. The classifier is
// trained as it ships (every tune case plus the recipe's sources) and scored on each, with that set's own
// vendor profile. Unlike the holdouts these may be looked at, so they measure how a change travels to a
// vendor and a writing style the tune split does not have.
const devSets = await Promise.all(
  (values.dev ?? []).map(async (folder) => {
    const devGold = await loadGoldSet(folder);
    return { folder, gold: devGold, decide: readinessDecider(devGold.vendor, rules) };
  }),
);
for (const variant of devSets.length === 0 ? [] : variants) {
  const started = performance.now();
  const trained = new Map<string, ClassifierWeights>();
  for (const { folder } of devSets) {
    // With --learn-dev, the other development sets are learnt from too (leave one vendor out).
    const development = values["learn-dev"] ? devSets.map((set) => set.folder).filter((other) => other !== folder) : variant.sources.development.filter((other) => other !== folder);
    const recipe = { ...variant, sources: { ...variant.sources, development } };
    trained.set(folder, trainClassifier(await trainingSetOf(recipe, tune), { ...variant.training, threshold: variant.threshold, ownNames, trainedOn: `all tune cases, not ${folder}` }));
  }
  const trainedSeconds = (performance.now() - started) / 1000;
  for (const threshold of variant.thresholds) {
    for (const { folder, gold: devGold, decide: devDecide } of devSets) {
      const classifier = classifierAt(trained.get(folder) as ClassifierWeights, variant, threshold);
      const extractor = new OfflineExtractor({ vendor: devGold.vendor, classifier, classifyEveryone: variant.classifyEveryone, combine: variant.combine });
      const runs = await Promise.all(devGold.cases.map((goldCase) => evaluateCase(goldCase, extractor, devDecide)));
      report(`${variant.name} on ${folder}`, threshold, runs, trainedSeconds, devGold.cases, "classifier-dev");
    }
  }
}

for (const variant of values["skip-cv"] ? [] : variants) {
  const started = performance.now();
  const folds: Array<{ caseIndex: number; weights: ClassifierWeights }> = [];
  for (const [caseIndex, left] of tune.entries()) {
    const sentences = await trainingSetOf(variant, tune.filter((goldCase) => goldCase !== left));
    folds.push({ caseIndex, weights: trainClassifier(sentences, { ...variant.training, threshold: variant.threshold, ownNames, trainedOn: `cv fold ${left.id}` }) });
  }
  const trainedSeconds = (performance.now() - started) / 1000;
  // Thresholds and risk thresholds are read off the same trained folds.
  for (const riskThreshold of variant.riskThresholds ?? [variant.riskThreshold]) for (const combine of variant.combines ?? [variant.combine]) {
    const recipe: TrainingRecipe = { ...variant, combine, ...(riskThreshold === undefined ? {} : { riskThreshold }) };
    for (const threshold of variant.thresholds) {
      // With the cues (what ships), and the classifier alone: the cues were written on this split, so the
      // second line is the cleaner measure of how the classifier generalises.
      for (const cues of values.alone ? [true, false] : [true]) {
        const runs: CaseRun[] = [];
        for (const { caseIndex, weights } of folds) {
          const goldCase = tune[caseIndex];
          if (goldCase === undefined) continue;
          const classifier = classifierAt(weights, recipe, threshold);
          const extractor = new OfflineExtractor({ vendor: gold.vendor, classifier, classifyEveryone: variant.classifyEveryone, cues, combine });
          runs.push(await evaluateCase(goldCase, extractor, decide));
        }
        const name = `${variant.name}${riskThreshold === undefined ? "" : ` risk ${riskThreshold}`} ${combine}`;
        report(cues ? name : `${name} (classifier alone)`, threshold, runs, trainedSeconds);
      }
    }
  }
}
