import { describe, expect, it } from "vitest";
import { ConfigError } from "../errors.js";
import { loadConfig, parseDatabaseLocation } from "./config.js";

const base = { environment: {}, workingDirectory: "/work/project" };

describe("loadConfig", () => {
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
    expect(loadConfig(base).server).toEqual({ poolSize: 4, statementTimeoutMs: 60_000 });
    const environment = { EVIDENCE_DB_POOL_SIZE: "12", EVIDENCE_DB_STATEMENT_TIMEOUT_MS: "0" };
    expect(loadConfig({ ...base, environment }).server).toEqual({ poolSize: 12, statementTimeoutMs: 0 });
    expect(() => loadConfig({ ...base, environment: { EVIDENCE_DB_POOL_SIZE: "none" } })).toThrow(/Invalid EVIDENCE_DB_POOL_SIZE/);
    expect(() => loadConfig({ ...base, environment: { EVIDENCE_DB_STATEMENT_TIMEOUT_MS: "-5" } })).toThrow(/Invalid EVIDENCE_DB_STATEMENT_TIMEOUT_MS/);
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
