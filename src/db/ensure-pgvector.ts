import { DatabaseError } from "../errors.js";
import type { Queryable } from "./database.js";

const INSTALL_HELP =
  "Install pgvector on the server (Debian/Ubuntu: apt-get install postgresql-<major>-pgvector; " +
  "other systems: https://github.com/pgvector/pgvector#installation), then run " +
  '"CREATE EXTENSION vector;" once as a superuser in this database.';

/**
 * Makes sure the `vector` extension exists before any migration needs it, and turns the server's
 * error into one that says what to install. `location` names the database in messages. Call it under
 * the migration lock: `create extension if not exists` is not safe against a second session doing the
 * same at the same moment (one of them fails on the catalogue's unique key).
 */
export async function ensurePgvector(database: Queryable, location: string): Promise<void> {
  const installed = await database.query<{ extversion: string }>(
    "select extversion from pg_extension where extname = 'vector'",
  );
  if (installed.length > 0) return;
  const available = await database.query("select 1 from pg_available_extensions where name = 'vector'");
  if (available.length === 0) {
    throw new DatabaseError(
      `The pgvector extension ("vector") is not available on ${location}. ${INSTALL_HELP}`,
    );
  }
  try {
    await database.execute("create extension if not exists vector");
  } catch (error) {
    throw new DatabaseError(
      `The pgvector extension ("vector") is available on ${location} but could not be created ` +
        `(${(error as Error).message}). Run "CREATE EXTENSION vector;" once as a superuser in this database.`,
      { cause: error },
    );
  }
}
