import { DatabaseError } from "../errors.js";
import type { Database } from "./database.js";

const INSTALL_HELP =
  "Install pgvector on the server (Debian/Ubuntu: apt-get install postgresql-<major>-pgvector; " +
  "other systems: https://github.com/pgvector/pgvector#installation), then run " +
  '"CREATE EXTENSION vector;" once as a superuser in this database.';

/**
 * Makes sure the `vector` extension exists before any migration needs it, and turns the server's
 * error into one that says what to install.
 */
export async function ensurePgvector(database: Database): Promise<void> {
  const installed = await database.query<{ extversion: string }>(
    "select extversion from pg_extension where extname = 'vector'",
  );
  if (installed.length > 0) return;
  const available = await database.query("select 1 from pg_available_extensions where name = 'vector'");
  if (available.length === 0) {
    throw new DatabaseError(
      `The pgvector extension ("vector") is not available on ${database.location}. ${INSTALL_HELP}`,
    );
  }
  try {
    await database.execute("create extension if not exists vector");
  } catch (error) {
    throw new DatabaseError(
      `The pgvector extension ("vector") is available on ${database.location} but could not be created ` +
        `(${(error as Error).message}). Run "CREATE EXTENSION vector;" once as a superuser in this database.`,
      { cause: error },
    );
  }
}
