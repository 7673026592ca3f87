import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { DatabaseError } from "../errors.js";
import type { Database, Queryable } from "./database.js";
import { lockDirectory, type DirectoryLockOptions } from "./directory-lock.js";

interface PgliteLike {
  query<Row>(sql: string, parameters?: unknown[], options?: { blob?: Blob }): Promise<{ rows: Row[] }>;
  exec(script: string): Promise<unknown>;
}

function queryableOf(connection: PgliteLike): Queryable {
  return {
    async query<Row>(sql: string, parameters: readonly unknown[] = []) {
      const result = await connection.query<Row>(sql, [...parameters]);
      return result.rows;
    },
    async execute(script: string) {
      await connection.exec(script);
    },
    async copyBinary(statement: string, data: Uint8Array) {
      // PGlite serves `FROM '/dev/blob'` from the blob passed with the query.
      await connection.query(statement.replace(/\bfrom\s+stdin\b/i, "from '/dev/blob'"), [], { blob: new Blob([data]) });
    },
  };
}

/** Wraps an already created PGlite instance (tests share or clone one). */
export function databaseFromPglite(pglite: PGlite, location = "in-memory PGlite"): Database {
  return {
    engine: "pglite",
    location,
    ...queryableOf(pglite),
    transaction: (work) => pglite.transaction((transaction) => work(queryableOf(transaction))),
    close: () => pglite.close(),
  };
}

/** Creates a PGlite instance with the pgvector extension loaded; `directory` undefined means in memory. */
export async function createPglite(directory?: string): Promise<PGlite> {
  if (directory !== undefined) {
    await mkdir(directory, { recursive: true });
  }
  try {
    return await PGlite.create(directory, { extensions: { vector } });
  } catch (error) {
    throw new DatabaseError(`Cannot open the embedded database at ${directory ?? "memory"}.`, { cause: error });
  }
}

/**
 * Opens the embedded database in `directory`, holding the directory's lock until it is closed: PGlite
 * keeps the database in this process's memory and writes it back, so a second process opening it at the
 * same time would corrupt it. A second `evidence` process waits for the first (see lockDirectory).
 */
export async function openPglite(directory: string, options: { lock?: DirectoryLockOptions } = {}): Promise<Database> {
  await mkdir(directory, { recursive: true });
  const lock = await lockDirectory(directory, options.lock);
  let pglite: PGlite;
  try {
    pglite = await createPglite(directory);
  } catch (error) {
    await lock.release();
    throw error;
  }
  const database = databaseFromPglite(pglite, directory);
  return {
    ...database,
    async close() {
      try {
        await database.close();
      } finally {
        await lock.release();
      }
    },
  };
}
