import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProgram } from "../src/cli/program.js";
import { createToken, hashToken } from "../src/config/access-tokens.js";
import { loadServeConfig } from "../src/config/serve-config.js";
import type { Database } from "../src/db/database.js";
import { ConfigError } from "../src/errors.js";
import { startPgliteEngine, type TestEngine } from "./support/engines.js";

/**
 * `evidence serve` and `evidence token create` through the program, in process: the server is started by
 * the command exactly as from a terminal, and told to stop by the test instead of by Ctrl-C. (That serve
 * holds the embedded database's lock, and what a waiting command is told, is in directory-lock.test.ts.)
 */
describe("evidence serve and evidence token create", () => {
  let engine: TestEngine;

  beforeAll(async () => {
    engine = await startPgliteEngine();
  });

  afterAll(async () => {
    await engine?.stop();
  });

  function program(environment: NodeJS.ProcessEnv, written: string[], untilStopped?: () => Promise<unknown>) {
    const shared: Database = { ...engine.database, close: async () => undefined };
    return createProgram({
      environment,
      workingDirectory: process.cwd(),
      write: (text) => written.push(text),
      writeProgress: () => undefined,
      openDatabase: async () => ({ database: shared, migrations: { applied: [], alreadyApplied: 1 } }),
      ...(untilStopped === undefined ? {} : { untilStopped }),
    });
  }

  it("creates a token whose settings entry holds only its hash and is accepted by the server's settings", async () => {
    const written: string[] = [];
    await program({}, written).parseAsync(["node", "evidence", "--json", "token", "create", "--reviewer", "Maya Chen", "--role", "reader", "--accounts", "acme,globex"]);
    const created = JSON.parse(written.join("")) as { token: string; entry: { sha256: string } };
    expect(created.entry).toEqual({ reviewer: "Maya Chen", role: "reader", accounts: ["acme", "globex"], sha256: hashToken(created.token) });
    expect(JSON.stringify(created.entry)).not.toContain(created.token);
    expect(loadServeConfig({ environment: { EVIDENCE_TOKENS: JSON.stringify([created.entry]) } }).tokens).toHaveLength(1);
  });

  it("serves the API, the OpenAPI document and the review page until told to stop, then frees the port", async () => {
    const { token, entry } = createToken({ reviewer: "Maya Chen", role: "reviewer", accounts: "*" });
    const written: string[] = [];
    let stop: () => void = () => undefined;
    let listening: (url: string) => void = () => undefined;
    const started = new Promise<string>((resolve) => (listening = resolve));
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const run = program({ EVIDENCE_TOKENS: JSON.stringify([entry]) }, written, async () => {
      listening((JSON.parse(written.join("")) as { url: string }).url);
      await stopped;
    }).parseAsync(["node", "evidence", "--json", "serve", "--port", "0"]);
    const url = await started;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${url}/openapi.json`)).status).toBe(200);
    expect((await fetch(`${url}/api/accounts`)).status).toBe(401);
    expect(await (await fetch(`${url}/api/accounts`, { headers: { authorization: `Bearer ${token}` } })).json()).toEqual({ accounts: [] });
    expect((await fetch(`${url}/sign-in`)).headers.get("content-security-policy")).toContain("default-src 'none'");
    stop();
    await run;
    await expect(fetch(`${url}/openapi.json`)).rejects.toThrow();
  });

  it("refuses to start without any token, saying how to create one", async () => {
    const failure = await program({}, []).parseAsync(["node", "evidence", "serve", "--port", "0"]).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ConfigError);
    expect((failure as Error).message).toContain("evidence token create");
  });
});
