/**
 * `npm run bench:prefilter`: what the candidate prefilter saves and what it costs in recall, measured on
 * the gold set. Prints one JSON line per prefilter setting.
 *
 * Method. Every gold document is chunked as the index does. For each setting, the chunks the prefilter
 * selects are rendered into the real extraction requests (prompt files, taxonomy, batching as the OpenAI
 * extractor does) and their characters counted; tokens are estimated at four characters each, the same for
 * every setting, so the ratio is what matters. Recall is measured two ways:
 * - `reachableRecall`: the share of gold labels whose words lie in a selected chunk. A model can only
 *   find what it is sent, so this is the ceiling the prefilter puts on any model's recall.
 * - `offlineRecall`: the offline extractor's recall when it only reads the selected chunks, against its
 *   recall on every chunk (`offlineRecallAllChunks`): the loss an actual extractor sees.
 * The first line is the baseline: every chunk sent. The gold set is dense (nearly every passage was
 * written to carry a label), so the last lines repeat the measure on the demo corpus, whose calls carry
 * the chit-chat of real ones: there the reference is the offline extractor's evidence on every chunk
 * (no labels exist), and `reachableRecall` is the share of that evidence in the selected chunks.
 */
import { loadGoldSet } from "../src/evals/load-gold.js";
import { spansMatch } from "../src/evals/match-predictions.js";
import { CandidatePrefilter, DEFAULT_SIMILARITY_THRESHOLD, type PrefilterDecision } from "../src/extract/candidate-prefilter.js";
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

const CHARACTERS_PER_TOKEN = 4;

const gold = await loadGoldSet();
const labels = gold.cases.flatMap((goldCase) => goldCase.labels);
const chunks: ExtractionChunk[] = gold.cases.flatMap((goldCase) => goldCase.documents.flatMap((document) => extractionChunksOf(document, chunkDocument(document))));
const prompt = new EvidencePrompt();

async function estimatedTokens(selected: readonly ExtractionChunk[]): Promise<number> {
  let characters = 0;
  for (const batch of batchChunks(selected, DEFAULT_MAX_CHUNKS_PER_REQUEST, DEFAULT_MAX_CHARACTERS_PER_REQUEST)) {
    const { messages } = await prompt.render(batch, (text) => text);
    characters += messages.reduce((sum, message) => sum + String(message.content).length, 0);
  }
  return Math.round(characters / CHARACTERS_PER_TOKEN);
}

function covers(chunk: ExtractionChunk, label: (typeof labels)[number]): boolean {
  return chunk.sourceRef === label.sourceRef && chunk.startOffset <= label.start && label.end <= chunk.startOffset + chunk.text.length;
}

async function offlineRecall(selected: readonly ExtractionChunk[]): Promise<number> {
  const { evidence } = await extractChunks(selected, new OfflineExtractor());
  const found = labels.filter((label) =>
    evidence.some((item) => item.signalId === label.signalId && spansMatch({ sourceRef: item.sourceRef, start: item.quoteStart, end: item.quoteEnd }, label)),
  );
  return found.length / labels.length;
}

const allTokens = await estimatedTokens(chunks);
const allOfflineRecall = await offlineRecall(chunks);
const decisions: PrefilterDecision[] = await new CandidatePrefilter().decide(chunks);

async function report(setting: string, selectedKeys: ReadonlySet<string>): Promise<void> {
  const selected = chunks.filter((chunk) => selectedKeys.has(chunk.key));
  const tokens = await estimatedTokens(selected);
  const reachable = labels.filter((label) => selected.some((chunk) => covers(chunk, label))).length / labels.length;
  console.log(
    JSON.stringify({
      bench: "prefilter",
      setting,
      goldCases: gold.cases.length,
      goldLabels: labels.length,
      chunksSent: selected.length,
      chunksTotal: chunks.length,
      tokensSent: tokens,
      tokensAllChunks: allTokens,
      tokenSaving: Number((1 - tokens / allTokens).toFixed(3)),
      reachableRecall: Number(reachable.toFixed(3)),
      offlineRecall: Number((await offlineRecall(selected)).toFixed(3)),
      offlineRecallAllChunks: Number(allOfflineRecall.toFixed(3)),
    }),
  );
}

const keysWhere = (keep: (decision: PrefilterDecision) => boolean) => new Set(decisions.filter(keep).map((decision) => decision.key));
await report("every chunk", new Set(chunks.map((chunk) => chunk.key)));
await report("customer side only", keysWhere((decision) => decision.lexical || decision.similarity > 0));
await report("lexical cues only", keysWhere((decision) => decision.lexical));
for (const threshold of [0.1, 0.15, 0.2, 0.25, 0.3]) {
  await report(`similarity >= ${threshold} only`, keysWhere((decision) => decision.similarity >= threshold));
}
for (const threshold of [0.1, 0.15, 0.2, 0.25, 0.3]) {
  const marker = threshold === DEFAULT_SIMILARITY_THRESHOLD ? " (default)" : "";
  await report(`lexical or similarity >= ${threshold}${marker}`, keysWhere((decision) => decision.lexical || decision.similarity >= threshold));
}

// The demo corpus: realistic density, offline evidence as the reference.
const demoChunks = documentsOf(await readSourceFolder(DEMO_FOLDER)).flatMap((document) => extractionChunksOf(document, chunkDocument(document)));
const demoReference = (await extractChunks(demoChunks, new OfflineExtractor())).evidence.filter((item) => item.speakerRole !== "vendor");
const demoAllTokens = await estimatedTokens(demoChunks);
const demoDecisions = await new CandidatePrefilter().decide(demoChunks);
for (const threshold of [0.15, DEFAULT_SIMILARITY_THRESHOLD, 0.25]) {
  const keys = new Set(demoDecisions.filter((decision) => decision.lexical || decision.similarity >= threshold).map((decision) => decision.key));
  const selected = demoChunks.filter((chunk) => keys.has(chunk.key));
  const tokens = await estimatedTokens(selected);
  console.log(
    JSON.stringify({
      bench: "prefilter",
      corpus: "data/demo",
      setting: `lexical or similarity >= ${threshold}${threshold === DEFAULT_SIMILARITY_THRESHOLD ? " (default)" : ""}`,
      chunksSent: selected.length,
      chunksTotal: demoChunks.length,
      tokensSent: tokens,
      tokensAllChunks: demoAllTokens,
      tokenSaving: Number((1 - tokens / demoAllTokens).toFixed(3)),
      referenceEvidence: demoReference.length,
      reachableRecall: Number((demoReference.filter((item) => keys.has(item.chunkKey)).length / demoReference.length).toFixed(3)),
    }),
  );
}
