/**
 * `npm run train:classifier`: trains the offline extractor's sentence classifier by the recipe in
 * `training-recipe.ts` (the tune split of the gold set, the training corpus in `evals/training/`, the
 * taxonomy's examples and the demo corpus) and writes its weights next to the code. Never reads a
 * holdout: those stay out of sample.
 */
import { writeFile } from "node:fs/promises";
import { loadGoldSet } from "../src/evals/load-gold.js";
import { ownNamesOf } from "../src/extract/named-tools.js";
import { CLASSIFIER_WEIGHTS_FILE, trainClassifier } from "../src/extract/sentence-classifier.js";
import { thresholdsOf, TRAINING_RECIPE, trainingSetOf } from "./training-recipe.js";

const gold = await loadGoldSet();
const tune = gold.cases.filter((goldCase) => goldCase.split === "tune");
const sentences = await trainingSetOf(TRAINING_RECIPE, tune);
const weights = trainClassifier(sentences, {
  ...TRAINING_RECIPE.training,
  threshold: TRAINING_RECIPE.threshold,
  thresholds: thresholdsOf(TRAINING_RECIPE, TRAINING_RECIPE.threshold),
  ownNames: new Set(ownNamesOf(gold.vendor)),
  trainedOn: `tune split, training corpus, taxonomy examples, demo corpus (${sentences.length} sentences)`,
});
const text = `${JSON.stringify(weights)}\n`;
await writeFile(CLASSIFIER_WEIGHTS_FILE, text);
console.log(JSON.stringify({ trained: "sentence-classifier", sentences: sentences.length, positives: sentences.filter((item) => item.signals.length > 0).length, threshold: weights.threshold, bytes: text.length }));
