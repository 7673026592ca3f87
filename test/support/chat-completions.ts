import { HttpResponse } from "msw";
import { chunkDocument } from "../../src/index/chunk-document.js";
import type { CanonicalDocument } from "../../src/ingest/canonical-document.js";
import { extractionChunksOf } from "../../src/extract/extraction-chunks.js";
import type { ExtractionChunk } from "../../src/extract/extractor.js";

export const MODEL_BASE_URL = "http://model.test/v1";

export interface ChatRequestBody {
  model: string;
  messages: Array<{ role: string; content: string }>;
  response_format?: { type: string; json_schema?: { name: string; strict: boolean; schema: Record<string, unknown> } };
}

/** An OpenAI chat completion whose message content is `content` (a JSON text or anything else). */
export function chatCompletion(content: string, usage = { prompt_tokens: 100, completion_tokens: 20 }) {
  return HttpResponse.json({
    id: "chatcmpl-test",
    object: "chat.completion",
    created: 0,
    model: "test-model",
    choices: [{ index: 0, finish_reason: "stop", message: { role: "assistant", content, refusal: null } }],
    usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
  });
}

/**
 * Cancelling the body of a response made by msw never settles (mswjs/interceptors#799), and the SDK
 * cancels error bodies before it retries. Reading the body into a plain Response first keeps the SDK's
 * real retry path under test.
 */
export const bufferedFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  return new Response(await response.arrayBuffer(), { status: response.status, statusText: response.statusText, headers: response.headers });
};

/** The passage ids of a request, in order ("c1", "c2"...). */
export function passageIds(body: ChatRequestBody): string[] {
  const user = body.messages.find((message) => message.role === "user")?.content ?? "";
  return [...user.matchAll(/^BEGIN PASSAGE (\S+) /gm)].map((match) => match[1] ?? "");
}


export function chunksOf(...documents: CanonicalDocument[]): ExtractionChunk[] {
  return documents.flatMap((document) => extractionChunksOf(document, chunkDocument(document)));
}
