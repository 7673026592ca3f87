/**
 * `npm run bench:prefilter`: what the candidate prefilter saves and what it costs in recall, measured on
 * the gold set's tune split (what settings are chosen by) and on all of it (reported, never chosen by).
 * Prints one JSON line per prefilter setting.
 *
 * Method. Every gold document is chunked as the index does. For each setting, what the prefilter selects
 * (whole chunks, or only the windows around sentences worth reading) is rendered into the real
 * extraction requests (prompt files, taxonomy, batching as the OpenAI extractor does) and its characters
 * counted; tokens are estimated at four characters each, the same for every setting, so the ratio is what
 * matters. `tokenShare` is against every chunk sent whole, ten a request, as before issue 16; the line
 * "whole chunks" (no trimming, today's packing) shows how much of the saving is the packing alone. `reachableRecall` is the share of gold labels whose words lie inside what is sent: a model can
 * only find what it is sent, so this is the ceiling the prefilter puts on any model's recall. The last
 * lines repeat the measure on the demo corpus, whose calls carry the chit-chat of real ones: there the
 * reference is the offline extractor's customer-side evidence on every chunk (no labels exist).
 *
 *   npm run bench:prefilter               # tune split, development sets, all gold splits, the demo corpus
 */
import { loadGoldSet, type GoldCase } from "../src/evals/load-gold.js";
import {
  CandidatePrefilter,
  DEFAULT_PROBABILITY_THRESHOLD,
  DEFAULT_SIMILARITY_THRESHOLD,
  DEFAULT_WINDOW,
  type PrefilterOptions,
} from "../src/extract/candidate-prefilter.js";
import { EvidencePrompt } from "../src/extract/evidence-prompt.js";
import { extractChunks } from "../src/extract/extract-documents.js";
import { extractionChunksOf } from "../src/extract/extraction-chunks.js";
import type { ExtractionChunk } from "../src/extract/extractor.js";
import { OfflineExtractor } from "../src/extract/offline-extractor.js";
import { batchChunks, DEFAULT_MAX_CHARACTERS_PER_REQUEST, DEFAULT_MAX_CHUNKS_PER_REQUEST } from "../src/extract/openai-extractor.js";
import { chunkDocument } from "../src/index/chunk-document.js";
import { documentsOf } from "../src/index/index-source-folder.js";
import { readSourceFolder } from "../src/ingest/read-source-folder.js";
import { DEMO_FOLDER } from "../src/cli/commands/demo-command.js";
import { ownNamesOf } from "../src/extract/named-tools.js";
import { SentenceClassifier, trainClassifier } from "../src/extract/sentence-classifier.js";
import { DEVELOPMENT_SETS, thresholdsOf, TRAINING_RECIPE, trainingSetOf } from "./training-recipe.js";

const CHARACTERS_PER_TOKEN = 4;
const prompt = new EvidencePrompt();

async function estimatedTokens(selected: readonly ExtractionChunk[], maxChunks = DEFAULT_MAX_CHUNKS_PER_REQUEST): Promise<number> {
  let characters = 0;
  for (const batch of batchChunks(selected, maxChunks, DEFAULT_MAX_CHARACTERS_PER_REQUEST)) {
    const { messages } = await prompt.render(batch, (text) => text);
    characters += messages.reduce((sum, message) => sum + String(message.content).length, 0);
  }
  return Math.round(characters / CHARACTERS_PER_TOKEN);
}

interface Span {
  readonly sourceRef: string;
  readonly start: number;
  readonly end: number;
}

/** True when the span's words are inside one line of what is sent. */
function reaches(sent: readonly ExtractionChunk[], span: Span): boolean {
  return sent.some(
    (chunk) =>
      chunk.sourceRef === span.sourceRef &&
      chunk.startOffset <= span.start &&
      span.end <= chunk.startOffset + chunk.text.length &&
      chunk.segments.some((segment) => segment.start <= span.start && span.end <= segment.end),
  );
}

/** How the requests were packed before issue 16: ten passages each. */
const OLD_PASSAGES_PER_REQUEST = 10;

const settings: Array<{ name: string; options: PrefilterOptions; passagesPerRequest?: number }> = [
  {
    name: "whole chunks, 10 a request: lexical or similarity >= 0.2 (before issue 16)",
    options: { trim: false, classifier: false, similarityThreshold: 0.2, window: 0 },
    passagesPerRequest: OLD_PASSAGES_PER_REQUEST,
  },
  { name: "whole chunks: lexical or similarity >= 0.2", options: { trim: false, classifier: false, similarityThreshold: 0.2, window: 0 } },
];
for (const window of [0, 1, 2]) {
  for (const similarityThreshold of [0.3, 0.4, 1]) {
    for (const probabilityThreshold of [0.05, 0.1, 0.15, 0.3, 0.5, 1]) {
      const chosen = window === DEFAULT_WINDOW && similarityThreshold === DEFAULT_SIMILARITY_THRESHOLD && probabilityThreshold === DEFAULT_PROBABILITY_THRESHOLD;
      settings.push({ name: `windows of ${window}: lexical, similarity >= ${similarityThreshold} or classifier >= ${probabilityThreshold}${chosen ? " (default)" : ""}`, options: { window, similarityThreshold, probabilityThreshold } });
    }
  }
}

/** One JSON line: what a setting sent from a split, and how many gold labels stayed within reach. */
function printLine(split: string, setting: string, goldCases: number, labels: readonly Span[], sent: readonly ExtractionChunk[], chunksTotal: number, tokens: number, allTokens: number): void {
  console.log(
    JSON.stringify({
      bench: "prefilter",
      split,
      setting,
      goldCases,
      goldLabels: labels.length,
      chunksSent: sent.length,
      chunksTotal,
      tokensSent: tokens,
      tokensAllChunks: allTokens,
      tokenShare: Number((tokens / allTokens).toFixed(3)),
      reachableRecall: Number((labels.filter((label) => reaches(sent, label)).length / labels.length).toFixed(3)),
    }),
  );
}

async function measure(split: string, cases: readonly GoldCase[], only?: string): Promise<void> {
  const labels = cases.flatMap((goldCase) => goldCase.labels);
  const chunks = cases.flatMap((goldCase) => goldCase.documents.flatMap((document) => extractionChunksOf(document, chunkDocument(document))));
  // The reference is what every chunk cost before issue 16 (whole, ten a request).
  const allTokens = await estimatedTokens(chunks, OLD_PASSAGES_PER_REQUEST);
  for (const setting of settings) {
    if (only !== undefined && !setting.name.includes(only)) continue;
    const sent = await new CandidatePrefilter(setting.options).select(chunks);
    const tokens = await estimatedTokens(sent, setting.passagesPerRequest);
    printLine(split, setting.name, cases.length, labels, sent, chunks.length, tokens, allTokens);
  }
}

const gold = await loadGoldSet();
await measure("tune", gold.cases.filter((goldCase) => goldCase.split === "tune"));
// The development sets (seven other vendors and writing styles). The shipped classifier learnt from them,
// so each is measured with a classifier trained without it (leave one vendor out), as an unseen vendor
// would be met.
await measureDevelopment();

async function measureDevelopment(): Promise<void> {
  const ownNames = new Set(ownNamesOf(gold.vendor));
  const tune = gold.cases.filter((goldCase) => goldCase.split === "tune");
  const sets = await Promise.all(
    DEVELOPMENT_SETS.map(async (folder) => {
      const recipe = { ...TRAINING_RECIPE, sources: { ...TRAINING_RECIPE.sources, development: DEVELOPMENT_SETS.filter((other) => other !== folder) } };
      const weights = trainClassifier(await trainingSetOf(recipe, tune), { ...recipe.training, threshold: recipe.threshold, thresholds: thresholdsOf(recipe, recipe.threshold), ownNames, trainedOn: `without ${folder}` });
      const cases = (await loadGoldSet(folder)).cases;
      return { classifier: new SentenceClassifier(weights), cases, chunks: cases.flatMap((goldCase) => goldCase.documents.flatMap((document) => extractionChunksOf(document, chunkDocument(document)))) };
    }),
  );
  const labels = sets.flatMap((set) => set.cases.flatMap((goldCase) => goldCase.labels));
  const allChunks = sets.flatMap((set) => set.chunks);
  const allTokens = await estimatedTokens(allChunks, OLD_PASSAGES_PER_REQUEST);
  for (const setting of settings) {
    const sent: ExtractionChunk[] = [];
    for (const set of sets) sent.push(...(await new CandidatePrefilter({ ...setting.options, classifier: setting.options.classifier === false ? false : set.classifier }).select(set.chunks)));
    const tokens = await estimatedTokens(sent, setting.passagesPerRequest);
    printLine("development (leave one vendor out)", setting.name, sets.reduce((sum, set) => sum + set.cases.length, 0), labels, sent, allChunks.length, tokens, allTokens);
  }
}
// All splits, for the record, with the old and the default settings only: never used to choose.
await measure("all", gold.cases, "(");

// The demo corpus: realistic density, offline evidence as the reference.
const demoChunks = documentsOf(await readSourceFolder(DEMO_FOLDER)).flatMap((document) => extractionChunksOf(document, chunkDocument(document)));
const demoReference = (await extractChunks(demoChunks, new OfflineExtractor())).evidence.filter((item) => item.speakerRole !== "vendor");
const demoAllTokens = await estimatedTokens(demoChunks, OLD_PASSAGES_PER_REQUEST);
for (const setting of settings.filter((item) => item.name.includes("("))) {
  const sent = await new CandidatePrefilter(setting.options).select(demoChunks);
  const tokens = await estimatedTokens(sent, setting.passagesPerRequest);
  console.log(
    JSON.stringify({
      bench: "prefilter",
      corpus: "data/demo",
      setting: setting.name,
      chunksSent: sent.length,
      chunksTotal: demoChunks.length,
      tokensSent: tokens,
      tokensAllChunks: demoAllTokens,
      tokenShare: Number((tokens / demoAllTokens).toFixed(3)),
      referenceEvidence: demoReference.length,
      reachableRecall: Number((demoReference.filter((item) => reaches(sent, { sourceRef: item.sourceRef, start: item.quoteStart, end: item.quoteEnd })).length / demoReference.length).toFixed(3)),
    }),
  );
}
