import { mkdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError } from "../errors.js";
import { writeTempFiles } from "../../test/support/temp-files.js";
import { loadSettings, requireReviewer } from "./settings.js";

const folderWith = (files: Record<string, string> = {}) => writeTempFiles(files);

describe("loadSettings", () => {
  it("takes a flag over the environment over the settings file", async () => {
    const workingDirectory = await folderWith({ "evidence.config.yaml": "db: ./from-file\nreviewer: File Reviewer\n" });
    const environment = { EVIDENCE_DB: "./from-env", EVIDENCE_REVIEWER: "Env Reviewer" };

    const fromFlags = loadSettings({ flags: { db: "./from-flag", reviewer: "Flag Reviewer" }, environment, workingDirectory });
    expect(fromFlags.database).toEqual({ engine: "pglite", directory: path.join(workingDirectory, "from-flag") });
    expect(fromFlags.databaseSource).toBe("--db");
    expect(fromFlags.reviewer).toBe("Flag Reviewer");

    const fromEnvironment = loadSettings({ environment, workingDirectory });
    expect(fromEnvironment.database).toEqual({ engine: "pglite", directory: path.join(workingDirectory, "from-env") });
    expect(fromEnvironment.reviewer).toBe("Env Reviewer");

    const fromFile = loadSettings({ environment: { EVIDENCE_DB: "", EVIDENCE_REVIEWER: " " }, workingDirectory });
    expect(fromFile.database).toEqual({ engine: "pglite", directory: path.join(workingDirectory, "from-file") });
    expect(fromFile.databaseSource).toBe("evidence.config.yaml: db");
    expect(fromFile.reviewer).toBe("File Reviewer");
  });

  it("lets the file fill in model settings only where neither a flag nor the environment speaks", async () => {
    const workingDirectory = await folderWith({
      "evidence.config.json": JSON.stringify({ extractor: { provider: "openai", model: "file-model", concurrency: 2 } }),
    });
    const keyed = { OPENAI_API_KEY: "sk-test" };
    expect(loadSettings({ environment: keyed, workingDirectory }).models()).toMatchObject({ extraction: { extractor: "openai", model: "file-model" }, concurrency: 2 });
    expect(loadSettings({ environment: { ...keyed, EVIDENCE_MODEL: "env-model" }, workingDirectory }).models()).toMatchObject({ extraction: { model: "env-model" } });
    expect(loadSettings({ flags: { extractor: "offline" }, environment: keyed, workingDirectory }).models().extraction).toEqual({ extractor: "offline" });
  });

  it("names the file and the field of a bad setting", async () => {
    const empty = await folderWith({ "evidence.config.yaml": 'reviewer: ""\n' });
    expect(() => loadSettings({ environment: {}, workingDirectory: empty })).toThrow(new ConfigError("evidence.config.yaml: reviewer: must be a non-empty string"));
    const typo = await folderWith({ "evidence.config.json": JSON.stringify({ extractor: { modle: "x" } }) });
    expect(() => loadSettings({ environment: {}, workingDirectory: typo })).toThrow(/^evidence\.config\.json: extractor: unknown field modle$/);
    const broken = await folderWith({ "evidence.config.json": "{ not json" });
    expect(() => loadSettings({ environment: {}, workingDirectory: broken })).toThrow(/^evidence\.config\.json: cannot be read/);
  });

  it("names where a bad database location came from", async () => {
    const workingDirectory = await folderWith();
    expect(() => loadSettings({ environment: { EVIDENCE_DB: "mysql://x" }, workingDirectory })).toThrow(/^EVIDENCE_DB: Unsupported database location "mysql:\/\/x"/);
    expect(() => loadSettings({ flags: { db: "mysql://x" }, environment: {}, workingDirectory })).toThrow(/^--db: /);
  });

  it("finds the default database from the working directory upward, like git", async () => {
    const root = await folderWith();
    await mkdir(path.join(root, ".evidence", "db"), { recursive: true });
    const nested = path.join(root, "a", "b");
    await mkdir(nested, { recursive: true });
    const settings = loadSettings({ environment: {}, workingDirectory: nested });
    expect(settings.database).toEqual({ engine: "pglite", directory: path.join(root, ".evidence", "db") });
    expect(settings.databaseSource).toBe("default");
    expect(loadSettings({ environment: { DATABASE_URL: "postgres://h/db" }, workingDirectory: nested }).database).toEqual({ engine: "postgres", url: "postgres://h/db" });
  });

  it("refuses to review without a reviewer, saying every way to name one", async () => {
    const settings = loadSettings({ environment: {}, workingDirectory: await folderWith() });
    expect(() => requireReviewer(settings)).toThrow(/--reviewer NAME, set EVIDENCE_REVIEWER, or add reviewer to evidence\.config\.json/);
  });
});
