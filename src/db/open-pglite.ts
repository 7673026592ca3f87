import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { DatabaseError } from "../errors.js";
import type { Database, Queryable } from "./database.js";

interface PgliteLike {
  query<Row>(sql: string, parameters?: unknown[]): Promise<{ rows: Row[] }>;
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

export async function openPglite(directory: string): Promise<Database> {
  return databaseFromPglite(await createPglite(directory), directory);
}
