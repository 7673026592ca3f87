import type { EmbedderConfig } from "../config/embedder-config.js";
import type { Embedder } from "./embedder.js";
import { createOfflineEmbedder } from "./hashing-embedder.js";
import { OpenAiEmbedder } from "./openai-embedder.js";
import { Redactor } from "./redact-personal-data.js";

/** The embedder the configuration names, picked once at start-up and injected into the index job. */
export function createEmbedder(config: EmbedderConfig): Embedder {
  if (config.provider === "offline") return createOfflineEmbedder();
  return new OpenAiEmbedder({
    model: config.model,
    dimensions: config.dimensions,
    apiKey: config.apiKey,
    ...(config.baseURL === undefined ? {} : { baseURL: config.baseURL }),
    redactor: new Redactor({ enabled: config.redact }),
  });
}
