import { http, HttpResponse, delay } from "msw";
import OpenAI from "openai";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ProviderError } from "../errors.js";
import { OpenAiEmbedder } from "./openai-embedder.js";

const BASE_URL = "http://embeddings.test/v1";
const server = setupServer();
const requests: Array<{ input: string[] }> = [];

/** A fake embedding: [length of the text, 1, 0], so each vector can be traced to its input. */
function answer(input: string[]) {
  return HttpResponse.json({
    object: "list",
    model: "test-embed",
    data: input.map((text, index) => ({ object: "embedding", index, embedding: [text.length, 1, 0] })).reverse(),
    usage: { prompt_tokens: 1, total_tokens: 1 },
  });
}

/**
 * Cancelling the body of a response made by msw never settles (mswjs/interceptors#799), and the SDK
 * cancels error bodies before it retries. Reading the body into a plain Response first keeps the SDK's
 * real retry path under test.
 */
const bufferedFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  return new Response(await response.arrayBuffer(), { status: response.status, statusText: response.statusText, headers: response.headers });
};

function embedder(overrides: { batchSize?: number; timeoutMs?: number; maxRetries?: number } = {}) {
  const client = new OpenAI({
    apiKey: "test-key",
    baseURL: BASE_URL,
    maxRetries: overrides.maxRetries ?? 2,
    timeout: overrides.timeoutMs ?? 30_000,
    fetch: bufferedFetch,
  });
  return new OpenAiEmbedder({ model: "test-embed", dimensions: 3, apiKey: "test-key", client, ...(overrides.batchSize === undefined ? {} : { batchSize: overrides.batchSize }) });
}

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  server.resetHandlers();
  requests.length = 0;
});
afterAll(() => server.close());

describe("OpenAiEmbedder", () => {
  it("sends inputs in batches and returns vectors in input order", async () => {
    server.use(
      http.post(`${BASE_URL}/embeddings`, async ({ request }) => {
        const body = (await request.json()) as { input: string[]; model: string; dimensions: number };
        requests.push(body);
        expect(body).toMatchObject({ model: "test-embed", dimensions: 3 });
        return answer(body.input);
      }),
    );
    const vectors = await embedder({ batchSize: 2 }).embedDocuments(["a", "bb", "ccc", "dddd", "eeeee"]);
    expect(requests.map((request) => request.input)).toEqual([["a", "bb"], ["ccc", "dddd"], ["eeeee"]]);
    expect(vectors.map((vector) => vector[0])).toEqual([1, 2, 3, 4, 5]);
  });

  it("waits as told by Retry-After on 429 and then succeeds", async () => {
    let calls = 0;
    server.use(
      http.post(`${BASE_URL}/embeddings`, async ({ request }) => {
        calls += 1;
        if (calls === 1) return HttpResponse.json({ error: { message: "slow down" } }, { status: 429, headers: { "retry-after-ms": "5" } });
        return answer(((await request.json()) as { input: string[] }).input);
      }),
    );
    expect(await embedder().embedQuery("hello")).toEqual([5, 1, 0]);
    expect(calls).toBe(2);
  });

  it("gives up after the retries on repeated 500s with a retryable ProviderError", async () => {
    let calls = 0;
    server.use(
      http.post(`${BASE_URL}/embeddings`, () => {
        calls += 1;
        return HttpResponse.json({ error: { message: "boom" } }, { status: 500, headers: { "retry-after-ms": "1" } });
      }),
    );
    const failure = await embedder().embedDocuments(["x"]).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ProviderError);
    expect(failure).toMatchObject({ status: 500, retryable: true });
    expect(calls).toBe(3);
  });

  it("does not retry a 400 and says so", async () => {
    let calls = 0;
    server.use(
      http.post(`${BASE_URL}/embeddings`, () => {
        calls += 1;
        return HttpResponse.json({ error: { message: "bad model" } }, { status: 400 });
      }),
    );
    await expect(embedder().embedQuery("x")).rejects.toMatchObject({ status: 400, retryable: false });
    expect(calls).toBe(1);
  });

  it("turns a request that never answers into a ProviderError after the timeout", async () => {
    server.use(
      http.post(`${BASE_URL}/embeddings`, async () => {
        await delay("infinite");
        return HttpResponse.json({});
      }),
    );
    const failure = await embedder({ timeoutMs: 50, maxRetries: 0 }).embedQuery("x").catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ProviderError);
    expect((failure as ProviderError).message).toMatch(/timed out/i);
  });

  it("sends no email address or phone number to the provider", async () => {
    server.use(
      http.post(`${BASE_URL}/embeddings`, async ({ request }) => {
        const body = (await request.json()) as { input: string[] };
        requests.push(body);
        return answer(body.input);
      }),
    );
    await embedder().embedDocuments(["Reach Dana at dana.okafor@brightpath.example or +1 (555) 014-2233 about the seats."]);
    const sent = JSON.stringify(requests);
    expect(sent).not.toMatch(/dana\.okafor|@brightpath|555/);
    expect(sent).toContain("[EMAIL_1]");
    expect(sent).toContain("[PHONE_1]");
  });

  it("refuses vectors of the wrong size", async () => {
    server.use(http.post(`${BASE_URL}/embeddings`, () => HttpResponse.json({ object: "list", model: "m", data: [{ object: "embedding", index: 0, embedding: [1, 2] }], usage: { prompt_tokens: 1, total_tokens: 1 } })));
    await expect(embedder().embedQuery("x")).rejects.toThrow(/expected 3 dimensions/);
  });
});
