/**
 * The sentences the offline extractor's classifier learns from, by source: the tune split of the gold
 * set (case by case, so cross-validation can leave one out), the labelled training corpus
 * (`evals/training/`), the taxonomy's examples and the demo corpus. Never reads a holdout.
 */
import { DEMO_FOLDER } from "../src/cli/commands/demo-command.js";
import { loadGoldSet, type GoldCase } from "../src/evals/load-gold.js";
import { ownNamesOf } from "../src/extract/named-tools.js";
import { loadTrainingCorpus } from "../src/evals/load-training-corpus.js";
import { extractionChunksOf } from "../src/extract/extraction-chunks.js";
import { OfflineExtractor } from "../src/extract/offline-extractor.js";
import type { TrainingSentence } from "../src/extract/sentence-classifier.js";
import { sentenceSpansOf } from "../src/extract/split-sentences.js";
import { chunkDocument } from "../src/index/chunk-document.js";
import { documentsOf } from "../src/index/index-source-folder.js";
import { readSourceFolder } from "../src/ingest/read-source-folder.js";
import { SIGNALS, type SignalId } from "../src/taxonomy/signals.js";

/**
 * One case's customer-side sentences: a sentence that overlaps a label by at least half (of the shorter)
 * is a positive of its signal; every other one is a negative of every signal. `before` is the sentence
 * before it in the document, whoever said it.
 */
export function caseSentences(goldCase: GoldCase, ownNames?: ReadonlySet<string>): TrainingSentence[] {
  if (goldCase.split !== "tune") throw new RangeError(`the classifier never trains on the ${goldCase.split} split (${goldCase.id})`);
  const sentences: TrainingSentence[] = [];
  for (const document of goldCase.documents) {
    let before: string | undefined;
    for (const segment of document.segments) {
      for (const [start, end] of sentenceSpansOf(document.fullText, segment.start, segment.end)) {
        const text = document.fullText.slice(start, end);
        if (segment.speakerRole !== "vendor") {
          const signals = goldCase.labels
            .filter((label) => label.sourceRef === document.sourceRef && Math.min(end, label.end) - Math.max(start, label.start) >= Math.min(end - start, label.end - label.start) / 2)
            .map((label) => label.signalId);
          sentences.push({ text, signals: [...new Set(signals)], ...(before === undefined ? {} : { before }), ...(ownNames === undefined ? {} : { ownNames }) });
        }
        before = text;
      }
    }
  }
  return sentences;
}

/**
 * The cases of a development gold set (`evals/dev/<set>/`: another fictional vendor, written by someone
 * who never read the cues), read with that vendor's own product names.
 */
export async function developmentSentences(folder: string): Promise<TrainingSentence[]> {
  const gold = await loadGoldSet(folder);
  const ownNames = new Set(ownNamesOf(gold.vendor));
  return gold.cases.flatMap((goldCase) => caseSentences(goldCase, ownNames));
}

/** The training corpus's examples, as training sentences. */
export async function corpusSentences(folder?: string): Promise<TrainingSentence[]> {
  const examples = await loadTrainingCorpus(folder);
  return examples.map((example) => ({ text: example.text, signals: example.signals, ...(example.before === undefined ? {} : { before: example.before }) }));
}

/** The taxonomy's positive and negative examples. */
export function taxonomySentences(): TrainingSentence[] {
  return SIGNALS.flatMap((signal) => [
    ...signal.positiveExamples.map((text) => ({ text, signals: [signal.id] as SignalId[] })),
    ...signal.negativeExamples.map((example) => ({ text: example.text, signals: [] as SignalId[] })),
  ]);
}

/**
 * The demo corpus (not an eval split) brings the small talk real calls carry: its customer-side sentences
 * are labelled by the cue families alone (what they find is a positive, the rest negatives).
 */
export async function demoSentences(): Promise<TrainingSentence[]> {
  const sentences: TrainingSentence[] = [];
  const cuesOnly = new OfflineExtractor({ classifier: false });
  for (const document of documentsOf(await readSourceFolder(DEMO_FOLDER))) {
    const results = await cuesOnly.extract(extractionChunksOf(document, chunkDocument(document)));
    const found = new Map<string, Set<SignalId>>();
    for (const result of results) for (const candidate of result.candidates) found.set(candidate.quote, (found.get(candidate.quote) ?? new Set()).add(candidate.signalId));
    for (const segment of document.segments) {
      if (segment.speakerRole === "vendor") continue;
      for (const [start, end] of sentenceSpansOf(document.fullText, segment.start, segment.end)) {
        const text = document.fullText.slice(start, end);
        sentences.push({ text, signals: [...(found.get(text) ?? [])] });
      }
    }
  }
  return sentences;
}
