import type { BaseMessage } from "@langchain/core/messages";
import { createOpenAiClient } from "../models/openai-client.js";
import OpenAI from "openai";
import pLimit from "p-limit";
import { z } from "zod";
import { ExtractionError, ProviderError } from "../errors.js";
import { providerErrorFrom } from "../models/provider-error.js";
import { Redactor, type RedactionSession } from "../models/redact-personal-data.js";
import { EvidencePrompt } from "./evidence-prompt.js";
import { evidenceOutputSchema, evidenceResponseFormat, type EvidenceOutput } from "./evidence-output-schema.js";
import type { CandidateEvidence, ChunkExtraction, ExtractionChunk, Extractor } from "./extractor.js";

export interface OpenAiExtractorOptions {
  readonly model: string;
  readonly apiKey: string;
  /** Any OpenAI-compatible endpoint (Azure, vLLM, Ollama, LM Studio). */
  readonly baseURL?: string;
  /** Requests in flight at once. */
  readonly concurrency?: number;
  /** Per request, in milliseconds. */
  readonly timeoutMs?: number;
  /** Retries of 408/409/429/5xx and timeouts; the SDK backs off exponentially and honours Retry-After. */
  readonly maxRetries?: number;
  /** Chunks per request: the instructions and taxonomy are sent once for all of them. */
  readonly maxChunksPerRequest?: number;
  /** Characters of passage text per request, so one request never grows past the model's comfort. */
  readonly maxCharactersPerRequest?: number;
  /** Personal data is replaced by placeholders before text leaves the machine (default: on). */
  readonly redactor?: Redactor;
  readonly prompt?: EvidencePrompt;
  /** For tests: a preconfigured client. */
  readonly client?: OpenAI;
}

/**
 * Request budgets. The instructions and taxonomy are about 4,000 tokens and are sent with every request,
 * so packing about ten chunks (some 3,000 tokens of passages) into one request spends most tokens on the
 * passages themselves while keeping each answer short enough to stay reliable.
 */
/**
 * Passages per request. The character budget below is what bounds a request; whole chunks reach it at
 * about eight passages, while the prefilter's trimmed passages (a few sentences each) pack many more, and
 * every request repeats the long system prompt, so fewer requests is most of what the prefilter saves.
 */
export const DEFAULT_MAX_CHUNKS_PER_REQUEST = 20;
export const DEFAULT_MAX_CHARACTERS_PER_REQUEST = 12_000;

type ChatMessage = OpenAI.Chat.Completions.ChatCompletionMessageParam;

function toChatMessage(message: BaseMessage): ChatMessage {
  const content = typeof message.content === "string" ? message.content : JSON.stringify(message.content);
  return message.getType() === "system" ? { role: "system", content } : { role: "user", content };
}

/**
 * The characters of a chunk a request carries: its speakers' lines (only the windows a prefilter kept, when
 * it trimmed the chunk) and its context turns.
 */
export function passageCharacters(chunk: ExtractionChunk): number {
  const end = chunk.startOffset + chunk.text.length;
  const lines = chunk.segments.reduce((sum, segment) => sum + Math.max(0, Math.min(segment.end, end) - Math.max(segment.start, chunk.startOffset)), 0);
  return lines + (chunk.context ?? []).reduce((sum, turn) => sum + turn.text.length, 0);
}

/** Groups chunks into requests that respect both budgets, in order. */
export function batchChunks(chunks: readonly ExtractionChunk[], maxChunks: number, maxCharacters: number): ExtractionChunk[][] {
  const batches: ExtractionChunk[][] = [];
  let current: ExtractionChunk[] = [];
  let characters = 0;
  for (const chunk of chunks) {
    const size = passageCharacters(chunk);
    if (current.length > 0 && (current.length >= maxChunks || characters + size > maxCharacters)) {
      batches.push(current);
      current = [];
      characters = 0;
    }
    current.push(chunk);
    characters += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** Parses and validates a model answer; the issues say what a repair request tells the model. */
function parseAnswer(rawText: string, schema: ReturnType<typeof evidenceOutputSchema>): { success: true; data: EvidenceOutput } | { success: false; issues: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(rawText);
  } catch (error) {
    return { success: false, issues: [`the reply is not valid JSON (${(error as Error).message})`] };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { success: true, data: parsed.data };
  return { success: false, issues: [z.prettifyError(parsed.error)] };
}

/**
 * Extraction by an OpenAI-compatible chat model with structured output. Several chunks go in one request;
 * an answer that fails validation gets one repair request showing the model its error, then the chunks
 * are given up with the reason. Provider failures (after the SDK's retries) fail the chunks of that
 * request, never the run. Text is redacted before it leaves and quotes are restored when they return.
 */
export class OpenAiExtractor implements Extractor {
  readonly provider = "openai";
  readonly modelId: string;
  readonly promptHash: string;
  private readonly client: OpenAI;
  private readonly limit: ReturnType<typeof pLimit>;
  private readonly redactor: Redactor;
  private readonly prompt: EvidencePrompt;
  private readonly maxChunksPerRequest: number;
  private readonly maxCharactersPerRequest: number;

  constructor(options: OpenAiExtractorOptions) {
    this.modelId = options.model;
    this.prompt = options.prompt ?? new EvidencePrompt();
    this.promptHash = this.prompt.hash;
    this.redactor = options.redactor ?? new Redactor();
    this.limit = pLimit(options.concurrency ?? 4);
    this.maxChunksPerRequest = options.maxChunksPerRequest ?? DEFAULT_MAX_CHUNKS_PER_REQUEST;
    this.maxCharactersPerRequest = options.maxCharactersPerRequest ?? DEFAULT_MAX_CHARACTERS_PER_REQUEST;
    this.client =
      options.client ??
      createOpenAiClient({ apiKey: options.apiKey, baseURL: options.baseURL, timeoutMs: options.timeoutMs ?? 60_000, maxRetries: options.maxRetries });
  }

  async extract(chunks: readonly ExtractionChunk[]): Promise<ChunkExtraction[]> {
    const batches = batchChunks(chunks, this.maxChunksPerRequest, this.maxCharactersPerRequest);
    const results = await Promise.all(batches.map((batch) => this.limit(() => this.extractBatch(batch))));
    return results.flat();
  }

  private async extractBatch(batch: readonly ExtractionChunk[]): Promise<ChunkExtraction[]> {
    const session = this.redactor.session();
    const request = await this.prompt.render(batch, (text) => session.redact(text));
    const chunkIds = [...request.chunkKeyOf.keys()];
    const schema = evidenceOutputSchema(chunkIds);
    const messages = request.messages.map(toChatMessage);
    let promptTokens = 0;
    let completionTokens = 0;
    const fail = (reason: string, retryable: boolean): ChunkExtraction[] =>
      batch.map((chunk, index) => ({
        key: chunk.key,
        candidates: [],
        failure: { reason, retryable },
        ...(index === 0 ? { usage: { promptTokens, completionTokens } } : {}),
        cached: false,
      }));
    try {
      let rawText = await this.complete(messages, chunkIds, (usage) => {
        promptTokens += usage.prompt_tokens;
        completionTokens += usage.completion_tokens;
      });
      let answer = parseAnswer(rawText, schema);
      if (!answer.success) {
        // One repair: the model sees its own answer and what was wrong with it.
        const repair = await this.prompt.renderRepair(answer.issues.join("\n"), chunkIds);
        rawText = await this.complete([...messages, { role: "assistant", content: rawText }, { role: "user", content: repair }], chunkIds, (usage) => {
          promptTokens += usage.prompt_tokens;
          completionTokens += usage.completion_tokens;
        });
        answer = parseAnswer(rawText, schema);
        if (!answer.success) {
          throw new ExtractionError(`The model's answer was still invalid after one repair: ${answer.issues.join("; ")}`, { rawText, issues: answer.issues });
        }
      }
      return this.toResults(batch, request.chunkKeyOf, answer.data, session, { promptTokens, completionTokens });
    } catch (error) {
      if (error instanceof ExtractionError) return fail(error.message, false);
      if (error instanceof ProviderError) return fail(error.message, error.retryable);
      throw error;
    }
  }

  /** One chat completion with the strict response format; provider failures become ProviderError. */
  private async complete(messages: ChatMessage[], chunkIds: readonly string[], onUsage: (usage: OpenAI.CompletionUsage) => void): Promise<string> {
    let response: OpenAI.Chat.Completions.ChatCompletion;
    try {
      response = await this.client.chat.completions.create({
        model: this.modelId,
        messages,
        temperature: 0,
        response_format: evidenceResponseFormat(chunkIds),
      });
    } catch (error) {
      throw providerErrorFrom(error, "Extraction request", this.client.baseURL);
    }
    if (response.usage !== undefined) onUsage(response.usage);
    const message = response.choices[0]?.message;
    if (message?.refusal) throw new ExtractionError(`The model refused: ${message.refusal}`, { rawText: message.refusal, issues: ["refusal"] });
    return message?.content ?? "";
  }

  private toResults(
    batch: readonly ExtractionChunk[],
    chunkKeyOf: ReadonlyMap<string, string>,
    answer: EvidenceOutput,
    session: RedactionSession,
    usage: { promptTokens: number; completionTokens: number },
  ): ChunkExtraction[] {
    const candidatesByKey = new Map<string, CandidateEvidence[]>(batch.map((chunk) => [chunk.key, []]));
    for (const item of answer.evidence) {
      const key = chunkKeyOf.get(item.chunk);
      if (key === undefined) continue;
      candidatesByKey.get(key)?.push({ signalId: item.signal, quote: session.restore(item.quote), confidence: item.confidence });
    }
    // Tokens are shared by the chunks of a request: each is charged its share of the passage text.
    const totalCharacters = batch.reduce((sum, chunk) => sum + chunk.text.length, 0) || 1;
    let promptLeft = usage.promptTokens;
    let completionLeft = usage.completionTokens;
    return batch.map((chunk, index) => {
      const last = index === batch.length - 1;
      const share = chunk.text.length / totalCharacters;
      const promptTokens = last ? promptLeft : Math.round(usage.promptTokens * share);
      const completionTokens = last ? completionLeft : Math.round(usage.completionTokens * share);
      promptLeft -= promptTokens;
      completionLeft -= completionTokens;
      return { key: chunk.key, candidates: candidatesByKey.get(chunk.key) ?? [], usage: { promptTokens, completionTokens }, cached: false };
    });
  }
}
