import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeTempFiles } from "../../test/support/temp-files.js";
import type { Database } from "./database.js";
import { loadMigrations, migrate } from "./migrate.js";
import { startServerEngine } from "../../test/support/engines.js";
import { SERVER_LABEL, SERVER_SKIP_REASON } from "../../test/support/server-url.js";
import { createPglite, databaseFromPglite } from "./open-pglite.js";
import { openPostgres } from "./open-postgres.js";

describe("migrate", () => {
  let database: Database;

  beforeAll(async () => {
    database = databaseFromPglite(await createPglite());
  });

  afterAll(async () => {
    await database?.close();
  });

  it("applies pending migrations in order, then nothing on a second run", async () => {
    const folder = await writeTempFiles({
      "001-first.sql": "create table first_table (id integer primary key);",
      "002-second.sql": "alter table first_table add column label text;",
    });
    const migrations = await loadMigrations(`${folder}/`);
    expect(await migrate(database, migrations)).toEqual({ applied: ["001-first", "002-second"], alreadyApplied: 0 });
    expect(await migrate(database, migrations)).toEqual({ applied: [], alreadyApplied: 2 });
    await database.query("insert into first_table (id, label) values (1, 'ok')");
  });

  it("refuses to run when an applied migration was edited", async () => {
    const folder = await writeTempFiles({ "001-first.sql": "create table first_table (id bigint primary key);" });
    await expect(migrate(database, await loadMigrations(`${folder}/`))).rejects.toThrow(/001-first was changed after it was applied/);
  });

  it("rolls back a failing migration and records nothing for it", async () => {
    const folder = await writeTempFiles({
      "001-first.sql": "create table first_table (id integer primary key);",
      "002-second.sql": "alter table first_table add column label text;",
      "003-broken.sql": "create table half_done (id integer); select * from no_such_table;",
    });
    await expect(migrate(database, await loadMigrations(`${folder}/`))).rejects.toThrow(/003-broken failed/);
    expect(await database.query("select to_regclass('half_done') as name")).toEqual([{ name: null }]);
    expect(await database.query("select version from schema_migrations where version = 3")).toEqual([]);
  });

  it("refuses a file name that does not say its version", async () => {
    const folder = await writeTempFiles({ "first.sql": "select 1;" });
    await expect(loadMigrations(`${folder}/`)).rejects.toThrow(/does not match NNN-name.sql/);
  });
});

describe.skipIf(SERVER_SKIP_REASON !== undefined)(`migrate on ${SERVER_LABEL}`, () => {
  it("two sessions migrating a new database at once both succeed (the extension and ledger are made once)", async () => {
    const engine = await startServerEngine({ migrated: false });
    const second = await openPostgres(engine.url ?? "");
    try {
      const [one, two] = await Promise.all([migrate(engine.database), migrate(second)]);
      const migrations = await loadMigrations();
      expect(one.applied.length + two.applied.length).toBe(migrations.length);
      const [ledger] = await engine.database.query<{ count: number | string }>("select count(*) as count from schema_migrations");
      expect(Number(ledger?.count)).toBe(migrations.length);
    } finally {
      await second.close();
      await engine.stop();
    }
  });
});
