import { ConfigError } from "../errors.js";
import type { Extractor } from "../extract/extractor.js";
import { OfflineExtractor } from "../extract/offline-extractor.js";

export const EVAL_EXTRACTORS = ["offline", "openai"] as const;
export type EvalExtractorName = (typeof EVAL_EXTRACTORS)[number];

/** Which extractor a run evaluates: its kind, and for a model the model id and prompt file to try. */
export interface ExtractorSpec {
  readonly name: EvalExtractorName;
  readonly model?: string;
  readonly promptFile?: string;
}

export type CreateExtractor = (spec: ExtractorSpec) => Extractor | Promise<Extractor>;

/**
 * The extractor for a run, picked once from the command line. The offline extractor has no model and no
 * prompt, so asking it for either is a mistake worth an error rather than a silently ignored flag.
 */
export async function createEvalExtractor(spec: ExtractorSpec): Promise<Extractor> {
  if (spec.name === "offline") {
    if (spec.model !== undefined || spec.promptFile !== undefined) {
      throw new ConfigError("The offline extractor has no model or prompt: drop --model/--prompt, or pass --extractor openai.");
    }
    return new OfflineExtractor();
  }
  throw new ConfigError("The OpenAI extractor is not available in this build yet; run the eval with --extractor offline.");
}
