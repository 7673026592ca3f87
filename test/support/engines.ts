import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import type { Database } from "../../src/db/database.js";
import { migrate } from "../../src/db/migrate.js";
import { createPglite, databaseFromPglite } from "../../src/db/open-pglite.js";
import { openPostgres } from "../../src/db/open-postgres.js";

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
