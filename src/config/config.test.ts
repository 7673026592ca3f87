import { describe, expect, it } from "vitest";
import { ConfigError } from "../errors.js";
import { loadSettings } from "../app/settings.js";
import { parseDatabaseLocation } from "./config.js";

const base = { environment: {}, workingDirectory: "/work/project" };
/** The database part of the one settings loader (src/app/settings.ts), from flags and the environment. */
const loadConfig = (sources: { environment: NodeJS.ProcessEnv; workingDirectory: string; db?: string; json?: boolean }) =>
  loadSettings({ flags: { db: sources.db, json: sources.json }, environment: sources.environment, workingDirectory: sources.workingDirectory });

describe("loadSettings: database and output", () => {
  it("defaults to the embedded database in ./.evidence/db", () => {
    expect(loadConfig(base).database).toEqual({ engine: "pglite", directory: "/work/project/.evidence/db" });
  });

  it("prefers --db over EVIDENCE_DB over DATABASE_URL", () => {
    const environment = { EVIDENCE_DB: "/data/evidence", DATABASE_URL: "postgres://db.internal/cs" };
    expect(loadConfig({ ...base, environment, db: "postgresql://flag/cs" }).database).toEqual({
      engine: "postgres",
      url: "postgresql://flag/cs",
    });
    expect(loadConfig({ ...base, environment }).database).toEqual({ engine: "pglite", directory: "/data/evidence" });
    expect(loadConfig({ ...base, environment: { DATABASE_URL: "postgres://db.internal/cs" } }).database).toEqual({
      engine: "postgres",
      url: "postgres://db.internal/cs",
    });
  });

  it("ignores blank environment variables", () => {
    expect(loadConfig({ ...base, environment: { EVIDENCE_DB: "  " } }).database).toMatchObject({ engine: "pglite" });
  });

  it("reads the server pool size and statement timeout from the environment, with defaults, and names a bad one", () => {
    expect(loadConfig(base).pool).toEqual({ size: 4, statementTimeoutMs: 60_000 });
    const environment = { EVIDENCE_DB_POOL_SIZE: "12", EVIDENCE_DB_STATEMENT_TIMEOUT_MS: "0" };
    expect(loadConfig({ ...base, environment }).pool).toEqual({ size: 12, statementTimeoutMs: 0 });
    expect(() => loadConfig({ ...base, environment: { EVIDENCE_DB_POOL_SIZE: "none" } })).toThrow(/EVIDENCE_DB_POOL_SIZE: .*\(got "none"\)/);
    expect(() => loadConfig({ ...base, environment: { EVIDENCE_DB_STATEMENT_TIMEOUT_MS: "-5" } })).toThrow(/EVIDENCE_DB_STATEMENT_TIMEOUT_MS: .*\(got "-5"\)/);
  });

  it("carries the --json flag", () => {
    expect(loadConfig({ ...base, json: true }).json).toBe(true);
    expect(loadConfig(base).json).toBe(false);
  });
});

describe("parseDatabaseLocation", () => {
  it("refuses URLs of other databases with a message that says what works", () => {
    expect(() => parseDatabaseLocation("mysql://host/db", "/")).toThrow(ConfigError);
    expect(() => parseDatabaseLocation("mysql://host/db", "/")).toThrow(/directory for the embedded database or a postgres:\/\/ URL/);
  });

  it("resolves relative directories against the working directory", () => {
    expect(parseDatabaseLocation("data/db", "/home/csm")).toEqual({ engine: "pglite", directory: "/home/csm/data/db" });
  });
});
