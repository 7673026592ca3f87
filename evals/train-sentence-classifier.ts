/**
 * `npm run train:classifier`: trains the offline extractor's sentence classifier on the tune split of the
 * gold set (`evals/gold/cases/`) and the taxonomy's examples, and writes its weights next to the code.
 * Never reads a holdout: those stay out-of-sample. Customer-side sentences that overlap a label are
 * positives of its signal; every other customer-side sentence is a negative of every signal. The demo
 * corpus adds sentences labelled by the cue families (see below).
 */
import { writeFile } from "node:fs/promises";
import { DEMO_FOLDER } from "../src/cli/commands/demo-command.js";
import { loadGoldSet } from "../src/evals/load-gold.js";
import { extractionChunksOf } from "../src/extract/extraction-chunks.js";
import { OfflineExtractor } from "../src/extract/offline-extractor.js";
import { chunkDocument } from "../src/index/chunk-document.js";
import { documentsOf } from "../src/index/index-source-folder.js";
import { readSourceFolder } from "../src/ingest/read-source-folder.js";
import { CLASSIFIER_WEIGHTS_FILE, trainClassifier, type TrainingSentence } from "../src/extract/sentence-classifier.js";
import { sentenceSpansOf } from "../src/extract/split-sentences.js";
import { SIGNALS, type SignalId } from "../src/taxonomy/signals.js";

// Chosen once between 0.6 and 0.4 on the first holdout's totals (issue 16: "choose by holdout numbers"),
// then fixed; the second, blind holdout was never used to choose anything.
const threshold = Number(process.argv[2] ?? "0.4");
const gold = await loadGoldSet();
const sentences: TrainingSentence[] = [];
for (const goldCase of gold.cases.filter((item) => item.split === "tune")) {
  for (const document of goldCase.documents) {
    for (const segment of document.segments) {
      if (segment.speakerRole === "vendor") continue;
      for (const [start, end] of sentenceSpansOf(document.fullText, segment.start, segment.end)) {
        const signals = goldCase.labels
          .filter((label) => label.sourceRef === document.sourceRef && Math.min(end, label.end) - Math.max(start, label.start) >= Math.min(end - start, label.end - label.start) / 2)
          .map((label) => label.signalId);
        sentences.push({ text: document.fullText.slice(start, end), signals: [...new Set(signals)] as SignalId[] });
      }
    }
  }
}
// The demo corpus (not an eval split) brings the small talk real calls carry: its customer-side
// sentences are labelled by the cue families alone (what they find is a positive, the rest negatives).
const demo = documentsOf(await readSourceFolder(DEMO_FOLDER));
const cuesOnly = new OfflineExtractor({ classifier: false });
for (const document of demo) {
  const chunks = extractionChunksOf(document, chunkDocument(document));
  const candidates = await cuesOnly.extract(chunks);
  const found = new Map<string, Set<SignalId>>();
  for (const result of candidates) for (const candidate of result.candidates) found.set(candidate.quote, (found.get(candidate.quote) ?? new Set()).add(candidate.signalId));
  for (const segment of document.segments) {
    if (segment.speakerRole === "vendor") continue;
    for (const [start, end] of sentenceSpansOf(document.fullText, segment.start, segment.end)) {
      const text = document.fullText.slice(start, end);
      sentences.push({ text, signals: [...(found.get(text) ?? [])] });
    }
  }
}
for (const signal of SIGNALS) {
  for (const text of signal.positiveExamples) sentences.push({ text, signals: [signal.id] });
  for (const example of signal.negativeExamples) sentences.push({ text: example.text, signals: [] });
}
const weights = trainClassifier(sentences, { threshold, trainedOn: `tune split (${sentences.length} sentences) and taxonomy examples` });
await writeFile(CLASSIFIER_WEIGHTS_FILE, `${JSON.stringify(weights)}\n`);
console.log(JSON.stringify({ trained: "sentence-classifier", sentences: sentences.length, positives: sentences.filter((item) => item.signals.length > 0).length, threshold, bytes: JSON.stringify(weights).length }));
