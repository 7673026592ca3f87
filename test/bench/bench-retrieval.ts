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
 * under new account ids until it holds that many chunks, then builds the indexes again, so 100k chunks
 * do not cost 100k embeddings on a shared machine. Queries are the question set's, in one account (a
 * different account each time) and across all accounts.
 *
 * Options: --no-latency, --no-quality, --sizes 10000,100000, --queries 100.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ANSWERABILITY_DEPTH, answerabilityScore, answerableText, calibrateThreshold, DEFAULT_ANSWERABILITY_THRESHOLD } from "../../src/ask/answerability.js";
import { lexemesOf, queryTermWeights, type ChunkMatch } from "../../src/db/chunk-search-store.js";
import type { Database } from "../../src/db/database.js";
import { migrate } from "../../src/db/migrate.js";
import { openPglite } from "../../src/db/open-pglite.js";
import { searchIndexesExist } from "../../src/db/search-indexes.js";
import { indexSourceFolder } from "../../src/index/index-source-folder.js";
import { readSourceFolder } from "../../src/ingest/read-source-folder.js";
import { HashingEmbedder } from "../../src/models/hashing-embedder.js";
import { wordCount } from "../../src/search/passage.js";
import { DEFAULT_SEARCH_METHOD, rankChunks, rankForQuestion, type MethodSettings, type SearchMethod } from "../../src/search/search-passages.js";
import { startPgliteEngine } from "../support/engines.js";
import { generateCorpus } from "../support/generate-corpus.js";
import { indexQuestionCorpus, loadQuestions, locateAnswers, type RetrievalQuestion } from "./retrieval-corpus.js";

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
    const matches = await rankForQuestion({ database, embedder }, question.question, variant.method, { accountId: question.account }, 10, variant.settings);
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

/** Copies every generated account (documents, chunks, vectors) under a new id, then rebuilds the indexes. */
async function replicateTo(database: Database, targetChunks: number, dimensions: number): Promise<void> {
  await database.query("select drop_chunk_search_indexes()");
  for (let copy = 1; ; copy += 1) {
    const [{ chunks } = { chunks: 0 }] = await database.query<{ chunks: number | string }>("select count(*) as chunks from chunks");
    if (Number(chunks) >= targetChunks) break;
    const suffix = `-copy${copy}`;
    await database.transaction(async (transaction) => {
      await transaction.query(
        `insert into accounts (id, name, tier, arr, health, source_ref) select id || $1, name, tier, arr, health, source_ref from accounts where id not like '%-copy%'`,
        [suffix],
      );
      await transaction.query(
        `insert into documents (account_id, kind, source_ref, title, occurred_at, full_text, content_hash, metadata, chunking_version)
         select account_id || $1, kind, source_ref, title, occurred_at, full_text, content_hash, metadata, chunking_version from documents where account_id not like '%-copy%'`,
        [suffix],
      );
      await transaction.query(
        `insert into chunks (document_id, account_id, ordinal, start_offset, end_offset, text, speaker, speaker_role, call_offset_seconds, comment_ref, embedding, embedding_model, turns)
         select copied.id, copied.account_id, c.ordinal, c.start_offset, c.end_offset, c.text, c.speaker, c.speaker_role, c.call_offset_seconds, c.comment_ref, c.embedding, c.embedding_model, c.turns
           from chunks c join documents original on original.id = c.document_id
           join documents copied on copied.account_id = original.account_id || $1 and copied.source_ref = original.source_ref
          where c.account_id not like '%-copy%'`,
        [suffix],
      );
    });
  }
  await database.transaction((transaction) => transaction.query("select create_chunk_search_indexes($1)", [dimensions]));
}

async function latency(targetChunks: number, queryCount: number): Promise<void> {
  const root = await mkdtemp(path.join(os.tmpdir(), "bench-retrieval-"));
  try {
    // About 135 chunks per generated account of 40 documents (label-free chunking).
    const accounts = Math.max(1, Math.round(Math.min(targetChunks, GENERATED_CHUNKS_LIMIT) / 135));
    const corpus = path.join(root, "corpus");
    await generateCorpus(corpus, { accounts, documentsPerAccount: 40 });
    const database = await openPglite(path.join(root, "db"));
    try {
      await migrate(database);
      const started = performance.now();
      const summary = await indexSourceFolder(database, await readSourceFolder(corpus), { embedder, toolVersion: "bench" });
      if (targetChunks > summary.chunks) await replicateTo(database, targetChunks, embedder.dimensions);
      const indexSeconds = (performance.now() - started) / 1000;
      const [{ chunks } = { chunks: 0 }] = await database.query<{ chunks: number | string }>("select count(*) as chunks from chunks");
      const hnsw = await searchIndexesExist(database);
      const { tuning, heldApart } = await loadQuestions();
      const queries = [...tuning, ...heldApart].map((question) => question.question);
      const accountIds = (await database.query<{ id: string }>("select id from accounts order by id")).map((row) => row.id);
      for (const mode of ["account", "all-accounts"] as const) {
        for (const method of ["bm25", "vector", "fused"] as const) {
          const timings: number[] = [];
          for (let index = 0; index < queryCount + 5; index += 1) {
            const query = queries[index % queries.length] ?? "seats";
            const accountId = mode === "account" ? accountIds[(index * 7919) % accountIds.length] : undefined;
            const before = performance.now();
            await rankChunks({ database, embedder }, query, method, { accountId }, 10);
            if (index >= 5) timings.push(performance.now() - before); // the first few warm the caches
          }
          timings.sort((a, b) => a - b);
          console.log(
            JSON.stringify({
              bench: "retrieval-latency",
              engine: "pglite (embedded, on disk)",
              chunks: Number(chunks),
              accounts: accountIds.length,
              hnswBuilt: hnsw,
              indexSeconds: Math.round(indexSeconds),
              embeddedChunks: summary.chunks,
              mode,
              method,
              queries: timings.length,
              p50Ms: round(percentile(timings, 0.5)),
              p95Ms: round(percentile(timings, 0.95)),
            }),
          );
        }
      }
    } finally {
      await database.close();
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

if (!argv.includes("--no-quality")) await quality();
if (!argv.includes("--no-latency")) {
  const sizes = (option("sizes") ?? "10000,100000").split(",").map(Number);
  for (const size of sizes) await latency(size, Number(option("queries") ?? 100));
}
