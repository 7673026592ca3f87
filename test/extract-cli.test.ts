import { http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exitCodeFor } from "../src/cli/exit-codes.js";
import { ConfigError } from "../src/errors.js";
import { chatCompletion, MODEL_BASE_URL, type ChatRequestBody } from "./support/chat-completions.js";
import { startPgliteEngine, type TestEngine } from "./support/engines.js";
import { writeAcmeSourceFolder } from "./support/temp-files.js";
import { runInProcess } from "./support/run-cli.js";

const comment = (id: string, author: { name: string; email: string }, body: string) => ({ id, created_at: "2026-06-02T14:10:00Z", author, body });
const dana = { name: "Dana Okafor", email: "dana@acme.example" };
const sam = { name: "Sam Ortiz", email: "sam@lumen.example" };

describe("evidence extract and evidence evidence", () => {
  let engine: TestEngine;
  let folder: string;
  const written: string[] = [];
  const server = setupServer();
  const requests: ChatRequestBody[] = [];

  async function run(environment: NodeJS.ProcessEnv, ...args: string[]): Promise<void> {
    await runInProcess(engine.database, args, { environment, workingDirectory: folder, write: (text) => written.push(text) });
  }
  const lastJson = <T>() => JSON.parse(written.pop() ?? "") as T;

  beforeAll(async () => {
    server.listen({ onUnhandledRequest: "error" });
    engine = await startPgliteEngine();
    folder = await writeAcmeSourceFolder([
        {
          id: "4412",
          account_id: "acme",
          subject: "Seats",
          status: "open",
          created_at: "2026-06-02T14:10:00Z",
          comments: [
            comment("1", dana, "We ran out of seats last week, reach me at dana.okafor@acme.example or +1 (555) 014-2233."),
            comment("2", sam, "You could add twenty more seats before renewal."),
            comment("3", dana, "Also, there's a spending freeze until April."),
          ],
        },
      ]);
    await run({}, "index", ".");
    written.length = 0;
  });
  afterAll(async () => {
    server.close();
    await engine?.stop();
  });

  it("extracts offline, prints the summary, and answers a re-run from the cache", async () => {
    await run({}, "--json", "extract");
    expect(lastJson<Record<string, unknown>>()).toMatchObject({ chunksRead: 3, cached: 0, evidence: { total: 2, customer: 2, vendor: 0 }, failures: [] });
    await run({}, "extract", "--account", "acme");
    const text = written.pop() ?? "";
    expect(text).toMatch(/Chunks: 3 read, 3 answered from the cache, 0 sent/);
    expect(text).toMatch(/Evidence: 2 stored \(2 customer, 0 vendor, 0 unknown speaker\); 0 new, 0 removed/);
  });

  it("lists evidence with citations, filtered by signal", async () => {
    await run({}, "evidence", "acme");
    const text = written.pop() ?? "";
    expect(text).toContain("seat_pressure (1)");
    expect(text).toContain("ticket #4412, comment 1, Dana Okafor (customer)");
    await run({}, "--json", "evidence", "acme", "--signal", "budget_pressure");
    const listed = lastJson<{ evidence: Array<{ signalId: string; citation: string; quote: string }> }>();
    expect(listed.evidence).toEqual([expect.objectContaining({ signalId: "budget_pressure", quote: "Also, there's a spending freeze until April.", citation: "ticket #4412, comment 3, Dana Okafor (customer)" })]);
  });

  it("refuses the openai extractor without a key, naming the variable and the flag (exit 2)", async () => {
    const failure = await run({}, "extract", "--extractor", "openai").catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ConfigError);
    expect((failure as Error).message).toMatch(/OPENAI_API_KEY.*--extractor offline/);
    expect(exitCodeFor(failure)).toBe(2);
  });

  it("extracts with a model at the configured base URL, redacted, keeping vendor speech apart", async () => {
    server.use(
      http.post(`${MODEL_BASE_URL}/chat/completions`, async ({ request }) => {
        const body = (await request.json()) as ChatRequestBody;
        requests.push(body);
        expect(body.model).toBe("test-model");
        return chatCompletion(
          JSON.stringify({
            evidence: [
              { chunk: "c1", signal: "seat_pressure", quote: "We ran out of seats last week, reach me at [EMAIL_1] or [PHONE_1].", confidence: 0.9 },
              { chunk: "c2", signal: "seat_pressure", quote: "You could add twenty more seats before renewal.", confidence: 0.5 },
            ],
          }),
        );
      }),
    );
    await run({ OPENAI_API_KEY: "test-key", OPENAI_BASE_URL: MODEL_BASE_URL }, "--json", "extract", "--extractor", "openai", "--model", "test-model", "--no-prefilter");
    expect(lastJson<Record<string, unknown>>()).toMatchObject({ sent: 3, evidence: { customer: 1, vendor: 1 }, failures: [] });
    expect(requests).toHaveLength(1);
    expect(JSON.stringify(requests)).not.toMatch(/dana\.okafor|555/);
    await run({}, "--json", "evidence", "acme", "--include-vendor");
    const listed = lastJson<{ evidence: Array<{ quote: string; speakerRole: string }>; vendorEvidence: Array<{ speakerRole: string }> }>();
    expect(listed.evidence.map((row) => [row.quote, row.speakerRole])).toEqual([["We ran out of seats last week, reach me at dana.okafor@acme.example or +1 (555) 014-2233.", "customer"]]);
    expect(listed.vendorEvidence.map((row) => row.speakerRole)).toEqual(["vendor"]);
  });
});
