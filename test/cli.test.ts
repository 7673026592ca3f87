import { existsSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exitCodeFor } from "../src/cli/exit-codes.js";
import { createProgram } from "../src/cli/program.js";
import { listAccounts } from "../src/db/account-store.js";
import { InputError } from "../src/errors.js";
import { startPgliteEngine, type TestEngine } from "./support/engines.js";
import { runCli, runInProcess, startCli } from "./support/run-cli.js";
import { writeTempFiles } from "./support/temp-files.js";

const account = (id: string, overrides: Record<string, unknown> = {}) => ({
  id,
  name: id.toUpperCase(),
  tier: "business",
  arr: 1000,
  health: "green",
  ...overrides,
});

describe("evidence (in process, shared database)", () => {
  let engine: TestEngine;
  let folder: string;
  const written: string[] = [];
  const progress: string[] = [];

  beforeAll(async () => {
    engine = await startPgliteEngine();
    folder = await writeTempFiles({
      "good.json": JSON.stringify([account("acme"), account("bolt"), account("crane")]),
      "bad.json": JSON.stringify([account("acme", { arr: 2000 }), account("delta", { health: "great" })]),
    });
  });

  afterAll(async () => {
    await engine?.stop();
  });

  async function run(...args: string[]): Promise<void> {
    await runInProcess(engine.database, args, { workingDirectory: folder, write: (text) => written.push(text), writeProgress: (text) => progress.push(text) });
  }

  it("imports a valid accounts file and lists it", async () => {
    await run("accounts", "import", "good.json");
    expect(written.pop()).toBe("Imported 3 accounts from good.json.\n");
    await run("--json", "accounts", "list");
    const listed = JSON.parse(written.pop() ?? "") as { accounts: Array<{ id: string }> };
    expect(listed.accounts.map((item) => item.id)).toEqual(["acme", "bolt", "crane"]);
  });

  it("refuses a malformed accounts file, names file, record and field, and writes nothing", async () => {
    const before = await listAccounts(engine.database);
    const auditBefore = await engine.database.query("select id from audit_events");
    const failure = await run("accounts", "import", "bad.json").catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(InputError);
    expect((failure as InputError).problems).toEqual([
      expect.objectContaining({ file: path.join(folder, "bad.json"), record: "delta", field: "health" }),
    ]);
    expect(exitCodeFor(failure)).toBe(65);
    // The valid record in the bad file (acme's new ARR) must not have been stored either.
    expect(await listAccounts(engine.database)).toEqual(before);
    expect(await engine.database.query("select id from audit_events")).toEqual(auditBefore);
  });

  it("indexes the good records of a folder, then reports the rejected ones with exit 65", async () => {
    const comment = { id: "1", created_at: "2026-06-02T14:10:00Z", author: { name: "Ann", email: "ann@acme.example" }, body: "We need more seats." };
    const ticket = { account_id: "acme", subject: "Seats", status: "open", created_at: "2026-06-02T14:10:00Z", comments: [comment] };
    const source = await writeTempFiles({
      "vendor.json": JSON.stringify({ product: "Lumen", vendor: "Lumen Metrics", vendor_email_domains: ["lumen.example"], tiers: [{ id: "team", name: "Team", capabilities: ["dashboards"] }] }),
      "accounts.json": JSON.stringify([account("acme")]),
      "tickets/export.json": JSON.stringify([{ ...ticket, id: "1" }, { ...ticket, id: "2", status: "maybe" }]),
    });
    const failure = await run("index", source).catch((error: unknown) => error);
    expect(written.pop()).toMatch(/: 1 indexed \(1 chunks\), 0 unchanged, 1 rejected\n$/);
    expect(exitCodeFor(failure)).toBe(65);
    expect((failure as InputError).message).toMatch(/^1 record rejected; everything else was indexed:\n.*record ticket 2, field "status"/);
    expect(progress.map((line) => JSON.parse(line) as { event: string })).toEqual([
      { event: "start", folder: source, documents: 1, changed: 1, unchanged: 0 },
      expect.objectContaining({ event: "document", accountId: "acme", sourceRef: "tickets/export.json#1", status: "indexed", chunks: 1, done: 1, total: 1, chunksSoFar: 1, embedded: 1 }),
      { event: "building-indexes" },
      expect.objectContaining({ event: "done", folder: source, documents: 1, indexed: 1, chunks: 1, embedded: 1 }),
    ]);
    const stored = await engine.database.query<{ source_ref: string }>("select source_ref from documents");
    expect(stored).toEqual([{ source_ref: "tickets/export.json#1" }]);
  });

  it("records the import as a run and an audit event", async () => {
    const runs = await engine.database.query<{ command: string; status: string }>("select command, status from runs order by id");
    expect(runs).toEqual([
      { command: "accounts import", status: "succeeded" },
      { command: "index", status: "succeeded" },
    ]);
    const events = await engine.database.query<{ action: string; subject_id: string }>("select action, subject_id from audit_events");
    expect(events).toEqual([{ action: "accounts.imported", subject_id: "good.json" }]);
  });
});

describe("evidence option values (no database)", () => {
  it("names a bad day option with exit 2 before looking for the database (not 66 for the missing one)", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), "evidence-no-db-"));
    const failure = async (...args: string[]) => {
      const program = createProgram({ environment: { EVIDENCE_DB: "missing-db" }, workingDirectory: folder, write: () => undefined, writeProgress: () => undefined });
      return program.parseAsync(["node", "evidence", ...args]).then(
        () => undefined,
        (error: unknown) => error,
      );
    };
    const cases: Array<[string[], string]> = [
      [["readiness", "acme", "--as-of", "garbage"], "--as-of"],
      [["readiness", "acme", "--dry-run", "--as-of", "2026-13-45"], "--as-of"],
      [["assess", "acme", "--as-of", "garbage"], "--as-of"],
      [["report", "acme", "--since", "last week"], "--since"],
      [["portfolio", "--renewal-before", "spring"], "--renewal-before"],
      [["search", "acme", "seats", "--since", "yesterday"], "--since"],
      [["ask", "acme", "seats?", "--until", "soon"], "--until"],
    ];
    for (const [args, option] of cases) {
      const error = await failure(...args);
      expect({ args, code: exitCodeFor(error) }).toEqual({ args, code: 2 });
      expect((error as Error).message).toContain(`${option} "`);
    }
    expect(existsSync(path.join(folder, "missing-db"))).toBe(false);
  });
});

describe("evidence (as a user runs it)", () => {
  it("--help lists every subcommand with one line each", () => {
    const help = runCli(["--help"]);
    expect(help.status).toBe(0);
    for (const command of ["demo", "accounts", "index", "taxonomy", "migrate"]) {
      expect(help.stdout).toMatch(new RegExp(`^  ${command}\\b.*\\S`, "m"));
    }
    expect(help.stdout).toContain("--db <dir|postgres://url>");
    expect(help.stdout).toContain("--json");
  });

  it("refuses a malformed account file with exit 65 before touching the database", async () => {
    const folder = await writeTempFiles({ "accounts.csv": "id,name,tier,arr,health\nacme,Acme,business,12x,green\n" });
    const result = runCli(["accounts", "import", "accounts.csv"], { cwd: folder, env: { EVIDENCE_DB: "db" } });
    expect(result.status).toBe(65);
    expect(result.stderr).toContain('accounts.csv, line 2, record acme, field "arr"');
    expect(existsSync(path.join(folder, "db"))).toBe(false);
  });

  it("prints the taxonomy as JSON", () => {
    const result = runCli(["taxonomy", "--json"]);
    expect(result.status).toBe(0);
    const taxonomy = JSON.parse(result.stdout) as { signals: Array<{ id: string }> };
    expect(taxonomy.signals).toHaveLength(22);
  });

  it("ends quietly with exit 0 when the reader has closed the pipe (evidence taxonomy --json | head)", async () => {
    // The whole taxonomy fits in a pipe's buffer, so a reader closing after its first line would never
    // make the write fail; a reader gone before the first write makes the EPIPE certain.
    const started = startCli(["taxonomy", "--json"]);
    started.child.stdout?.destroy();
    const ended = await started.finished;
    expect(ended.stderr).toBe("");
    expect([ended.status, ended.signal]).toEqual([0, null]);
    // A child process's start-up is slow on a loaded machine; the limit only stops a hang.
  }, 60_000);

  it("runs the demo on a fresh embedded database and reports every account", async () => {
    const directory = await mkdtemp(path.join(tmpdir(), "evidence-demo-"));
    const result = runCli(["--json", "demo"], { cwd: directory, env: { EVIDENCE_DB: "db" } });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const demo = JSON.parse(result.stdout) as {
      accounts: Array<{ id: string; tickets: number; calls: number }>;
      index: { indexed: number; rejected: number };
    };
    expect(demo.accounts).toHaveLength(8);
    expect(demo.index).toMatchObject({ indexed: 52, rejected: 0 });
    expect(existsSync(path.join(directory, "db", "PG_VERSION"))).toBe(true);
  });
});
