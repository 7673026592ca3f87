import pg from "pg";
import { DatabaseError } from "../errors.js";
import type { Database, Queryable } from "./database.js";

interface PgLike {
  query(sql: string, parameters?: unknown[]): Promise<{ rows: unknown[] }>;
}

function queryableOf(connection: PgLike): Queryable {
  return {
    async query<Row>(sql: string, parameters: readonly unknown[] = []) {
      const result = await connection.query(sql, [...parameters]);
      return result.rows as Row[];
    },
    async execute(script: string) {
      // Without parameters pg uses the simple protocol, which accepts several statements at once.
      await connection.query(script);
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

export async function openPostgres(url: string, options: { maxConnections?: number } = {}): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 4 });
  // An idle client that errors (server restart) must not crash the process; the next query reports it.
  pool.on("error", () => undefined);
  const location = redactUrl(url);
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new DatabaseError(`Cannot connect to PostgreSQL at ${location}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return {
    engine: "postgres",
    location,
    ...queryableOf(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query("begin");
        const result = await work(queryableOf(client));
        await client.query("commit");
        return result;
      } catch (error) {
        await client.query("rollback").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
