import { delay, http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import OpenAI from "openai";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { bufferedFetch, chatCompletion, chunksOf, MODEL_BASE_URL, passageIds, type ChatRequestBody } from "../../test/support/chat-completions.js";
import { ticketWith } from "../../test/support/factories.js";
import { Redactor } from "../models/redact-personal-data.js";
import { extractChunks } from "./extract-documents.js";
import { OpenAiExtractor } from "./openai-extractor.js";

const server = setupServer();
const requests: ChatRequestBody[] = [];

function extractor(overrides: { timeoutMs?: number; maxRetries?: number; redactor?: Redactor } = {}) {
  const client = new OpenAI({ apiKey: "test-key", baseURL: MODEL_BASE_URL, maxRetries: overrides.maxRetries ?? 2, timeout: overrides.timeoutMs ?? 30_000, fetch: bufferedFetch });
  return new OpenAiExtractor({ model: "test-model", apiKey: "test-key", client, ...(overrides.redactor === undefined ? {} : { redactor: overrides.redactor }) });
}

/** A scripted model: `answer` gets the request and returns the reply (a JSON value, a raw string or a Response). */
function model(answer: (body: ChatRequestBody, call: number) => unknown) {
  let call = 0;
  server.use(
    http.post(`${MODEL_BASE_URL}/chat/completions`, async ({ request }) => {
      const body = (await request.json()) as ChatRequestBody;
      requests.push(body);
      call += 1;
      const reply = answer(body, call);
      if (reply instanceof Response) return reply;
      return chatCompletion(typeof reply === "string" ? reply : JSON.stringify(reply));
    }),
  );
}

const seats = ticketWith("1", [
  ["customer", "Hi Sam. We ran out of seats last week and two shift leads share a login."],
  ["vendor", "Thanks Dana. You could add twenty more seats before renewal."],
]);
const freeze = ticketWith("2", [["customer", "There's a spending freeze until April, so nothing new this quarter."]]);

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  server.resetHandlers();
  requests.length = 0;
});
afterAll(() => server.close());

describe("OpenAiExtractor", () => {
  it("sends several chunks in one strict json_schema request and keeps what the model quotes verbatim", async () => {
    model((body) => {
      expect(passageIds(body)).toEqual(["c1", "c2", "c3"]);
      return {
        evidence: [
          { chunk: "c1", signal: "seat_pressure", quote: "We ran out of seats last week and two shift leads share a login.", confidence: 0.9 },
          { chunk: "c3", signal: "budget_pressure", quote: "There's a spending freeze until April, so nothing new this quarter.", confidence: 0.8 },
        ],
      };
    });
    const outcome = await extractChunks(chunksOf(seats, freeze), extractor());
    expect(requests).toHaveLength(1);
    expect(requests[0]?.response_format).toMatchObject({ type: "json_schema", json_schema: { name: "evidence", strict: true } });
    expect(requests[0]?.response_format?.json_schema?.schema).toMatchObject({ additionalProperties: false, required: ["evidence"] });
    expect(outcome.evidence.map((item) => [item.signalId, item.speaker, item.speakerRole, item.alignment])).toEqual([
      ["seat_pressure", "Dana Okafor", "customer", "exact"],
      ["budget_pressure", "Dana Okafor", "customer", "exact"],
    ]);
    expect(outcome.usage).toEqual({ promptTokens: 100, completionTokens: 20 });
    expect(outcome.failures).toEqual([]);
  });

  it("repairs malformed JSON once, showing the model its error", async () => {
    model((_body, call) =>
      call === 1 ? '{"evidence": [{"chunk": "c1", "signal": "seat_pressure", "quote": "We ran out' : { evidence: [{ chunk: "c1", signal: "seat_pressure", quote: "We ran out of seats last week", confidence: 0.9 }] },
    );
    const outcome = await extractChunks(chunksOf(seats), extractor());
    expect(requests).toHaveLength(2);
    const repair = requests[1]?.messages ?? [];
    expect(repair.at(-2)).toMatchObject({ role: "assistant", content: expect.stringContaining('"We ran out') });
    expect(repair.at(-1)?.content).toMatch(/not valid JSON/);
    expect(outcome.evidence.map((item) => item.quote)).toEqual(["We ran out of seats last week"]);
    expect(outcome.failures).toEqual([]);
  });

  it("gives up on the chunks after a failed repair, with the reason, and stores nothing", async () => {
    model(() => ({ evidence: [{ chunk: "c9", signal: "world_domination", quote: "x", confidence: 3 }] }));
    const outcome = await extractChunks(chunksOf(seats), extractor());
    expect(requests).toHaveLength(2);
    expect(requests[1]?.messages.at(-1)?.content).toMatch(/chunk|signal|confidence/);
    expect(outcome.evidence).toEqual([]);
    expect(outcome.failures).toHaveLength(2);
    expect(outcome.failures[0]).toMatchObject({ retryable: false, reason: expect.stringMatching(/still invalid after one repair/) });
  });

  it("rejects and counts a quote that is not in the source", async () => {
    model(() => ({ evidence: [{ chunk: "c1", signal: "seat_pressure", quote: "We need two hundred more seats by Friday.", confidence: 0.9 }] }));
    const outcome = await extractChunks(chunksOf(seats), extractor());
    expect(outcome.evidence).toEqual([]);
    expect(outcome.rejected).toEqual([expect.objectContaining({ reason: "quote_not_found", signalId: "seat_pressure" })]);
  });

  it("attributes a quote the vendor said to the vendor, never to the customer", async () => {
    model(() => ({ evidence: [{ chunk: "c2", signal: "seat_pressure", quote: "You could add twenty more seats before renewal.", confidence: 0.7 }] }));
    const outcome = await extractChunks(chunksOf(seats), extractor());
    expect(outcome.evidence.map((item) => [item.speaker, item.speakerRole])).toEqual([["Sam Ortiz", "vendor"]]);
  });

  it("waits as told by Retry-After on 429 and then succeeds", async () => {
    model((_body, call) =>
      call === 1 ? HttpResponse.json({ error: { message: "slow down" } }, { status: 429, headers: { "retry-after-ms": "5" } }) : { evidence: [] },
    );
    const outcome = await extractChunks(chunksOf(freeze), extractor());
    expect(requests).toHaveLength(2);
    expect(outcome.failures).toEqual([]);
  });

  it("fails the chunks, retryable, after repeated 500s, and never throws", async () => {
    model(() => HttpResponse.json({ error: { message: "boom" } }, { status: 500, headers: { "retry-after-ms": "1" } }));
    const outcome = await extractChunks(chunksOf(freeze), extractor());
    expect(requests).toHaveLength(3);
    expect(outcome.failures).toEqual([expect.objectContaining({ retryable: true, reason: expect.stringMatching(/HTTP 500/) })]);
    expect(outcome.evidence).toEqual([]);
  });

  it("turns a request that never answers into a failure after the timeout", async () => {
    server.use(
      http.post(`${MODEL_BASE_URL}/chat/completions`, async () => {
        await delay("infinite");
        return HttpResponse.json({});
      }),
    );
    const outcome = await extractChunks(chunksOf(freeze), extractor({ timeoutMs: 50, maxRetries: 0 }));
    expect(outcome.failures).toEqual([expect.objectContaining({ retryable: true, reason: expect.stringMatching(/timed out/i) })]);
  });

  it("sends no email or phone number, and restores them in returned quotes before the citation check", async () => {
    const contact = ticketWith("3", [["customer", "Please add seats for the new hub; call me on +1 (555) 014-2233 or write to dana.okafor@acme.example today."]]);
    model((body) => {
      const user = body.messages.find((message) => message.role === "user")?.content ?? "";
      const quote = /Please add seats[^\n]*today\./.exec(user)?.[0] ?? "";
      return { evidence: [{ chunk: "c1", signal: "seat_pressure", quote, confidence: 0.8 }] };
    });
    const outcome = await extractChunks(chunksOf(contact), extractor());
    const sent = JSON.stringify(requests);
    expect(sent).not.toMatch(/dana\.okafor|acme\.example|555|014-2233/);
    expect(sent).toContain("[EMAIL_1]");
    expect(outcome.evidence.map((item) => item.quote)).toEqual([
      "Please add seats for the new hub; call me on +1 (555) 014-2233 or write to dana.okafor@acme.example today.",
    ]);
  });

  it("sends the text as it is with redaction turned off", async () => {
    model(() => ({ evidence: [] }));
    await extractChunks(chunksOf(ticketWith("4", [["customer", "Write to dana.okafor@acme.example about seats."]])), extractor({ redactor: new Redactor({ enabled: false }) }));
    expect(JSON.stringify(requests)).toContain("dana.okafor@acme.example");
  });
});
