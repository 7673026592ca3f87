/**
 * `npm run bench:embed`: how well each variant of the offline embedder retrieves, on questions a CSM
 * would ask about one demo account (test/bench/embedder-queries.json). For every variant it prints one
 * JSON line with recall@5 and MRR over the account's chunks, the way `ask` will search (exact, inside
 * one account), so the default can be chosen by the numbers. A benchmark, not a test: nothing fails.
 */
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { DEMO_FOLDER } from "../../src/cli/commands/demo-command.js";
import { chunkDocument } from "../../src/index/chunk-document.js";
import { documentsOf } from "../../src/index/index-source-folder.js";
import { readSourceFolder } from "../../src/ingest/read-source-folder.js";
import { DEFAULT_HASHING_OPTIONS, HashingEmbedder, type HashingEmbedderOptions } from "../../src/models/hashing-embedder.js";

interface LabelledQuery {
  readonly account: string;
  readonly query: string;
  readonly relevant: readonly string[];
}

const QUERIES = fileURLToPath(new URL("./embedder-queries.json", import.meta.url));

const FEATURES: Array<{ name: string; options: HashingEmbedderOptions }> = [
  { name: "words", options: { characterNgrams: [], wordBigramWeight: 0 } },
  { name: "words+bigrams", options: { characterNgrams: [], wordBigramWeight: 0.7 } },
  { name: "words+char4", options: { characterNgrams: [4], characterNgramWeight: 0.35, wordBigramWeight: 0 } },
  { name: "words+char3-5", options: { characterNgrams: [3, 4, 5], characterNgramWeight: 0.35, wordBigramWeight: 0 } },
  { name: "words+char3-5 light", options: { characterNgrams: [3, 4, 5], characterNgramWeight: 0.15, wordBigramWeight: 0 } },
  { name: "words+char3-5+bigrams", options: { characterNgrams: [3, 4, 5], characterNgramWeight: 0.35, wordBigramWeight: 0.7 } },
];
const DIMENSIONS = [256, 384, 768, 1024];
const VARIANTS: Array<{ name: string; options: HashingEmbedderOptions }> = [
  ...FEATURES.flatMap((feature) => DIMENSIONS.map((dimensions) => ({ name: `${feature.name} d${dimensions}`, options: { ...feature.options, dimensions } }))),
  // Weighting of repeated features, on the default's features and size.
  ...(["binary", "raw"] as const).map((weighting) => ({ name: `default features, ${weighting} weighting`, options: { ...DEFAULT_HASHING_OPTIONS, weighting } })),
];

const cosine = (a: readonly number[], b: readonly number[]) => a.reduce((sum, value, index) => sum + value * (b[index] ?? 0), 0);

const { queries } = JSON.parse(await readFile(QUERIES, "utf8")) as { queries: LabelledQuery[] };
const source = await readSourceFolder(DEMO_FOLDER);
const chunks = documentsOf(source).flatMap((document) => chunkDocument(document).map((chunk) => ({ accountId: document.accountId, text: chunk.text })));
for (const query of queries) {
  const answers = chunks.filter((chunk) => chunk.accountId === query.account && query.relevant.some((quote) => chunk.text.includes(quote)));
  if (answers.length === 0) throw new Error(`no chunk of ${query.account} contains any quote of "${query.query}": fix embedder-queries.json`);
}

for (const variant of VARIANTS) {
  const embedder = new HashingEmbedder(variant.options);
  const startedAt = performance.now();
  const vectors = await embedder.embedDocuments(chunks.map((chunk) => chunk.text));
  const embedSeconds = (performance.now() - startedAt) / 1000;
  let hitsAt5 = 0;
  let reciprocalRanks = 0;
  for (const query of queries) {
    const vector = await embedder.embedQuery(query.query);
    const ranked = chunks
      .map((chunk, index) => ({ chunk, score: cosine(vector, vectors[index] ?? []) }))
      .filter(({ chunk }) => chunk.accountId === query.account)
      .sort((a, b) => b.score - a.score);
    const rank = ranked.findIndex(({ chunk }) => query.relevant.some((quote) => chunk.text.includes(quote)));
    if (rank >= 0 && rank < 5) hitsAt5 += 1;
    if (rank >= 0) reciprocalRanks += 1 / (rank + 1);
  }
  const isDefault = JSON.stringify({ ...DEFAULT_HASHING_OPTIONS, ...variant.options }) === JSON.stringify(DEFAULT_HASHING_OPTIONS);
  console.log(
    JSON.stringify({
      variant: variant.name,
      modelId: embedder.modelId,
      default: isDefault,
      queries: queries.length,
      chunks: chunks.length,
      recallAt5: Math.round((hitsAt5 / queries.length) * 1000) / 1000,
      mrr: Math.round((reciprocalRanks / queries.length) * 1000) / 1000,
      // Cost side: the vector size is what every write, the HNSW build and each search pay for.
      embedChunksPerSecond: Math.round(chunks.length / embedSeconds),
      bytesPerVector: 4 * embedder.dimensions,
    }),
  );
}
