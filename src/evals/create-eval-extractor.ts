import { readFile } from "node:fs/promises";
import { loadModelConfig } from "../config/model-config.js";
import { ConfigError } from "../errors.js";
import { createExtractor } from "../extract/create-extractor.js";
import { EvidencePrompt, readPromptFiles } from "../extract/evidence-prompt.js";
import type { Extractor } from "../extract/extractor.js";
import { OfflineExtractor } from "../extract/offline-extractor.js";
import type { VendorProfile } from "../ingest/vendor-profile.js";

export const EVAL_EXTRACTORS = ["offline", "openai"] as const;
export type EvalExtractorName = (typeof EVAL_EXTRACTORS)[number];

/** Which extractor a run evaluates: its kind, and for a model the model id and prompt file to try. */
export interface ExtractorSpec {
  readonly name: EvalExtractorName;
  readonly model?: string;
  /** A variant of prompts/extract-evidence.system.md (same template variables); the user and repair templates stay. */
  readonly promptFile?: string;
  /** The gold vendor profile: the offline extractor never takes the vendor's own names for another tool. */
  readonly vendor?: VendorProfile;
}

export type CreateExtractor = (spec: ExtractorSpec) => Extractor | Promise<Extractor>;

/**
 * The extractor for a run, picked once from the command line and the environment (OPENAI_API_KEY,
 * EVIDENCE_OPENAI_BASE_URL or OPENAI_BASE_URL, EVIDENCE_MODEL, as `evidence extract` reads them). The
 * offline extractor has no model and no prompt, so asking it for either is an error, not an ignored flag.
 * Every chunk goes to the model: the eval scores the extractor, not the prefilter in front of it.
 */
export function evalExtractorFactory(environment: NodeJS.ProcessEnv): CreateExtractor {
  return async (spec) => {
    if (spec.name === "offline") {
      if (spec.model !== undefined || spec.promptFile !== undefined) {
        throw new ConfigError("The offline extractor has no model or prompt: drop --model/--prompt/--ab, or pass --extractor openai.");
      }
      return new OfflineExtractor({ vendor: spec.vendor });
    }
    const config = loadModelConfig({ extractor: "openai", model: spec.model, environment });
    if (config.extraction.extractor !== "openai") throw new ConfigError("The openai extractor was asked for but not configured.");
    let prompt: EvidencePrompt | undefined;
    if (spec.promptFile !== undefined) {
      let system: string;
      try {
        system = await readFile(spec.promptFile, "utf8");
      } catch (error) {
        throw new ConfigError(`Cannot read the prompt file ${spec.promptFile} (from --prompt or --ab): ${(error as Error).message}`, { cause: error });
      }
      prompt = new EvidencePrompt({ ...readPromptFiles(), system });
    }
    // The same factory as `evidence extract`, without the prefilter: the eval scores the extractor alone.
    return createExtractor(config, { prefilter: false, prompt }).extractor;
  };
}
