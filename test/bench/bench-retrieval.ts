/**
 * `npm run bench:retrieval`: retrieval quality per ranking method on the hand-written question set
 * (test/bench/retrieval-questions.yaml), then query latency on generated corpora with the HNSW index
 * built. Prints JSON lines.
 *
 * Quality: hit@5 and MRR (first relevant passage in the top 10) over the questions with an answer;
 * no-answer accuracy over all questions (the answerability score of the top passages against a threshold
 * calibrated on the tuning questions only); words a reader gets in the top 5 passages (mean).
 * Settings are only ever compared on the `tuning` questions; `held_apart` lines are the reported numbers.
 *
 * Latency: a generated corpus of up to 10,000 chunks is indexed as a user would (chunk, embed, write,
 * GIN and HNSW built after the load); a larger size copies those accounts (documents, chunks, vectors)
 * under new account ids in three INSERT ... SELECT statements, then builds the indexes once, so 100k
 * chunks do not cost 100k embeddings on a shared machine. Queries are the question set's, in one account
 * (a different account each time) and across all accounts. Every line carries the load average (the
 * machine is shared: a number measured at load 8 is not the engine's speed).
 *
 * Options: --no-latency, --no-quality, --sizes 10000,100000, --queries 100, --modes account,all-accounts, --keep <dir> (build each
 * corpus in <dir>/chunks-<size> and keep it; a later run with the same --keep reuses it).
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ANSWERABILITY_DEPTH, answerabilityScore, answerableText, calibrateThreshold, DEFAULT_ANSWERABILITY_THRESHOLD } from "../../src/ask/answerability.js";
import { lexemesOf, queryTermWeights, type ChunkMatch } from "../../src/db/chunk-search-store.js";
import type { Database } from "../../src/db/database.js";
import { migrate } from "../../src/db/migrate.js";
import { openPglite } from "../../src/db/open-pglite.js";
import { createSearchIndexes, searchIndexesExist } from "../../src/db/search-indexes.js";
import { indexSourceFolder } from "../../src/index/index-source-folder.js";
import { readSourceFolder } from "../../src/ingest/read-source-folder.js";
import { HashingEmbedder } from "../../src/models/hashing-embedder.js";
import { wordCount } from "../../src/search/passage.js";
import { DEFAULT_SEARCH_METHOD, rankForQuestion, type MethodSettings, type SearchMethod } from "../../src/search/search-passages.js";
import { startPgliteEngine } from "../support/engines.js";
import { generateCorpus } from "../support/generate-corpus.js";
import { indexQuestionCorpus, loadQuestions, locateAnswers, replicateAccounts, type RetrievalQuestion } from "./retrieval-corpus.js";

const argv = process.argv.slice(2);
const option = (name: string) => {
  const at = argv.indexOf(`--${name}`);
  return at === -1 ? undefined : argv[at + 1];
};
const embedder = new HashingEmbedder();

interface Variant {
  readonly name: string;
  readonly method: SearchMethod;
  readonly settings?: MethodSettings;
  /** A ranking composed from BM25's and the vector's top 50 (tried on the tuning set before shipping any). */
  readonly compose?: (bm25: readonly ChunkMatch[], vector: readonly ChunkMatch[]) => ChunkMatch[];
}

/** Score-normalised CombSUM: BM25 / best BM25 + weight x the vector similarity min-max scaled over its list. */
function combSum(bm25: readonly ChunkMatch[], vector: readonly ChunkMatch[], vectorWeight: number): ChunkMatch[] {
  const scores = new Map<number, { match: ChunkMatch; score: number }>();
  const best = bm25[0]?.score ?? 1;
  for (const match of bm25) scores.set(match.chunkId, { match, score: match.score / best });
  const high = vector[0]?.score ?? 1;
  const low = vector.at(-1)?.score ?? 0;
  for (const match of vector) {
    const entry = scores.get(match.chunkId) ?? { match, score: 0 };
    entry.score += (vectorWeight * (match.score - low)) / Math.max(1e-9, high - low);
    scores.set(match.chunkId, entry);
  }
  return [...scores.values()].sort((a, b) => b.score - a.score || a.match.chunkId - b.match.chunkId).map((entry) => entry.match);
}

/** BM25's first `keep`, then the vector's hits BM25 did not rank that high, then the rest of BM25. */
function bm25ThenVector(bm25: readonly ChunkMatch[], vector: readonly ChunkMatch[], keep: number): ChunkMatch[] {
  const seen = new Set<number>();
  return [...bm25.slice(0, keep), ...vector, ...bm25.slice(keep)].filter((match) => !seen.has(match.chunkId) && seen.add(match.chunkId));
}

/** At most `most` passages of one document before any other document's next one (fewer near-repeats). */
function perDocument(matches: readonly ChunkMatch[], most: number): ChunkMatch[] {
  const counts = new Map<number, number>();
  const first: ChunkMatch[] = [];
  const later: ChunkMatch[] = [];
  for (const match of matches) {
    const count = counts.get(match.documentId) ?? 0;
    counts.set(match.documentId, count + 1);
    (count < most ? first : later).push(match);
  }
  return [...first, ...later];
}

/** The single methods and the fusion as they ship, then the variants compared on the tuning set. */
const METHODS: readonly Variant[] = [
  { name: "ts_rank_cd", method: "ts_rank_cd" },
  { name: "ts_rank_normalised", method: "ts_rank_normalised" },
  { name: "bm25", method: "bm25" },
  { name: "vector", method: "vector" },
  { name: "fused", method: "fused" },
];
const TUNING_VARIANTS: readonly Variant[] = [
  { name: "bm25 k1=0.9 b=0.4", method: "bm25", settings: { bm25: { k1: 0.9, b: 0.4 } } },
  { name: "bm25 k1=1.5 b=0.9", method: "bm25", settings: { bm25: { k1: 1.5, b: 0.9 } } },
  { name: "fused k=20", method: "fused", settings: { rrfConstant: 20 } },
  { name: "fused lexical x2", method: "fused", settings: { lexicalWeight: 2 } },
  { name: "fused vector x2", method: "fused", settings: { vectorWeight: 2 } },
  { name: "fused ts_rank_cd+vector", method: "fused", settings: { lexicalRanking: "ts_rank_cd" } },
  ...[0.1, 0.3, 0.5, 1].map((weight): Variant => ({ name: `combsum vector x${weight}`, method: "bm25", compose: (bm25, vector) => combSum(bm25, vector, weight) })),
  ...[3, 4].map((keep): Variant => ({ name: `bm25 top ${keep} then vector`, method: "bm25", compose: (bm25, vector) => bm25ThenVector(bm25, vector, keep) })),
  ...[1, 2].map((most): Variant => ({ name: `bm25 at most ${most} per document`, method: "bm25", compose: (bm25) => perDocument(bm25, most) })),
];

interface Outcome {
  readonly question: RetrievalQuestion;
  readonly rankOfFirstHit: number | undefined;
  readonly wordsTop5: number;
  readonly answerability: number;
}

async function evaluate(database: Database, questions: readonly RetrievalQuestion[], answers: Map<RetrievalQuestion, Array<[number, number]>>, variant: Variant): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const question of questions) {
    // The product's path: a question naming a speaker is fused with that speaker's passages.
    const filters = { accountId: question.account };
    const matches =
      variant.compose === undefined
        ? await rankForQuestion({ database, embedder }, question.question, variant.method, filters, 10, variant.settings)
        : variant
            .compose(
              await rankForQuestion({ database, embedder }, question.question, "bm25", filters, 50),
              await rankForQuestion({ database, embedder }, question.question, "vector", filters, 50),
            )
            .slice(0, 10);
    const places = answers.get(question) ?? [];
    const relevant = (match: ChunkMatch) => places.some(([documentId, offset]) => match.documentId === documentId && match.startOffset <= offset && offset < match.endOffset);
    const index = matches.findIndex(relevant);
    const top = matches.slice(0, ANSWERABILITY_DEPTH);
    const answerability = answerabilityScore({
      termWeights: await queryTermWeights(database, question.question, question.account),
      passageLexemes: await lexemesOf(database, top.map(answerableText)),
    });
    outcomes.push({
      question,
      rankOfFirstHit: index === -1 ? undefined : index + 1,
      wordsTop5: matches.slice(0, 5).reduce((sum, match) => sum + wordCount(match.text), 0),
      answerability,
    });
  }
  return outcomes;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

function summarise(outcomes: readonly Outcome[], threshold: number) {
  const answerable = outcomes.filter((outcome) => outcome.question.kind !== "none");
  const hits = answerable.filter((outcome) => outcome.rankOfFirstHit !== undefined && outcome.rankOfFirstHit <= 5).length;
  const reciprocal = answerable.reduce((sum, outcome) => sum + (outcome.rankOfFirstHit === undefined ? 0 : 1 / outcome.rankOfFirstHit), 0);
  const noAnswerCorrect = outcomes.filter((outcome) => (outcome.answerability >= threshold) === (outcome.question.kind !== "none")).length;
  const none = outcomes.filter((outcome) => outcome.question.kind === "none");
  return {
    questions: outcomes.length,
    answerable: answerable.length,
    "hit@5": round(hits / answerable.length),
    mrr: round(reciprocal / answerable.length),
    noAnswerAccuracy: round(noAnswerCorrect / outcomes.length),
    noAnswerRecall: round(none.filter((outcome) => outcome.answerability < threshold).length / Math.max(1, none.length)),
    wordsReadTop5: Math.round(outcomes.reduce((sum, outcome) => sum + outcome.wordsTop5, 0) / outcomes.length),
  };
}

async function quality(): Promise<void> {
  const engine = await startPgliteEngine();
  try {
    await indexQuestionCorpus(engine.database, embedder);
    const { tuning, heldApart } = await loadQuestions();
    const answers = await locateAnswers(engine.database, [...tuning, ...heldApart]);
    const tuningOutcomes = new Map<string, Outcome[]>();
    for (const variant of [...METHODS, ...TUNING_VARIANTS]) {
      const outcomes = await evaluate(engine.database, tuning, answers, variant);
      tuningOutcomes.set(variant.name, outcomes);
      const calibrated = calibrateThreshold(outcomes.map((outcome) => ({ score: outcome.answerability, answerable: outcome.question.kind !== "none" })));
      console.log(JSON.stringify({ bench: "retrieval", set: "tuning", method: variant.name, calibratedThreshold: round(calibrated.threshold), ...summarise(outcomes, calibrated.threshold) }));
    }
    for (const variant of METHODS) {
      const tuned = tuningOutcomes.get(variant.name) ?? [];
      const { threshold } = calibrateThreshold(tuned.map((outcome) => ({ score: outcome.answerability, answerable: outcome.question.kind !== "none" })));
      const outcomes = await evaluate(engine.database, heldApart, answers, variant);
      console.log(JSON.stringify({ bench: "retrieval", set: "held_apart", method: variant.name, threshold: round(threshold), ...summarise(outcomes, threshold) }));
      if (variant.method === DEFAULT_SEARCH_METHOD && variant.settings === undefined) {
        console.log(
          JSON.stringify({
            bench: "retrieval",
            set: "held_apart",
            method: `default (${DEFAULT_SEARCH_METHOD})`,
            threshold: DEFAULT_ANSWERABILITY_THRESHOLD,
            ...summarise(outcomes, DEFAULT_ANSWERABILITY_THRESHOLD),
            byKind: Object.fromEntries(
              (["fact", "person", "date", "compare"] as const).map((kind) => {
                const ofKind = outcomes.filter((outcome) => outcome.question.kind === kind);
                return [kind, `${ofKind.filter((outcome) => (outcome.rankOfFirstHit ?? 99) <= 5).length}/${ofKind.length}`];
              }),
            ),
            misses: outcomes.filter((outcome) => outcome.question.kind !== "none" && (outcome.rankOfFirstHit ?? 99) > 5).map((outcome) => `${outcome.question.account}: ${outcome.question.question}`),
          }),
        );
      }
    }
  } finally {
    await engine.stop();
  }
}

function percentile(sorted: readonly number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? Number.NaN;
}

const GENERATED_CHUNKS_LIMIT = 10_000;
const LATENCY_METHODS = ["bm25", "ts_rank_normalised", "ts_rank_cd", "vector", "fused"] as const;

const loadAverage = () => round(os.loadavg()[0] ?? Number.NaN);

/**
 * A generated corpus of `targetChunks` chunks in `directory`, indexed as a user would (chunk, embed,
 * write, GIN and HNSW built after the load); past 10,000 chunks the generated accounts are copied by SQL
 * (replicateAccounts) and the indexes built once at the end. A directory that already holds a corpus of
 * that size (`--keep`) is reused as it is.
 */
async function latencyCorpus(directory: string, targetChunks: number) {
  const database = await openPglite(path.join(directory, "db"));
  await migrate(database);
  const [{ chunks: stored } = { chunks: 0 }] = await database.query<{ chunks: number | string }>("select count(*) as chunks from chunks");
  if (Number(stored) > 0 && (await searchIndexesExist(database))) return { database, build: { reused: true } };
  const accounts = Math.max(1, Math.round(Math.min(targetChunks, GENERATED_CHUNKS_LIMIT) / 135)); // ~135 chunks per account of 40 documents
  const corpus = path.join(directory, "corpus");
  let started = performance.now();
  await generateCorpus(corpus, { accounts, documentsPerAccount: 40 });
  const summary = await indexSourceFolder(database, await readSourceFolder(corpus), { embedder, toolVersion: "bench" });
  const indexSeconds = (performance.now() - started) / 1000;
  // Copies only when the target is clearly larger than what was generated (9,973 chunks serve 10k).
  const copies = Math.max(0, Math.round(targetChunks / summary.chunks) - 1);
  started = performance.now();
  await replicateAccounts(database, copies);
  const replicateSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  if (copies > 0) await database.transaction((transaction) => createSearchIndexes(transaction, embedder.dimensions));
  await database.query("analyze");
  const searchIndexSeconds = (performance.now() - started) / 1000;
  return {
    database,
    build: { reused: false, embeddedChunks: summary.chunks, copies, indexSeconds: Math.round(indexSeconds), replicateSeconds: Math.round(replicateSeconds), searchIndexSeconds: Math.round(searchIndexSeconds) },
  };
}

async function latency(targetChunks: number, queryCount: number, keep: string | undefined, modes: ReadonlyArray<"account" | "all-accounts">): Promise<void> {
  const root = keep === undefined ? await mkdtemp(path.join(os.tmpdir(), "bench-retrieval-")) : path.join(keep, `chunks-${targetChunks}`);
  try {
    const { database, build } = await latencyCorpus(root, targetChunks);
    try {
      const [{ chunks } = { chunks: 0 }] = await database.query<{ chunks: number | string }>("select count(*) as chunks from chunks");
      const hnsw = await searchIndexesExist(database);
      const { tuning, heldApart } = await loadQuestions();
      const queries = [...tuning, ...heldApart].map((question) => question.question);
      const accountIds = (await database.query<{ id: string }>("select id from accounts order by id")).map((row) => row.id);
      console.log(JSON.stringify({ bench: "retrieval-corpus", chunks: Number(chunks), accounts: accountIds.length, hnswBuilt: hnsw, ...build, loadAverage: loadAverage() }));
      for (const mode of modes) {
        // Each query runs every method, the order rotating from one query to the next, so the method that
        // first reads an account's pages (cold) is a different one each time, not always the first listed.
        const timings = new Map<string, number[]>(LATENCY_METHODS.map((method) => [method, []]));
        const loadBefore = loadAverage();
        for (let index = 0; index < queryCount + 5; index += 1) {
          const query = queries[index % queries.length] ?? "seats";
          const accountId = mode === "account" ? accountIds[(index * 7919) % accountIds.length] : undefined;
          for (let turn = 0; turn < LATENCY_METHODS.length; turn += 1) {
            const method = LATENCY_METHODS[(index + turn) % LATENCY_METHODS.length] ?? "bm25";
            const before = performance.now();
            await rankForQuestion({ database, embedder }, query, method, { accountId }, 10); // what search and ask run
            if (index >= 5) timings.get(method)?.push(performance.now() - before); // the first few warm the caches
          }
        }
        for (const method of LATENCY_METHODS) {
          const sorted = [...(timings.get(method) ?? [])].sort((a, b) => a - b);
          console.log(
            JSON.stringify({
              bench: "retrieval-latency",
              engine: "pglite (embedded, on disk)",
              chunks: Number(chunks),
              accounts: accountIds.length,
              hnswBuilt: hnsw,
              mode,
              method,
              queries: sorted.length,
              p50Ms: round(percentile(sorted, 0.5)),
              p95Ms: round(percentile(sorted, 0.95)),
              loadAverage: [loadBefore, loadAverage()],
            }),
          );
        }
      }
    } finally {
      await database.close();
    }
  } finally {
    if (keep === undefined) await rm(root, { recursive: true, force: true });
  }
}

if (!argv.includes("--no-quality")) await quality();
if (!argv.includes("--no-latency")) {
  const sizes = (option("sizes") ?? "10000,100000").split(",").map(Number);
  const modes = (option("modes") ?? "account,all-accounts").split(",").filter((mode): mode is "account" | "all-accounts" => mode === "account" || mode === "all-accounts");
  for (const size of sizes) await latency(size, Number(option("queries") ?? 100), option("keep"), modes);
}
