import type { DatabaseLocation } from "../config/config.js";
import type { Database } from "./database.js";
import { migrate, type MigrationReport } from "./migrate.js";
import { openPglite } from "./open-pglite.js";
import { openPostgres } from "./open-postgres.js";

/** Opens the configured engine and brings its schema up to date. */
export async function openDatabase(
  location: DatabaseLocation,
): Promise<{ database: Database; migrations: MigrationReport }> {
  const database =
    location.engine === "pglite" ? await openPglite(location.directory) : await openPostgres(location.url);
  try {
    const migrations = await migrate(database);
    return { database, migrations };
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
}
