import { z } from "zod";
import { ConfigError } from "../errors.js";

export const DEFAULT_EXTRACTION_MODEL = "gpt-4.1-mini";

const extractorConfigSchema = z.discriminatedUnion("extractor", [
  z.object({ extractor: z.literal("offline") }),
  z.object({
    extractor: z.literal("openai"),
    model: z.string().trim().min(1),
    apiKey: z.string().min(1),
    baseURL: z.url().optional(),
  }),
]);

const modelConfigSchema = z.object({
  extraction: extractorConfigSchema,
  redaction: z.object({ enabled: z.boolean(), extraPatterns: z.array(z.string()) }),
  concurrency: z.number().int().min(1).max(64),
});

export type ModelConfig = z.infer<typeof modelConfigSchema>;

export interface ModelConfigSources {
  readonly extractor?: string | undefined;
  readonly model?: string | undefined;
  /** `--no-redact` makes this false. */
  readonly redact?: boolean | undefined;
  readonly redactPatterns?: readonly string[] | undefined;
  readonly concurrency?: string | number | undefined;
  readonly environment: NodeJS.ProcessEnv;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}

/**
 * Model settings, resolved once at start-up; a flag beats the environment. `--extractor` >
 * `EVIDENCE_EXTRACTOR` > offline; `--model` > `EVIDENCE_MODEL`; `EVIDENCE_OPENAI_BASE_URL` >
 * `OPENAI_BASE_URL`; `OPENAI_API_KEY`; extra redaction patterns from `--redact-pattern` and
 * `EVIDENCE_REDACT_PATTERNS` (a JSON array of regular expressions).
 */
export function loadModelConfig(sources: ModelConfigSources): ModelConfig {
  const environment = sources.environment;
  const extractor = nonEmpty(sources.extractor) ?? nonEmpty(environment.EVIDENCE_EXTRACTOR) ?? "offline";
  if (extractor !== "offline" && extractor !== "openai") {
    throw new ConfigError(`Unknown extractor "${extractor}" (from --extractor or EVIDENCE_EXTRACTOR): use offline or openai.`);
  }
  const apiKey = nonEmpty(environment.OPENAI_API_KEY);
  if (extractor === "openai" && apiKey === undefined) {
    throw new ConfigError("The openai extractor needs an API key: set OPENAI_API_KEY, or pass --extractor offline to run without a model.");
  }
  const baseURL = nonEmpty(environment.EVIDENCE_OPENAI_BASE_URL) ?? nonEmpty(environment.OPENAI_BASE_URL);
  const concurrencyText = sources.concurrency ?? nonEmpty(environment.EVIDENCE_CONCURRENCY) ?? 4;
  const parsed = modelConfigSchema.safeParse({
    extraction:
      extractor === "offline"
        ? { extractor }
        : { extractor, model: nonEmpty(sources.model) ?? nonEmpty(environment.EVIDENCE_MODEL) ?? DEFAULT_EXTRACTION_MODEL, apiKey, ...(baseURL === undefined ? {} : { baseURL }) },
    redaction: { enabled: sources.redact ?? true, extraPatterns: [...(sources.redactPatterns ?? []), ...environmentPatterns(environment.EVIDENCE_REDACT_PATTERNS)] },
    concurrency: Number(concurrencyText),
  });
  if (!parsed.success) {
    throw new ConfigError(
      `Invalid model settings (from --model, --concurrency, EVIDENCE_OPENAI_BASE_URL or OPENAI_BASE_URL): ${z.prettifyError(parsed.error)}`,
      { cause: parsed.error },
    );
  }
  for (const pattern of parsed.data.redaction.extraPatterns) {
    try {
      new RegExp(pattern, "g");
    } catch (error) {
      throw new ConfigError(`Redaction pattern ${JSON.stringify(pattern)} (from --redact-pattern or EVIDENCE_REDACT_PATTERNS) is not a valid regular expression.`, { cause: error });
    }
  }
  return parsed.data;
}

function environmentPatterns(value: string | undefined): string[] {
  const text = nonEmpty(value);
  if (text === undefined) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ConfigError('EVIDENCE_REDACT_PATTERNS must be a JSON array of regular expressions, e.g. ["KCU-\\\\d+"].', { cause: error });
  }
  const patterns = z.array(z.string()).safeParse(parsed);
  if (!patterns.success) throw new ConfigError('EVIDENCE_REDACT_PATTERNS must be a JSON array of strings, e.g. ["KCU-\\\\d+"].');
  return patterns.data;
}
