/**
 * `npm run bench:index`: indexing speed, as JSON lines. A benchmark, not a test: nothing fails.
 *
 * Generates a corpus (default 200 accounts x 40 documents, half tickets, half calls, every format),
 * then runs each measurement in its own child process so that peak memory belongs to one job:
 *   1. ours on the embedded engine (PGlite on disk): first run, then an unchanged re-run;
 *   2. ours through `pg` to a PGlite served by pglite-socket on loopback;
 *   3. LangChain's PGVectorStore through `pg` to the same kind of server, adding the same chunks with
 *      the same embedder (its `addDocuments`), then building its HNSW index.
 * Ours is timed end to end (read, parse, chunk, embed, write, build the GIN and HNSW indexes); LangChain
 * gets pre-chunked documents, so its time leaves out reading and chunking.
 *
 * Options: --accounts N --documents N (per account) --keep (leave the corpus and databases in /tmp).
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { Document } from "@langchain/core/documents";
import type { Database } from "../../src/db/database.js";
import { migrate } from "../../src/db/migrate.js";
import { createPglite, openPglite } from "../../src/db/open-pglite.js";
import { openPostgres } from "../../src/db/open-postgres.js";
import { chunkDocument } from "../../src/index/chunk-document.js";
import { documentsOf, indexSourceFolder } from "../../src/index/index-source-folder.js";
import { readChangedSourceFolder } from "../../src/index/source-fingerprints.js";
import { readSourceFolder } from "../../src/ingest/read-source-folder.js";
import { createOfflineEmbedder } from "../../src/models/hashing-embedder.js";
import { generateCorpus } from "../support/generate-corpus.js";

const SCRIPT = fileURLToPath(import.meta.url);

const { values: options } = parseArgs({
  options: {
    phase: { type: "string" },
    corpus: { type: "string" },
    database: { type: "string" },
    accounts: { type: "string", default: "200" },
    documents: { type: "string", default: "40" },
    keep: { type: "boolean", default: false },
  },
});

type Measurement = Record<string, unknown>;

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
const peakRssMb = () => round(process.resourceUsage().maxRSS / 1024);

/** Our index job on an open database: one run over the folder, timed, with its phases. */
async function runOurs(database: Database, corpus: string): Promise<Measurement> {
  const embedder = createOfflineEmbedder();
  const startedAt = performance.now();
  let buildStartedAt: number | undefined;
  const source = await readChangedSourceFolder(database, corpus, { embedder });
  const readAt = performance.now();
  const summary = await indexSourceFolder(database, source, {
    embedder,
    toolVersion: "bench",
    onProgress: (event) => {
      if (event.kind === "building-indexes") buildStartedAt = performance.now();
    },
  });
  const finishedAt = performance.now();
  const seconds = (finishedAt - startedAt) / 1000;
  const documents = summary.indexed + summary.unchanged;
  // Chunk, embed and write: what LangChain's addDocuments does, without reading files or building indexes.
  const loadSeconds = ((buildStartedAt ?? finishedAt) - readAt) / 1000;
  return {
    documents,
    indexed: summary.indexed,
    chunks: summary.chunks,
    seconds: round(seconds, 2),
    documentsPerSecond: round(summary.indexed / seconds),
    chunksPerSecond: round(summary.chunks / seconds),
    readSeconds: round((readAt - startedAt) / 1000, 2),
    indexBuildSeconds: buildStartedAt === undefined ? 0 : round((finishedAt - buildStartedAt) / 1000, 2),
    loadSeconds: round(loadSeconds, 2),
    loadChunksPerSecond: round(summary.chunks / loadSeconds),
    embedder: embedder.modelId,
  };
}

/** A PGlite served over the PostgreSQL protocol on loopback, in this process. */
async function startSocketServer(): Promise<{ url: string; stop(): Promise<void> }> {
  const pglite = await createPglite();
  const server = new PGLiteSocketServer({ db: pglite as PGlite, host: "127.0.0.1", port: 0, maxConnections: 8 });
  await server.start();
  return {
    url: `postgres://postgres:bench@${server.getServerConn()}/postgres`,
    async stop() {
      await server.stop();
      await pglite.close();
    },
  };
}

const PHASES: Record<string, (corpus: string, databasePath: string) => Promise<Measurement>> = {
  async "ours-embedded"(corpus, databasePath) {
    const database = await openPglite(databasePath);
    try {
      await migrate(database);
      return { engine: "PGlite, embedded, on disk", store: "evidence index", ...(await runOurs(database, corpus)) };
    } finally {
      await database.close();
    }
  },
  async "ours-socket"(corpus) {
    const server = await startSocketServer();
    const database = await openPostgres(server.url, { maxConnections: 1 });
    try {
      await migrate(database);
      return { engine: "PGlite over pglite-socket, through pg", store: "evidence index", ...(await runOurs(database, corpus)) };
    } finally {
      await database.close();
      await server.stop();
    }
  },
  async "langchain-socket"(corpus) {
    const { PGVectorStore } = await import("@langchain/community/vectorstores/pgvector");
    const embedder = createOfflineEmbedder();
    const source = await readSourceFolder(corpus);
    const documents = documentsOf(source).flatMap((document) =>
      chunkDocument(document).map(
        (chunk) =>
          new Document({
            pageContent: chunk.text,
            metadata: { accountId: document.accountId, sourceRef: document.sourceRef, ordinal: chunk.ordinal, start: chunk.startOffset, end: chunk.endOffset, speaker: chunk.speaker ?? null, speakerRole: chunk.speakerRole },
          }),
      ),
    );
    const server = await startSocketServer();
    try {
      const store = await PGVectorStore.initialize(embedder, {
        // Two: PGVectorStore keeps one client checked out for itself and queries through the pool.
        postgresConnectionOptions: { connectionString: server.url, max: 2 },
        tableName: "langchain_chunks",
        dimensions: embedder.dimensions,
        distanceStrategy: "cosine",
      });
      const startedAt = performance.now();
      await store.addDocuments(documents);
      const addedAt = performance.now();
      await store.createHnswIndex({ dimensions: embedder.dimensions });
      const finishedAt = performance.now();
      await store.end();
      const addSeconds = (addedAt - startedAt) / 1000;
      const seconds = (finishedAt - startedAt) / 1000;
      return {
        engine: "PGlite over pglite-socket, through pg",
        store: "LangChain PGVectorStore",
        chunks: documents.length,
        seconds: round(seconds, 2),
        chunksPerSecond: round(documents.length / seconds),
        addSeconds: round(addSeconds, 2),
        addChunksPerSecond: round(documents.length / addSeconds),
        indexBuildSeconds: round((finishedAt - addedAt) / 1000, 2),
        embedder: embedder.modelId,
      };
    } finally {
      await server.stop();
    }
  },
};

/** Runs one phase in a child process and returns the JSON line it printed. */
async function inChild(phase: string, corpus: string, databasePath: string): Promise<Measurement> {
  const child = spawn(process.execPath, ["--import", "tsx", SCRIPT, "--phase", phase, "--corpus", corpus, "--database", databasePath], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout.setEncoding("utf8").on("data", (text: string) => (output += text));
  const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
  const line = output.trim().split("\n").at(-1) ?? "";
  if (status !== 0 || line === "") throw new Error(`benchmark phase ${phase} failed (exit ${status}):\n${output}`);
  return JSON.parse(line) as Measurement;
}

if (options.phase !== undefined) {
  const run = PHASES[options.phase];
  if (run === undefined || options.corpus === undefined || options.database === undefined) throw new Error(`unknown phase ${options.phase}`);
  const measured = await run(options.corpus, options.database);
  console.log(JSON.stringify({ ...measured, peakRssMb: peakRssMb() }));
} else {
  const workspace = await mkdtemp(path.join(tmpdir(), "evidence-bench-"));
  const corpus = path.join(workspace, "corpus");
  const accounts = Number(options.accounts);
  const documentsPerAccount = Number(options.documents);
  const generated = await generateCorpus(corpus, { accounts, documentsPerAccount });
  console.log(JSON.stringify({ bench: "index", corpus: { ...generated, folder: options.keep ? corpus : undefined }, machine: { cpus: (await import("node:os")).cpus().length, node: process.version } }));

  const embeddedDatabase = path.join(workspace, "embedded-db");
  const first = await inChild("ours-embedded", corpus, embeddedDatabase);
  console.log(JSON.stringify({ bench: "index", run: "first", ...first }));
  const rerun = await inChild("ours-embedded", corpus, embeddedDatabase);
  console.log(JSON.stringify({ bench: "index", run: "unchanged re-run", ...rerun, shareOfFirstRun: round((rerun.seconds as number) / (first.seconds as number), 3) }));
  const oursSocket = await inChild("ours-socket", corpus, "");
  console.log(JSON.stringify({ bench: "index", run: "first", ...oursSocket }));
  const langchain = await inChild("langchain-socket", corpus, "");
  console.log(JSON.stringify({ bench: "index", run: "first", ...langchain }));

  const per = (measurement: Measurement, key: string) => measurement[key] as number;
  const endToEnd = round(per(oursSocket, "chunksPerSecond") / per(langchain, "chunksPerSecond"), 2);
  const share = round(per(rerun, "seconds") / per(first, "seconds"), 3);
  console.log(
    JSON.stringify({
      bench: "index",
      summary: {
        // Ours read + parse + chunk + embed + write + GIN and HNSW builds; theirs embed + write + HNSW build.
        oursOverLangChainEndToEnd: endToEnd,
        // Ours chunk + embed + write; theirs embed + write (addDocuments): no index builds on either side.
        oursOverLangChainWithoutIndexBuilds: round(per(oursSocket, "loadChunksPerSecond") / per(langchain, "addChunksPerSecond"), 2),
        embeddedOverLangChainEndToEnd: round(per(first, "chunksPerSecond") / per(langchain, "chunksPerSecond"), 2),
        unchangedRerunShareOfFirst: share,
        targets: { chunksPerSecondAtLeast2xLangChain: endToEnd >= 2, unchangedRerunUnder5Percent: share < 0.05 },
      },
    }),
  );
  if (!options.keep) await rm(workspace, { recursive: true, force: true });
}
