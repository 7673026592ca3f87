import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { DatabaseError } from "../errors.js";
import type { Database, Queryable } from "./database.js";

interface PgLike {
  query(sql: string, parameters?: unknown[]): Promise<{ rows: unknown[] }>;
}

/** The server ended the session (pg_terminate_backend, a restart, a failover) or the socket broke. */
function isLostConnection(error: unknown): boolean {
  // Also asked of a DatabaseError's cause, which an error this program raised itself does not have.
  if (typeof error !== "object" || error === null) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && (code.startsWith("08") || code === "57P01" || code === "57P02" || code === "57P03")) return true;
  return /Connection terminated|connection ended|connection error and is not queryable|ECONNRESET|EPIPE|Client was closed/i.test((error as Error).message ?? "");
}

function isStatementTimeout(error: unknown): boolean {
  return (error as { code?: unknown }).code === "57014" && /statement timeout/i.test((error as Error).message ?? "");
}

/**
 * Turns the two failures a user can act on into errors that say what to do; anything else keeps its own
 * message (constraint names, SQL errors) and passes through unchanged.
 */
function explained(error: unknown, location: string, statementTimeoutMs: number | undefined): unknown {
  if (error instanceof DatabaseError) return error;
  if (isLostConnection(error)) {
    return new DatabaseError(
      `Lost the connection to PostgreSQL at ${location} (${(error as Error).message}). The transaction in progress was ` +
        "rolled back, so nothing is half-written; run the command again to finish.",
      { cause: error },
    );
  }
  if (isStatementTimeout(error)) {
    return new DatabaseError(
      `A statement ran longer than the ${statementTimeoutMs ?? "configured"} ms statement timeout on PostgreSQL at ${location}; ` +
        "its transaction was rolled back. Raise EVIDENCE_DB_STATEMENT_TIMEOUT_MS (0 turns it off) if the work is legitimately slow.",
      { cause: error },
    );
  }
  return error;
}

/** Streams binary COPY data into `statement` (`COPY ... FROM STDIN WITH (FORMAT binary)`) on one client. */
async function copyBinaryThrough(client: pg.PoolClient, statement: string, data: Uint8Array): Promise<void> {
  await pipeline(Readable.from([Buffer.from(data.buffer, data.byteOffset, data.byteLength)]), client.query(copyFrom(statement)));
}

/**
 * Whether the server takes `COPY FROM STDIN`. A real PostgreSQL does; PGlite's socket server, which speaks
 * the wire protocol for one embedded session, drops the connection on it, so it is recognised by its
 * version string (asking it to COPY would break the session) and writers fall back to an `unnest` insert.
 */
async function acceptsCopyFromStdin(pool: pg.Pool): Promise<boolean> {
  const { rows } = await pool.query<{ version: string }>("select version() as version");
  return !/PGlite|emscripten/i.test(rows[0]?.version ?? "");
}

function queryableOf(connection: PgLike, explain: (error: unknown) => unknown): Queryable {
  return {
    async query<Row>(sql: string, parameters: readonly unknown[] = []) {
      try {
        const result = await connection.query(sql, [...parameters]);
        return result.rows as Row[];
      } catch (error) {
        throw explain(error);
      }
    },
    async execute(script: string) {
      // Without parameters pg uses the simple protocol, which accepts several statements at once.
      try {
        await connection.query(script);
      } catch (error) {
        throw explain(error);
      }
    },
  };
}

/** The URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== "") parsed.password = "***";
    return parsed.toString();
  } catch {
    return "postgres://(unparseable url)";
  }
}

function applicationNameOf(url: string): string {
  try {
    return new URL(url).searchParams.get("application_name") ?? "evidence";
  } catch {
    return "evidence";
  }
}

export interface PostgresOptions {
  /** Connections in the pool (default 4). */
  readonly maxConnections?: number;
  /** Server-side limit per statement in milliseconds; 0 or absent leaves the server's own setting. */
  readonly statementTimeoutMs?: number;
}

export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<Database> {
  const statementTimeoutMs = options.statementTimeoutMs === 0 ? undefined : options.statementTimeoutMs;
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 4,
    // How an operator tells this program's sessions apart in pg_stat_activity (a URL may name another).
    application_name: applicationNameOf(url),
    ...(statementTimeoutMs === undefined ? {} : { statement_timeout: statementTimeoutMs }),
  });
  // An idle client that errors (server restart) must not crash the process; the next query reports it.
  pool.on("error", () => undefined);
  const location = redactUrl(url);
  const explain = (error: unknown) => explained(error, location, statementTimeoutMs);
  let copies = false;
  try {
    const client = await pool.connect();
    client.release();
    copies = await acceptsCopyFromStdin(pool);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new DatabaseError(`Cannot connect to PostgreSQL at ${location}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return {
    engine: "postgres",
    location,
    ...queryableOf(pool, explain),
    async transaction(work) {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        throw explain(error);
      }
      // A client whose session was lost must not go back to the pool, where the next caller would get it.
      let broken: Error | undefined;
      const onError = (error: Error) => (broken = error);
      client.on("error", onError);
      try {
        await client.query("begin");
        const copyBinary = async (statement: string, data: Uint8Array) => {
          try {
            await copyBinaryThrough(client, statement, data);
          } catch (error) {
            throw explain(error);
          }
        };
        const result = await work(copies ? { ...queryableOf(client, explain), copyBinary } : queryableOf(client, explain));
        await client.query("commit");
        return result;
      } catch (error) {
        if (isLostConnection(error) || (error instanceof DatabaseError && isLostConnection(error.cause))) broken ??= error as Error;
        await client.query("rollback").catch((rollbackError: unknown) => (broken ??= rollbackError as Error));
        throw explain(error);
      } finally {
        client.off("error", onError);
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
