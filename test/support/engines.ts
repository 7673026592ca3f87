import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { describe } from "vitest";
import type { Database } from "../../src/db/database.js";
import { migrate } from "../../src/db/migrate.js";
import { createPglite, databaseFromPglite } from "../../src/db/open-pglite.js";
import { openPostgres } from "../../src/db/open-postgres.js";
import { scratchServerDatabase } from "./scratch-server-database.js";
import { SERVER_LABEL, SERVER_SKIP_REASON, SERVER_URL } from "./server-url.js";

export { SERVER_LABEL, SERVER_SKIP_REASON, SERVER_URL };

export interface TestEngine {
  readonly name: string;
  readonly database: Database;
  /** For engines served over the wire: the URL other processes can connect to. */
  readonly url?: string;
  stop(): Promise<void>;
}

/** A migrated in-memory PGlite, used in-process. */
export async function startPgliteEngine(): Promise<TestEngine> {
  const database = databaseFromPglite(await createPglite());
  await migrate(database);
  return { name: "PGlite in-process", database, stop: () => database.close() };
}

/**
 * A PGlite served over the PostgreSQL wire protocol on loopback, reached with `pg`: the same code path as
 * a real server. PGlite runs one session at a time, so the pool holds one connection; the server allows a
 * few more because pg replaces a client that saw an error while the old socket is still closing.
 */
export async function startSocketEngine(options: { withPgvector?: boolean; migrated?: boolean; maxConnections?: number } = {}): Promise<TestEngine> {
  const pglite = options.withPgvector === false ? await PGlite.create() : await createPglite();
  const server = new PGLiteSocketServer({ db: pglite, host: "127.0.0.1", port: 0, maxConnections: options.maxConnections ?? 4 });
  await server.start();
  const url = `postgres://postgres:secret@${server.getServerConn()}/postgres`;
  let database: Database;
  try {
    database = await openPostgres(url, { maxConnections: 1 });
    if (options.migrated !== false) await migrate(database);
  } catch (error) {
    await server.stop();
    await pglite.close();
    throw error;
  }
  return {
    name: "pg over a PGlite socket server",
    database,
    url,
    async stop() {
      await database.close();
      await server.stop();
      await pglite.close();
    },
  };
}

/**
 * A fresh database of its own on the real server (DATABASE_URL_TEST), migrated, dropped again by `stop`.
 * Each test file (each suite in it) gets its own, so files running side by side never see each other.
 * `migrated: false` leaves it empty.
 */
export async function startServerEngine(options: { migrated?: boolean; maxConnections?: number } = {}): Promise<TestEngine> {
  if (SERVER_URL === undefined) throw new Error(SERVER_SKIP_REASON);
  const { url: scratchUrl, drop } = await scratchServerDatabase(SERVER_URL, `evidence_test_${process.pid}`);
  const url = new URL(scratchUrl);
  let database: Database;
  try {
    // The test's own sessions carry another name than the program's, so a test can end the program's alone.
    const ownUrl = new URL(url);
    ownUrl.searchParams.set("application_name", "evidence-test");
    database = await openPostgres(ownUrl.toString(), { maxConnections: options.maxConnections ?? 4 });
  } catch (error) {
    await drop();
    throw error;
  }
  try {
    if (options.migrated !== false) await migrate(database);
  } catch (error) {
    await database.close();
    await drop();
    throw error;
  }
  return {
    name: SERVER_LABEL,
    database,
    url: url.toString(),
    async stop() {
      await database.close();
      await drop();
    },
  };
}

export interface EngineChoice {
  readonly label: string;
  readonly start: () => Promise<TestEngine>;
  /** Set when this engine is not available here: its cases are skipped. */
  readonly skipReason?: string | undefined;
}

/** Every engine a store test runs on: in process, over the wire to PGlite, and a real server when there is one. */
export const DATABASE_ENGINES: readonly EngineChoice[] = [
  { label: "PGlite in-process", start: startPgliteEngine },
  { label: "pg over a PGlite socket server", start: () => startSocketEngine() },
  { label: SERVER_LABEL, start: () => startServerEngine(), skipReason: SERVER_SKIP_REASON },
];

/**
 * `describe` once per engine, titled "<title> on <engine>"; the real-server suite is skipped (and counted
 * as skipped) without DATABASE_URL_TEST.
 *
 *   describeEachEngine("store", (start) => { beforeAll(async () => { engine = await start(); }); ... });
 */
export function describeEachEngine(title: string, suite: (start: () => Promise<TestEngine>, label: string) => void): void {
  for (const engine of DATABASE_ENGINES) {
    describe.skipIf(engine.skipReason !== undefined)(`${title} on ${engine.label}`, () => suite(engine.start, engine.label));
  }
}
