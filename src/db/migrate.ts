import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { DatabaseError } from "../errors.js";
import type { Database, Queryable } from "./database.js";
import { ensurePgvector } from "./ensure-pgvector.js";

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly script: string;
  readonly checksum: string;
}

export interface MigrationReport {
  readonly applied: readonly string[];
  readonly alreadyApplied: number;
}

const MIGRATIONS_DIRECTORY = fileURLToPath(new URL("./migrations/", import.meta.url));
const MIGRATION_FILE = /^(\d{3})-([a-z0-9-]+)\.sql$/;
// Any fixed number: every migrating process takes the same advisory lock, so two runs never interleave.
const MIGRATION_LOCK_KEY = 7_340_001;

/** Reads `migrations/NNN-name.sql` in version order. */
export async function loadMigrations(directory = MIGRATIONS_DIRECTORY): Promise<Migration[]> {
  const files = (await readdir(directory)).filter((file) => file.endsWith(".sql")).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const match = MIGRATION_FILE.exec(file);
    if (match === null) {
      throw new DatabaseError(`Migration file ${file} does not match NNN-name.sql.`);
    }
    const script = await readFile(`${directory}${file}`, "utf8");
    migrations.push({
      version: Number(match[1]),
      name: match[2] ?? file,
      script,
      checksum: createHash("sha256").update(script).digest("hex"),
    });
  }
  return migrations;
}

/**
 * Applies the migrations that have not run yet, each in its own transaction. Safe to call on every start
 * and from several processes at once. A migration whose file changed after it ran is an error: shipped
 * migrations are never edited, a new one is added instead.
 */
export async function migrate(database: Database, migrations?: readonly Migration[]): Promise<MigrationReport> {
  const pending = migrations ?? (await loadMigrations());
  // The extension and the ledger are made under the same lock as the migrations: two processes starting
  // on a new database at once would otherwise both create them, and one would fail.
  await database.transaction(async (transaction) => {
    await transaction.query("select set_config('statement_timeout', '0', true)");
    await transaction.query("select pg_advisory_xact_lock($1)", [MIGRATION_LOCK_KEY]);
    await ensurePgvector(transaction, database.location);
    // The ledger has to exist before any migration can be recorded, so it is the one table made here.
    await transaction.execute(`
      create table if not exists schema_migrations (
        version integer primary key,
        name text not null,
        checksum text not null,
        applied_at timestamptz not null default now()
      )`);
  });
  const applied: string[] = [];
  let alreadyApplied = 0;
  for (const migration of pending) {
    const ran = await database.transaction(async (transaction) => {
      // Exempt from the server's statement timeout: a migration rewrites whole tables, and a second process
      // waits here for the first one's migration to finish.
      await transaction.query("select set_config('statement_timeout', '0', true)");
      await transaction.query("select pg_advisory_xact_lock($1)", [MIGRATION_LOCK_KEY]);
      const existing = await recordedChecksum(transaction, migration.version);
      if (existing !== undefined) {
        if (existing !== migration.checksum) {
          throw new DatabaseError(
            `Migration ${migrationLabel(migration)} was changed after it was applied to ${database.location}. ` +
              "Restore the original file and add a new migration for the change.",
          );
        }
        return false;
      }
      try {
        await transaction.execute(migration.script);
      } catch (error) {
        throw new DatabaseError(
          `Migration ${migrationLabel(migration)} failed on ${database.location}: ${(error as Error).message}`,
          { cause: error },
        );
      }
      await transaction.query("insert into schema_migrations (version, name, checksum) values ($1, $2, $3)", [
        migration.version,
        migration.name,
        migration.checksum,
      ]);
      return true;
    });
    if (ran) applied.push(migrationLabel(migration));
    else alreadyApplied += 1;
  }
  return { applied, alreadyApplied };
}

/** The name as on disk, e.g. "001-initial-schema". */
function migrationLabel(migration: Migration): string {
  return `${String(migration.version).padStart(3, "0")}-${migration.name}`;
}

async function recordedChecksum(transaction: Queryable, version: number): Promise<string | undefined> {
  const rows = await transaction.query<{ checksum: string }>(
    "select checksum from schema_migrations where version = $1",
    [version],
  );
  return rows[0]?.checksum;
}
