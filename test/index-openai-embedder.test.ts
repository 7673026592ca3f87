import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPgliteEngine, type TestEngine } from "./support/engines.js";
import { writeAcmeSourceFolder } from "./support/temp-files.js";
import { runInProcess } from "./support/run-cli.js";

const BASE_URL = "http://embeddings.test/v1";

describe("evidence index --embedder openai", () => {
  let engine: TestEngine;
  let folder: string;
  const server = setupServer();
  const inputs: string[] = [];
  const written: string[] = [];

  async function run(environment: NodeJS.ProcessEnv, ...args: string[]): Promise<void> {
    await runInProcess(engine.database, args, { environment, workingDirectory: folder, write: (text) => written.push(text) });
  }

  beforeAll(async () => {
    server.use(
      http.post(`${BASE_URL}/embeddings`, async ({ request }) => {
        const body = (await request.json()) as { input: string[]; dimensions: number };
        inputs.push(...body.input);
        return HttpResponse.json({
          object: "list",
          model: "test-embed",
          data: body.input.map((text, index) => ({ object: "embedding", index, embedding: Array.from({ length: body.dimensions }, (_, slot) => (slot === text.length % body.dimensions ? 1 : 0)) })),
          usage: { prompt_tokens: 1, total_tokens: 1 },
        });
      }),
    );
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
            { id: "1", created_at: "2026-06-02T14:10:00Z", author: { name: "Dana Okafor", email: "dana@acme.example" }, body: "We ran out of seats, write to dana.okafor@acme.example." },
            { id: "2", created_at: "2026-06-02T15:10:00Z", author: { name: "Sam Ortiz", email: "sam@lumen.example" }, body: "You could add twenty more seats." },
          ],
        },
      ]);
  });
  afterAll(async () => {
    server.close();
    await engine?.stop();
  });

  it("embeds through the configured endpoint, redacted, and records the model and size of the vectors", async () => {
    const environment = { OPENAI_API_KEY: "test-key", OPENAI_BASE_URL: BASE_URL };
    await run(environment, "--json", "index", ".", "--embedder", "openai", "--embedding-model", "test-embed", "--embedding-dimensions", "8");
    expect(JSON.parse(written.pop() ?? "{}")).toMatchObject({ embedder: "test-embed" });
    expect(inputs.length).toBeGreaterThan(0);
    expect(inputs.join("\n")).not.toContain("dana.okafor@acme.example");
    const [space] = await engine.database.query<{ model_id: string; dimensions: number }>("select model_id, dimensions from embedding_space");
    expect(space).toEqual({ model_id: "test-embed", dimensions: 8 });
    const [stored] = await engine.database.query<{ dims: number; text: string }>(
      "select vector_dims(embedding) as dims, text from chunks where text like '%dana.okafor%'",
    );
    // The stored text keeps the customer's own words; only what left the machine was redacted.
    expect(stored?.dims).toBe(8);
  });

  it("refuses the offline embedder on a database of openai vectors, and says how to re-index", async () => {
    await expect(run({}, "index", ".")).rejects.toThrow(/test-embed.*(--db|--reembed)/s);
  });
});
