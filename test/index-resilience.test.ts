import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lockDirectory } from "../src/db/directory-lock.js";
import { openPglite } from "../src/db/open-pglite.js";
import { migrate } from "../src/db/migrate.js";
import { indexSourceFolder } from "../src/index/index-source-folder.js";
import { readChangedSourceFolder } from "../src/index/source-fingerprints.js";
import { createOfflineEmbedder } from "../src/models/hashing-embedder.js";
import { brokenDocuments, indexSnapshot } from "./support/database-snapshot.js";
import { SERVER_LABEL, SERVER_SKIP_REASON, startPgliteEngine, startServerEngine, startSocketEngine, type TestEngine } from "./support/engines.js";
import { generateCorpus } from "./support/generate-corpus.js";
import { startCli } from "./support/run-cli.js";

// Small batches, so that a run is many transactions and a kill lands between and inside them.
const BATCH = ["--batch-size", "8"];
const DOCUMENTS = 60;

type ProgressLine = { event: string; done?: number; status?: string };
const progressOf = (line: string): ProgressLine | undefined => {
  try {
    return JSON.parse(line) as ProgressLine;
  } catch {
    return undefined;
  }
};

async function snapshotOf(directory: string): Promise<{ snapshot: unknown; broken: Awaited<ReturnType<typeof brokenDocuments>> }> {
  const database = await openPglite(directory);
  try {
    await migrate(database);
    return { snapshot: await indexSnapshot(database), broken: await brokenDocuments(database) };
  } finally {
    await database.close();
  }
}

describe("index runs that are killed or run side by side", () => {
  let corpus: string;
  let workspace: string;
  let cleanSnapshot: unknown;

  beforeAll(async () => {
    workspace = await mkdtemp(path.join(tmpdir(), "evidence-resilience-"));
    corpus = path.join(workspace, "corpus");
    await generateCorpus(corpus, { accounts: 6, documentsPerAccount: DOCUMENTS / 6, seed: 7 });
    // The reference: one clean, uninterrupted run.
    const clean: TestEngine = await startPgliteEngine();
    try {
      const embedder = createOfflineEmbedder();
      const summary = await indexSourceFolder(clean.database, await readChangedSourceFolder(clean.database, corpus, { embedder }), { embedder, toolVersion: "test" });
      expect(summary.indexed).toBe(DOCUMENTS);
      cleanSnapshot = await indexSnapshot(clean.database);
    } finally {
      await clean.stop();
    }
  });

  it("SIGKILL at the first write, half-way and while building indexes, then a re-run: the state of one clean run", { timeout: 240_000 }, async () => {
    const directory = path.join(workspace, "killed-db");
    const killPoints: Array<[string, (progress: ProgressLine) => boolean]> = [
      ["first document written", (progress) => progress.event === "document" && progress.status === "indexed"],
      ["half the documents written", (progress) => progress.event === "document" && (progress.done ?? 0) >= DOCUMENTS / 2],
      ["building the search indexes", (progress) => progress.event === "building-indexes"],
    ];
    for (const [moment, reached] of killPoints) {
      const run = startCli(["--db", directory, "index", corpus, ...BATCH]);
      await run.waitForLine((line) => {
        const progress = progressOf(line);
        return progress !== undefined && reached(progress);
      });
      run.child.kill("SIGKILL");
      const ended = await run.finished;
      expect(ended.signal, `killed when ${moment}`).toBe("SIGKILL");
      expect(ended.stderr).not.toMatch(/"event":"done"/);
      // Whatever moment it died at, what it left is whole.
      const { broken } = await snapshotOf(directory);
      expect(broken, `after a kill when ${moment}`).toEqual({ withoutChunks: 0, orphanChunks: 0 });
    }
    const rerun = startCli(["--db", directory, "index", corpus, ...BATCH]);
    const { status, stderr } = await rerun.finished;
    expect(status, stderr).toBe(0);
    const { snapshot, broken } = await snapshotOf(directory);
    expect(broken).toEqual({ withoutChunks: 0, orphanChunks: 0 });
    expect(snapshot).toEqual(cleanSnapshot);
  });

  describe("two processes on one embedded database directory", () => {
    it("the second waits for the first with a clear message, then runs", { timeout: 120_000 }, async () => {
      const directory = path.join(workspace, "waiting-db");
      const held = await lockDirectory(directory);
      const run = startCli(["--db", directory, "index", corpus]);
      const message = await run.waitForLine((line) => line.includes("in use by another process"));
      expect(message).toContain(`pid ${process.pid}`);
      expect(run.child.exitCode).toBeNull();
      await held.release();
      const { status, stderr } = await run.finished;
      expect(status, stderr).toBe(0);
      expect((await snapshotOf(directory)).snapshot).toEqual(cleanSnapshot);
    });

    it("two index jobs started together end in the state of one clean run, each document written once", { timeout: 120_000 }, async () => {
      const directory = path.join(workspace, "shared-db");
      const runs = [startCli(["--db", directory, "--json", "index", corpus, ...BATCH]), startCli(["--db", directory, "--json", "index", corpus, ...BATCH])];
      const results = await Promise.all(runs.map((run) => run.finished));
      for (const { status, stderr } of results) expect(status, stderr).toBe(0);
      const indexed = results.map(({ stdout }) => (JSON.parse(stdout) as { results: Array<{ summary: { indexed: number } }> }).results[0]?.summary.indexed ?? -1);
      expect(indexed.reduce((total, count) => total + count, 0)).toBe(DOCUMENTS);
      expect((await snapshotOf(directory)).snapshot).toEqual(cleanSnapshot);
    });
  });

  describe.skipIf(SERVER_SKIP_REASON !== undefined)(`on ${SERVER_LABEL}`, () => {
    // Here transactions do run side by side: the advisory lock is what keeps two jobs' writes apart.
    let server: TestEngine;

    beforeAll(async () => {
      server = await startServerEngine({ migrated: false });
    });

    afterAll(async () => {
      await server?.stop();
    });

    it("two index processes at once: each document written once, none lost, the state of one clean run", { timeout: 120_000 }, async () => {
      const url = server.url ?? "";
      const runs = [startCli(["--db", url, "--json", "index", corpus, ...BATCH]), startCli(["--db", url, "--json", "index", corpus, ...BATCH])];
      const results = await Promise.all(runs.map((run) => run.finished));
      for (const { status, stderr } of results) expect(status, stderr).toBe(0);
      const indexed = results.map(({ stdout }) => (JSON.parse(stdout) as { results: Array<{ summary: { indexed: number } }> }).results[0]?.summary.indexed ?? -1);
      expect(indexed.reduce((total, count) => total + count, 0)).toBe(DOCUMENTS);
      expect(await brokenDocuments(server.database)).toEqual({ withoutChunks: 0, orphanChunks: 0 });
      expect(await indexSnapshot(server.database)).toEqual(cleanSnapshot);
    });

    it("a connection terminated mid-run (pg_terminate_backend) is reported clearly, and a re-run completes", { timeout: 120_000 }, async () => {
      await server.database.query("drop schema public cascade; create schema public");
      const url = server.url ?? "";
      const run = startCli(["--db", url, "index", corpus, ...BATCH]);
      await run.waitForLine((line) => {
        const progress = progressOf(line);
        return progress?.event === "document" && progress.status === "indexed";
      });
      // In the select list, so that it runs only on the rows the filter kept.
      const terminated = await server.database.query<{ ended: boolean }>(
        "select pg_terminate_backend(pid) as ended from pg_stat_activity where datname = current_database() and application_name = 'evidence'",
      );
      expect(terminated.length).toBeGreaterThan(0);
      const ended = await run.finished;
      // Every connection of the job is gone; whichever statement it was on, it says so and how to finish.
      expect(ended.status, ended.stderr).toBe(69);
      expect(ended.stderr).toMatch(/Lost the connection to PostgreSQL at postgres:\/\/postgres@127\.0\.0\.1:\d+\/evidence_test_\w+ \(.+\)\. .*nothing is half-written; run the command again/);
      expect(await brokenDocuments(server.database)).toEqual({ withoutChunks: 0, orphanChunks: 0 });

      const rerun = startCli(["--db", url, "index", corpus, ...BATCH]);
      const { status, stderr } = await rerun.finished;
      expect(status, stderr).toBe(0);
      expect(await brokenDocuments(server.database)).toEqual({ withoutChunks: 0, orphanChunks: 0 });
      expect(await indexSnapshot(server.database)).toEqual(cleanSnapshot);
    });
  });

  describe("two processes on one PostgreSQL server (pg over a PGlite socket server)", () => {
    // pglite-socket multiplexes every connection onto PGlite's single session: they share one backend
    // pid and its session locks, and a connection's transaction runs alone until it ends. So this
    // checks the re-check inside each write transaction, not the advisory lock itself (which a real
    // server needs, where transactions do run side by side).
    let server: TestEngine;

    beforeAll(async () => {
      server = await startSocketEngine({ maxConnections: 20 });
    });

    afterAll(async () => {
      await server?.stop();
    });

    it("two index jobs at once neither duplicate nor undo each other", { timeout: 120_000 }, async () => {
      const url = server.url ?? "";
      const runs = [startCli(["--db", url, "--json", "index", corpus, ...BATCH]), startCli(["--db", url, "--json", "index", corpus, ...BATCH])];
      const results = await Promise.all(runs.map((run) => run.finished));
      for (const { status, stderr } of results) expect(status, stderr).toBe(0);
      const indexed = results.map(({ stdout }) => (JSON.parse(stdout) as { results: Array<{ summary: { indexed: number } }> }).results[0]?.summary.indexed ?? -1);
      expect(indexed.reduce((total, count) => total + count, 0)).toBe(DOCUMENTS);
      expect(await brokenDocuments(server.database)).toEqual({ withoutChunks: 0, orphanChunks: 0 });
      expect(await indexSnapshot(server.database)).toEqual(cleanSnapshot);
    });
  });
});
