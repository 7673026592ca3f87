/**
 * `npm run bench:search-server`: search latency on a real PostgreSQL server at 100k chunks, as JSON lines.
 * A benchmark, not a test: nothing fails.
 *
 * Needs a server with pgvector: DATABASE_URL_TEST (`eval "$(../shared/scripts/pg-test-server start)"`) or
 * --server URL. Loads --chunks (default 100,000) generated chunks over --accounts (default 200) accounts
 * into a fresh database through the program's own write path (documents of 20 chunks, offline embedder),
 * builds the search indexes as the index job does, then times --queries (default 200) searches of each
 * kind the program runs, one at a time:
 *   - vector search inside one account (exact ranking over the account's rows, the per-account path);
 *   - vector search across every account (the HNSW index);
 *   - full-text search inside one account (the GIN index).
 * Prints p50, p95 and max in milliseconds per kind. The database is dropped at the end unless --keep.
 */
import { parseArgs } from "node:util";
import { saveAccounts } from "../../src/db/account-store.js";
import { claimEmbeddingSpace } from "../../src/db/embedding-space-store.js";
import { nearestChunks, searchChunks, writeDocuments, type NewDocument } from "../../src/db/document-store.js";
import { migrate } from "../../src/db/migrate.js";
import { openPostgres } from "../../src/db/open-postgres.js";
import { createSearchIndexes } from "../../src/db/search-indexes.js";
import { createOfflineEmbedder } from "../../src/models/hashing-embedder.js";
import { createAccount } from "../support/factories.js";
import { scratchServerDatabase } from "../support/scratch-server-database.js";

const { values: options } = parseArgs({
  options: {
    server: { type: "string" },
    chunks: { type: "string", default: "100000" },
    accounts: { type: "string", default: "200" },
    queries: { type: "string", default: "200" },
    keep: { type: "boolean", default: false },
  },
});

const serverUrl = options.server ?? process.env.DATABASE_URL_TEST;
if (serverUrl === undefined || serverUrl === "") {
  console.error('bench:search-server needs a PostgreSQL server: set DATABASE_URL_TEST (eval "$(../shared/scripts/pg-test-server start)") or pass --server URL');
  process.exit(2);
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
const CHUNKS_PER_DOCUMENT = 20;
const totalChunks = Number(options.chunks);
const accountCount = Number(options.accounts);
const queryCount = Number(options.queries);

/** A seeded generator, so two runs search the same corpus. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}
const random = seeded(42);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const SUBJECTS = ["our dispatch team", "the finance analysts", "the regional managers", "two new hires", "the night shift", "our CFO", "the support leads", "marketing", "the data team"];
const VERBS = ["keeps asking about", "spends hours on", "cannot find", "is excited about", "struggles with", "wants to automate", "exports by hand", "relies on"];
const OBJECTS = ["the weekly delivery dashboard", "scheduled reports for each depot", "seat licences for the new hub", "forecasting demand", "single sign-on", "the churn spreadsheet", "late route alerts", "the API export"];
const sentence = () => `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)}.`;

function percentiles(milliseconds: number[]): { p50: number; p95: number; max: number } {
  const sorted = [...milliseconds].sort((left, right) => left - right);
  const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;
  return { p50: round(at(0.5), 2), p95: round(at(0.95), 2), max: round(sorted.at(-1) ?? 0, 2) };
}

const scratch = await scratchServerDatabase(serverUrl, "evidence_search_bench");
const database = await openPostgres(scratch.url, { statementTimeoutMs: 0 });
try {
  await migrate(database);
  const embedder = createOfflineEmbedder();
  const accountIds = Array.from({ length: accountCount }, (_, index) => `account-${String(index + 1).padStart(4, "0")}`);
  await database.transaction(async (transaction) => {
    await saveAccounts(transaction, accountIds.map((id) => createAccount({ id })), "accounts.json");
    await claimEmbeddingSpace(transaction, { modelId: embedder.modelId, dimensions: embedder.dimensions }, database.location);
  });

  const loadStartedAt = performance.now();
  const documentCount = Math.ceil(totalChunks / CHUNKS_PER_DOCUMENT);
  for (let first = 0; first < documentCount; first += 25) {
    const documents: NewDocument[] = [];
    for (let index = first; index < Math.min(documentCount, first + 25); index += 1) {
      const texts = Array.from({ length: CHUNKS_PER_DOCUMENT }, () => `${sentence()} ${sentence()} ${sentence()}`);
      const vectors = await embedder.embedDocuments(texts);
      let offset = 0;
      documents.push({
        accountId: accountIds[index % accountCount] ?? "",
        kind: "ticket",
        sourceRef: `tickets/bench.json#${index}`,
        fullText: texts.join("\n"),
        contentHash: `bench-${index}`,
        chunks: texts.map((text, ordinal) => {
          const startOffset = offset;
          offset += text.length + 1;
          return { ordinal, startOffset, endOffset: startOffset + text.length, text, speakerRole: "customer" as const, embedding: vectors[ordinal], embeddingModel: embedder.modelId };
        }),
      });
    }
    await database.transaction((transaction) => writeDocuments(transaction, documents));
  }
  const loadedAt = performance.now();
  await database.transaction((transaction) => createSearchIndexes(transaction, embedder.dimensions));
  const builtAt = performance.now();
  await database.query("analyze");
  const [counted] = await database.query<{ chunks: number }>("select count(*)::int as chunks from chunks");
  console.log(
    JSON.stringify({
      bench: "search-server",
      chunks: counted?.chunks,
      accounts: accountCount,
      dimensions: embedder.dimensions,
      loadSeconds: round((loadedAt - loadStartedAt) / 1000, 1),
      indexBuildSeconds: round((builtAt - loadedAt) / 1000, 1),
    }),
  );

  const questions = Array.from({ length: queryCount }, () => ({ accountId: pick(accountIds), text: sentence() }));
  const vectors = await Promise.all(questions.map((question) => embedder.embedQuery(question.text)));
  const kinds: Array<[string, (index: number) => Promise<unknown>]> = [
    ["vector, one account (exact)", (index) => nearestChunks(database, vectors[index] ?? [], { accountId: questions[index]?.accountId, limit: 10 })],
    ["vector, every account (HNSW)", (index) => nearestChunks(database, vectors[index] ?? [], { limit: 10 })],
    ["full text, one account (GIN)", (index) => searchChunks(database, questions[index]?.text ?? "", { accountId: questions[index]?.accountId, limit: 10 })],
  ];
  for (const [kind, search] of kinds) {
    for (let index = 0; index < Math.min(10, queryCount); index += 1) await search(index); // warm the cache
    const timings: number[] = [];
    for (let index = 0; index < queryCount; index += 1) {
      const startedAt = performance.now();
      await search(index);
      timings.push(performance.now() - startedAt);
    }
    console.log(JSON.stringify({ bench: "search-server", search: kind, queries: queryCount, milliseconds: percentiles(timings) }));
  }
} finally {
  await database.close();
  if (!options.keep) await scratch.drop();
}
