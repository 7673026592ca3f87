import OpenAI from "openai";

export interface OpenAiClientOptions {
  readonly apiKey?: string | undefined;
  /** An OpenAI-compatible endpoint (Azure, vLLM, Ollama, LM Studio); default api.openai.com. */
  readonly baseURL?: string | undefined;
  readonly timeoutMs: number;
  readonly maxRetries?: number | undefined;
}

/**
 * The one place an OpenAI client is made, for every job (embed, extract): the SDK's own retries
 * (408/409/429/5xx, Retry-After, back-off) are bounded here.
 *
 * @example const client = createOpenAiClient({ apiKey: process.env.OPENAI_API_KEY, timeoutMs: 30_000 });
 */
export function createOpenAiClient(options: OpenAiClientOptions): OpenAI {
  return new OpenAI({
    apiKey: options.apiKey,
    ...(options.baseURL === undefined ? {} : { baseURL: options.baseURL }),
    timeout: options.timeoutMs,
    maxRetries: options.maxRetries ?? 4,
  });
}
