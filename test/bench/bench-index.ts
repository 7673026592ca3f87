/**
 * `npm run bench:index`: indexing speed, as JSON lines. A benchmark, not a test: nothing fails.
 *
 * Generates a corpus (default 200 accounts x 40 documents, half tickets, half calls, every format),
 * then runs each measurement in its own child process so that peak memory belongs to one job:
 *   1. ours on the embedded engine (PGlite on disk): first run, then an unchanged re-run;
 *   2. ours through `pg` to a PGlite served by pglite-socket on loopback;
 *   3. LangChain's PGVectorStore through `pg` to the same kind of server, adding the same chunks with
 *      the same embedder (its `addDocuments`), then building its HNSW index.
 *   4. with a real PostgreSQL server (DATABASE_URL_TEST, or --server URL; `pg-test-server start` gives
 *      one), each in a fresh database of its own: ours, LangChain's PGVectorStore, and the server's limit,
 *      a raw binary COPY of the same chunk texts and vectors into a bare table (no indexes, no
 *      constraints), encoded and streamed with pg-copy-streams.
 * Ours is timed end to end (read, parse, chunk, embed, write, build the GIN and HNSW indexes); LangChain
 * gets pre-chunked documents, so its time leaves out reading and chunking. The raw COPY gets chunks and
 * vectors computed beforehand and is timed from encoding to the end of the COPY.
 *
 * Options: --accounts N --documents N (per account) --server URL --keep (leave the corpus and databases in /tmp)
 * --server-only (only step 4: the server runs at a size where the PGlite runs would take too long).
 */
import { spawn } from "node:child_process";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { Document } from "@langchain/core/documents";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { copyBinaryRows } from "../../src/db/binary-rows.js";
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
import { scratchServerDatabase } from "../support/scratch-server-database.js";

const SCRIPT = fileURLToPath(import.meta.url);

const { values: options } = parseArgs({
  options: {
    phase: { type: "string" },
    corpus: { type: "string" },
    database: { type: "string" },
    accounts: { type: "string", default: "200" },
    documents: { type: "string", default: "40" },
    keep: { type: "boolean", default: false },
    "server-only": { type: "boolean", default: false },
    server: { type: "string" },
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

/** LangChain documents: the same chunks ours would store, with the metadata a citation needs. */
async function langchainDocuments(corpus: string): Promise<Document[]> {
  const source = await readSourceFolder(corpus);
  return documentsOf(source).flatMap((document) =>
    chunkDocument(document).map(
      (chunk) =>
        new Document({
          pageContent: chunk.text,
          metadata: { accountId: document.accountId, sourceRef: document.sourceRef, ordinal: chunk.ordinal, start: chunk.startOffset, end: chunk.endOffset, speaker: chunk.speaker ?? null, speakerRole: chunk.speakerRole },
        }),
    ),
  );
}

/** LangChain's PGVectorStore on a server: addDocuments, then its HNSW index. */
async function runLangChain(url: string, engine: string, corpus: string): Promise<Measurement> {
  const { PGVectorStore } = await import("@langchain/community/vectorstores/pgvector");
  const embedder = createOfflineEmbedder();
  const documents = await langchainDocuments(corpus);
  const store = await PGVectorStore.initialize(embedder, {
    // Two: PGVectorStore keeps one client checked out for itself and queries through the pool.
    postgresConnectionOptions: { connectionString: url, max: 2 },
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
    engine,
    store: "LangChain PGVectorStore",
    chunks: documents.length,
    seconds: round(seconds, 2),
    chunksPerSecond: round(documents.length / seconds),
    addSeconds: round(addSeconds, 2),
    addChunksPerSecond: round(documents.length / addSeconds),
    indexBuildSeconds: round((finishedAt - addedAt) / 1000, 2),
    embedder: embedder.modelId,
  };
}

const SERVER_ENGINE = "PostgreSQL 15 server on loopback, through pg";

const PHASES: Record<string, (corpus: string, databasePath: string) => Promise<Measurement>> = {
  async "ours-server"(corpus, serverUrl) {
    const fresh = await scratchServerDatabase(serverUrl, "evidence_bench");
    const database = await openPostgres(fresh.url);
    try {
      await migrate(database);
      return { engine: SERVER_ENGINE, store: "evidence index", ...(await runOurs(database, corpus)) };
    } finally {
      await database.close();
      await fresh.drop();
    }
  },
  async "langchain-server"(corpus, serverUrl) {
    const fresh = await scratchServerDatabase(serverUrl, "evidence_bench");
    try {
      const client = new pg.Client({ connectionString: fresh.url });
      await client.connect();
      await client.query("create extension if not exists vector");
      await client.end();
      return await runLangChain(fresh.url, SERVER_ENGINE, corpus);
    } finally {
      await fresh.drop();
    }
  },
  async "copy-server"(corpus, serverUrl) {
    const embedder = createOfflineEmbedder();
    const documents = await langchainDocuments(corpus);
    const texts = documents.map((document) => document.pageContent);
    const vectors = await embedder.embedDocuments(texts);
    const fresh = await scratchServerDatabase(serverUrl, "evidence_bench");
    const client = new pg.Client({ connectionString: fresh.url });
    await client.connect();
    try {
      await client.query("create extension if not exists vector");
      await client.query(`create table bare_chunks (account_id text, text text, embedding vector(${embedder.dimensions}))`);
      const startedAt = performance.now();
      const rows = documents.map((document, index) => [document.metadata.accountId as string, texts[index] ?? "", vectors[index] ?? null]);
      const data = copyBinaryRows(["text", "text", "vector"], rows);
      await pipeline(Readable.from([Buffer.from(data.buffer, data.byteOffset, data.byteLength)]), client.query(copyFrom("copy bare_chunks (account_id, text, embedding) from stdin with (format binary)")));
      const seconds = (performance.now() - startedAt) / 1000;
      return {
        engine: SERVER_ENGINE,
        store: "raw binary COPY into a bare table",
        chunks: documents.length,
        seconds: round(seconds, 2),
        chunksPerSecond: round(documents.length / seconds),
        megabytes: round(data.byteLength / 1024 / 1024),
      };
    } finally {
      await client.end();
      await fresh.drop();
    }
  },
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
    const server = await startSocketServer();
    try {
      return await runLangChain(server.url, "PGlite over pglite-socket, through pg", corpus);
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

/** Steps 1-3: ours embedded (first run and unchanged re-run), ours and LangChain over pglite-socket. */
async function localRuns(corpus: string, embeddedDatabase: string): Promise<Record<"first" | "rerun" | "oursSocket" | "langchain", Measurement>> {
  const first = await inChild("ours-embedded", corpus, embeddedDatabase);
  console.log(JSON.stringify({ bench: "index", run: "first", ...first }));
  const rerun = await inChild("ours-embedded", corpus, embeddedDatabase);
  console.log(JSON.stringify({ bench: "index", run: "unchanged re-run", ...rerun, shareOfFirstRun: round((rerun.seconds as number) / (first.seconds as number), 3) }));
  const oursSocket = await inChild("ours-socket", corpus, "");
  console.log(JSON.stringify({ bench: "index", run: "first", ...oursSocket }));
  const langchain = await inChild("langchain-socket", corpus, "");
  console.log(JSON.stringify({ bench: "index", run: "first", ...langchain }));
  return { first, rerun, oursSocket, langchain };
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

  const serverOnly = options["server-only"] === true;
  const embeddedDatabase = path.join(workspace, "embedded-db");
  const local = serverOnly ? undefined : await localRuns(corpus, embeddedDatabase);
  const per = (measurement: Measurement, key: string) => measurement[key] as number;
  const serverUrl = options.server ?? process.env.DATABASE_URL_TEST;
  let server: Record<string, unknown> = { skipped: "no server: set DATABASE_URL_TEST or pass --server URL (eval \"$(pg-test-server start)\")" };
  if (serverUrl !== undefined && serverUrl !== "") {
    const oursServer = await inChild("ours-server", corpus, serverUrl);
    console.log(JSON.stringify({ bench: "index", run: "first", ...oursServer }));
    const langchainServer = await inChild("langchain-server", corpus, serverUrl);
    console.log(JSON.stringify({ bench: "index", run: "first", ...langchainServer }));
    const copyServer = await inChild("copy-server", corpus, serverUrl);
    console.log(JSON.stringify({ bench: "index", run: "first", ...copyServer }));
    const serverEndToEnd = round(per(oursServer, "chunksPerSecond") / per(langchainServer, "chunksPerSecond"), 2);
    const loadOverCopy = round(per(oursServer, "loadChunksPerSecond") / per(copyServer, "chunksPerSecond"), 2);
    server = {
      oursOverLangChainEndToEnd: serverEndToEnd,
      oursOverLangChainWithoutIndexBuilds: round(per(oursServer, "loadChunksPerSecond") / per(langchainServer, "addChunksPerSecond"), 2),
      // Ours chunk + embed + write through every constraint and the unique keys; COPY only writes bytes.
      oursLoadOverRawCopy: loadOverCopy,
      oursEndToEndOverRawCopy: round(per(oursServer, "chunksPerSecond") / per(copyServer, "chunksPerSecond"), 2),
      targets: { endToEndAtLeast2xLangChain: serverEndToEnd >= 2, loadAtLeastHalfOfRawCopy: loadOverCopy >= 0.5 },
    };
  }
  if (local === undefined) {
    console.log(JSON.stringify({ bench: "index", summary: { server } }));
  } else {
    const { first, rerun, oursSocket, langchain } = local;
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
          server,
        },
      }),
    );
  }
  if (!options.keep) await rm(workspace, { recursive: true, force: true });
}
