import type { DatabaseLocation } from "../config/config.js";
import type { Database } from "./database.js";
import type { DirectoryLockOptions } from "./directory-lock.js";
import { migrate, type MigrationReport } from "./migrate.js";
import { openPglite } from "./open-pglite.js";
import { openPostgres } from "./open-postgres.js";

/**
 * Opens the configured engine and brings its schema up to date. `lock` applies to the embedded engine,
 * which one process at a time may open; `server` (pool size, statement timeout) to a PostgreSQL server.
 */
export async function openDatabase(
  location: DatabaseLocation,
  options: { lock?: DirectoryLockOptions; server?: { poolSize: number; statementTimeoutMs: number } } = {},
): Promise<{ database: Database; migrations: MigrationReport }> {
  const database =
    location.engine === "pglite" ? await openPglite(location.directory, options) : await openPostgres(location.url, {
          ...(options.server === undefined ? {} : { maxConnections: options.server.poolSize, statementTimeoutMs: options.server.statementTimeoutMs }),
        });
  try {
    const migrations = await migrate(database);
    return { database, migrations };
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
}
