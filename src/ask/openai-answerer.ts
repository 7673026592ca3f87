import type { BaseMessage } from "@langchain/core/messages";
import OpenAI from "openai";
import { z } from "zod";
import { ExtractionError } from "../errors.js";
import { createOpenAiClient } from "../models/openai-client.js";
import { providerErrorFrom } from "../models/provider-error.js";
import { Redactor, type RedactionSession } from "../models/redact-personal-data.js";
import { MODEL_ANSWER_RESPONSE_FORMAT, modelAnswerSchema, type ModelAnswer } from "./answer-schema.js";
import type { Answerer, AnswerRequest } from "./answerer.js";
import { AskPrompt } from "./ask-prompt.js";

export interface OpenAiAnswererOptions {
  readonly model: string;
  readonly apiKey: string;
  readonly baseURL?: string;
  readonly timeoutMs?: number;
  readonly maxRetries?: number;
  /** Personal data is replaced by placeholders before text leaves the machine (default: on). */
  readonly redactor?: Redactor;
  readonly prompt?: AskPrompt;
  /** For tests: a preconfigured client. */
  readonly client?: OpenAI;
}

type ChatMessage = OpenAI.Chat.Completions.ChatCompletionMessageParam;

function toChatMessage(message: BaseMessage): ChatMessage {
  const content = typeof message.content === "string" ? message.content : JSON.stringify(message.content);
  return message.getType() === "system" ? { role: "system", content } : { role: "user", content };
}

/**
 * Cited answers from an OpenAI-compatible chat model with a strict JSON response format. The question,
 * facts and passages are redacted as extraction's are; placeholders in the reply are restored before the
 * citation check sees it. An unparseable reply is an ExtractionError (the ask use case then answers
 * extractively and counts the failure).
 */
export class OpenAiAnswerer implements Answerer {
  readonly provider = "openai";
  readonly modelId: string;
  readonly promptHash: string;
  private readonly client: OpenAI;
  private readonly redactor: Redactor;
  private readonly prompt: AskPrompt;
  // One redaction session per request, kept for its repair: the same placeholders on both turns.
  private readonly sessions = new WeakMap<AnswerRequest, { session: RedactionSession; messages: ChatMessage[]; lastReply: string }>();

  constructor(options: OpenAiAnswererOptions) {
    this.modelId = options.model;
    this.prompt = options.prompt ?? new AskPrompt();
    this.promptHash = this.prompt.hash;
    this.redactor = options.redactor ?? new Redactor();
    this.client = options.client ?? createOpenAiClient({ apiKey: options.apiKey, baseURL: options.baseURL, timeoutMs: options.timeoutMs ?? 60_000, maxRetries: options.maxRetries });
  }

  async answer(request: AnswerRequest): Promise<ModelAnswer> {
    const session = this.redactor.session();
    const messages = (await this.prompt.render(request, (text) => session.redact(text))).map(toChatMessage);
    const reply = await this.complete(messages);
    this.sessions.set(request, { session, messages, lastReply: reply });
    return this.parse(reply, session);
  }

  async repair(request: AnswerRequest, _previous: ModelAnswer, problems: readonly string[]): Promise<ModelAnswer> {
    const state = this.sessions.get(request);
    if (state === undefined) return this.answer(request);
    const repair = await this.prompt.renderRepair(problems.map((problem) => state.session.redact(problem)).join("\n"), request.passages.length);
    const messages: ChatMessage[] = [...state.messages, { role: "assistant", content: state.lastReply }, { role: "user", content: repair }];
    const reply = await this.complete(messages);
    return this.parse(reply, state.session);
  }

  private parse(reply: string, session: RedactionSession): ModelAnswer {
    let json: unknown;
    try {
      json = JSON.parse(reply);
    } catch (error) {
      throw new ExtractionError("The model's answer is not valid JSON.", { rawText: reply, issues: [(error as Error).message], cause: error });
    }
    const parsed = modelAnswerSchema.safeParse(json);
    if (!parsed.success) throw new ExtractionError("The model's answer does not match the answer schema.", { rawText: reply, issues: [z.prettifyError(parsed.error)] });
    return {
      sentences: parsed.data.sentences.map((sentence) => ({
        text: session.restore(sentence.text),
        citations: sentence.citations,
        quotes: sentence.quotes.map((quote) => session.restore(quote)),
      })),
    };
  }

  private async complete(messages: ChatMessage[]): Promise<string> {
    let response: OpenAI.Chat.Completions.ChatCompletion;
    try {
      response = await this.client.chat.completions.create({ model: this.modelId, messages, temperature: 0, response_format: MODEL_ANSWER_RESPONSE_FORMAT });
    } catch (error) {
      throw providerErrorFrom(error, "Answer request", this.client.baseURL);
    }
    const message = response.choices[0]?.message;
    if (message?.refusal) throw new ExtractionError(`The model refused: ${message.refusal}`, { rawText: message.refusal, issues: ["refusal"] });
    return message?.content ?? "";
  }
}
