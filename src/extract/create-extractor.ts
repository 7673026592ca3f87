import type { ModelConfig } from "../config/model-config.js";
import { Redactor } from "../models/redact-personal-data.js";
import { CandidatePrefilter } from "./candidate-prefilter.js";
import type { EvidencePrompt } from "./evidence-prompt.js";
import type { Extractor } from "./extractor.js";
import { OfflineExtractor } from "./offline-extractor.js";
import { OpenAiExtractor } from "./openai-extractor.js";

/**
 * The extractor the configuration asks for, picked once at start-up, and the prefilter that goes with it:
 * a model extractor gets one (calls cost money), the offline extractor reads every chunk.
 */
export function createExtractor(
  config: ModelConfig,
  options: { readonly prefilter?: boolean; readonly prompt?: EvidencePrompt | undefined } = {},
): { extractor: Extractor; prefilter?: CandidatePrefilter } {
  const extraction = config.extraction;
  if (extraction.extractor === "offline") return { extractor: new OfflineExtractor() };
  const extractor = new OpenAiExtractor({
    model: extraction.model,
    apiKey: extraction.apiKey,
    ...(extraction.baseURL === undefined ? {} : { baseURL: extraction.baseURL }),
    concurrency: config.concurrency,
    redactor: new Redactor({ enabled: config.redaction.enabled, extraPatterns: config.redaction.extraPatterns }),
    ...(options.prompt === undefined ? {} : { prompt: options.prompt }),
  });
  return options.prefilter === false ? { extractor } : { extractor, prefilter: new CandidatePrefilter() };
}
