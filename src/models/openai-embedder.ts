import OpenAI from "openai";
import { createOpenAiClient } from "./openai-client.js";
import pLimit from "p-limit";
import { ProviderError } from "../errors.js";
import { providerErrorFrom } from "./provider-error.js";
import { Embedder } from "./embedder.js";
import { Redactor } from "./redact-personal-data.js";

export interface OpenAiEmbedderOptions {
  readonly model: string;
  readonly dimensions: number;
  readonly apiKey: string;
  /** Any OpenAI-compatible endpoint (Azure, vLLM, Ollama, LM Studio). */
  readonly baseURL?: string;
  /** Inputs per request. */
  readonly batchSize?: number;
  /** Requests in flight at once. */
  readonly concurrency?: number;
  /** Per request, in milliseconds. */
  readonly timeoutMs?: number;
  /** Retries of 408/409/429/5xx and timeouts; the SDK backs off exponentially and honours Retry-After. */
  readonly maxRetries?: number;
  /** For tests: a preconfigured client. */
  readonly client?: OpenAI;
  /** Personal data is replaced by placeholders before texts leave the machine (default: on). */
  readonly redactor?: Redactor;
}

/**
 * Embeddings from an OpenAI-compatible API, batched and run with bounded concurrency. Retries are the
 * SDK's (one well-tested policy); what still fails becomes a ProviderError carrying the HTTP status.
 */
export class OpenAiEmbedder extends Embedder {
  readonly provider = "openai";
  readonly modelId: string;
  readonly dimensions: number;
  private readonly client: OpenAI;
  private readonly batchSize: number;
  private readonly limit: ReturnType<typeof pLimit>;
  private readonly redactor: Redactor;

  constructor(options: OpenAiEmbedderOptions) {
    super({});
    this.modelId = options.model;
    this.dimensions = options.dimensions;
    this.batchSize = options.batchSize ?? 96;
    this.limit = pLimit(options.concurrency ?? 4);
    this.redactor = options.redactor ?? new Redactor();
    this.client =
      options.client ??
      createOpenAiClient({ apiKey: options.apiKey, baseURL: options.baseURL, timeoutMs: options.timeoutMs ?? 30_000, maxRetries: options.maxRetries });
  }

  async embedDocuments(documents: string[]): Promise<number[][]> {
    const batches: string[][] = [];
    for (let start = 0; start < documents.length; start += this.batchSize) batches.push(documents.slice(start, start + this.batchSize));
    const results = await Promise.all(batches.map((batch) => this.limit(() => this.embedBatch(batch))));
    return results.flat();
  }

  async embedQuery(document: string): Promise<number[]> {
    const [vector] = await this.embedBatch([document]);
    if (vector === undefined) throw new ProviderError("The embedding API returned no vector for the query.", { retryable: false });
    return vector;
  }

  private async embedBatch(inputs: string[]): Promise<number[][]> {
    const session = this.redactor.session();
    const redacted = inputs.map((input) => session.redact(input));
    let response: OpenAI.Embeddings.CreateEmbeddingResponse;
    try {
      // Floats, not the SDK's default base64: every OpenAI-compatible server supports them.
      response = await this.client.embeddings.create({ model: this.modelId, input: redacted, dimensions: this.dimensions, encoding_format: "float" });
    } catch (error) {
      throw providerErrorFrom(error, "Embedding request", this.client.baseURL);
    }
    const vectors = [...response.data].sort((a, b) => a.index - b.index).map((item) => item.embedding);
    if (vectors.length !== inputs.length || vectors.some((vector) => vector.length !== this.dimensions)) {
      throw new ProviderError(
        `The embedding API returned ${vectors.length} vectors of ${vectors[0]?.length ?? 0} dimensions for ${inputs.length} inputs; expected ${this.dimensions} dimensions each.`,
        { retryable: false },
      );
    }
    return vectors;
  }
}
