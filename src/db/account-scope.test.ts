import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELIBERATE_FAN_OUTS, SHARED_TABLES } from "./account-scope.js";
import type { Database } from "./database.js";
import { migrate } from "./migrate.js";
import { createPglite, databaseFromPglite } from "./open-pglite.js";

const DB_FOLDER = path.dirname(fileURLToPath(import.meta.url));

interface Statement {
  readonly place: string;
  readonly sql: string;
}

/** Every SQL statement written as a string in the stores, with the file and function it sits in. */
async function statementsInStores(): Promise<Statement[]> {
  const files = (await readdir(DB_FOLDER)).filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"));
  const statements: Statement[] = [];
  for (const file of files) {
    const source = await readFile(path.join(DB_FOLDER, file), "utf8");
    // Column lists kept in string constants (`insert into chunks (${CHUNK_COLUMN_NAMES})`) are read in place.
    const constants = new Map([...source.matchAll(/const\s+([A-Z_]+)\s*=\s*\n?\s*"([^"]*)"/g)].map((match) => [match[1], match[2]]));
    for (const match of source.matchAll(/`[^`]*`|"(?:[^"\\\n]|\\.)*"/g)) {
      const sql = match[0].slice(1, -1).replace(/\$\{([A-Z_]+)\}/g, (whole, name: string) => constants.get(name) ?? whole);
      if (!/^\s*(select|update|delete|with)\b|^\s*insert\s+into\s+\w+\s*\(/i.test(sql)) continue;
      const before = source.slice(0, match.index);
      const functionName = [...before.matchAll(/function\s+(\w+)/g)].at(-1)?.[1] ?? "(top level)";
      statements.push({ place: `${file}#${functionName}`, sql });
    }
  }
  return statements;
}

function tablesTouched(sql: string): string[] {
  return [...sql.matchAll(/\b(?:from|join|into|update)\s+([a-z_]+)/gi)].map((match) => (match[1] ?? "").toLowerCase());
}

/**
 * Filtered by accounts given as a parameter (`account_id = $1`, `account_id = any($1)`), not optionally
 * (`$1 is null or account_id = $1` reads every account when no account is given); or an insert whose
 * rows each carry theirs.
 */
function scopedToAccount(sql: string): boolean {
  if (/^\s*insert\s+into\s+\w+\s*\([^)]*\baccount_id\b/i.test(sql)) return true;
  // The accounts table is distributed by its own id.
  const key = tablesTouched(sql).every((table) => table === "accounts") ? "(?:account_id|id)" : "account_id";
  return [...sql.matchAll(new RegExp(`\\b${key}\\s*=\\s*(?:any\\s*\\(\\s*)?\\$\\d`, "gi"))].some(
    (match) => !/is\s+null\s+or\s+[\w.]*$/i.test(sql.slice(0, match.index)),
  );
}

describe("the schema and the stores are scoped by account (docs/scaling.md)", () => {
  let database: Database;
  let perAccountTables: string[];

  beforeAll(async () => {
    database = databaseFromPglite(await createPglite());
    await migrate(database);
    const tables = await database.query<{ name: string }>(
      "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1",
    );
    perAccountTables = tables.map((table) => table.name).filter((name) => !(name in SHARED_TABLES));
  });

  afterAll(async () => {
    await database?.close();
  });

  it("lists as shared only tables that exist", async () => {
    const tables = (await database.query<{ name: string }>("select table_name as name from information_schema.tables where table_schema = 'public'")).map((table) => table.name);
    for (const name of Object.keys(SHARED_TABLES)) expect(tables, name).toContain(name);
    expect(perAccountTables).toContain("chunks");
  });

  it("every per-account table carries a non-null account_id (accounts: its id), in every primary and unique key", async () => {
    const keyColumn = (table: string) => (table === "accounts" ? "id" : "account_id");
    for (const table of perAccountTables) {
      const [column] = await database.query<{ is_nullable: string }>(
        "select is_nullable from information_schema.columns where table_schema = 'public' and table_name = $1 and column_name = $2",
        [table, keyColumn(table)],
      );
      expect(column?.is_nullable, `${table}.${keyColumn(table)}`).toBe("NO");
    }
    const keys = await database.query<{ table_name: string; index_name: string; columns: string[] }>(
      `select t.relname as table_name, i.relname as index_name,
              array(select a.attname from unnest(x.indkey) k join pg_attribute a on a.attrelid = t.oid and a.attnum = k)::text[] as columns
         from pg_index x join pg_class t on t.oid = x.indrelid join pg_class i on i.oid = x.indexrelid
         join pg_namespace n on n.oid = t.relnamespace
        where n.nspname = 'public' and x.indisunique`,
    );
    const unscoped = keys.filter((key) => perAccountTables.includes(key.table_name) && !key.columns.includes(keyColumn(key.table_name)));
    expect(unscoped.map((key) => `${key.table_name}: ${key.index_name} (${key.columns.join(", ")})`)).toEqual([]);
  });

  it("every foreign key between per-account tables joins on the account too", async () => {
    const keys = await database.query<{ name: string; from_table: string; to_table: string; from_columns: string[]; to_columns: string[] }>(
      `select c.conname as name, f.relname as from_table, t.relname as to_table,
              array(select a.attname from unnest(c.conkey) k join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k)::text[] as from_columns,
              array(select a.attname from unnest(c.confkey) k join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k)::text[] as to_columns
         from pg_constraint c join pg_class f on f.oid = c.conrelid join pg_class t on t.oid = c.confrelid
        where c.contype = 'f'`,
    );
    const between = keys.filter((key) => perAccountTables.includes(key.from_table) && perAccountTables.includes(key.to_table));
    expect(between.length).toBeGreaterThan(5);
    const unscoped = between.filter((key) => key.to_table !== "accounts" && !(key.from_columns.includes("account_id") && key.to_columns.includes("account_id")));
    expect(unscoped.map((key) => `${key.name}: ${key.from_table} -> ${key.to_table}`)).toEqual([]);
  });

  it("every statement in the stores that touches a per-account table filters by account, or is a listed fan-out", async () => {
    const statements = await statementsInStores();
    expect(statements.length).toBeGreaterThan(30);
    const touching = statements.filter((statement) => tablesTouched(statement.sql).some((table) => perAccountTables.includes(table)));
    const unscoped = touching.filter((statement) => !scopedToAccount(statement.sql) && !(statement.place in DELIBERATE_FAN_OUTS));
    expect(unscoped.map((statement) => `${statement.place}: ${statement.sql.replace(/\s+/g, " ").slice(0, 120)}`)).toEqual([]);
    // The list stays honest: each fan-out names a function that still has an unscoped statement.
    const fanningOut = new Set(touching.filter((statement) => !scopedToAccount(statement.sql)).map((statement) => statement.place));
    expect(Object.keys(DELIBERATE_FAN_OUTS).filter((place) => !fanningOut.has(place))).toEqual([]);
  });
});
