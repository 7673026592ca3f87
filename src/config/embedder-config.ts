import { z } from "zod";
import { ConfigError } from "../errors.js";

export const DEFAULT_EMBEDDING_MODEL = "text-embedding-3-small";
export const DEFAULT_EMBEDDING_DIMENSIONS = 1536;

const embedderConfigSchema = z.discriminatedUnion("provider", [
  z.object({ provider: z.literal("offline") }),
  z.object({
    provider: z.literal("openai"),
    model: z.string().trim().min(1),
    dimensions: z.number().int().min(1).max(16_000),
    apiKey: z.string().min(1),
    baseURL: z.url().optional(),
    redact: z.boolean(),
  }),
]);

export type EmbedderConfig = z.infer<typeof embedderConfigSchema>;

export interface EmbedderConfigSources {
  readonly embedder?: string | undefined;
  readonly model?: string | undefined;
  readonly dimensions?: string | number | undefined;
  /** `--no-redact` makes this false. */
  readonly redact?: boolean | undefined;
  readonly environment: NodeJS.ProcessEnv;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}

/**
 * Which embedder the index job uses, resolved once at start-up; a flag beats the environment:
 * `--embedder` > `EVIDENCE_EMBEDDER` > offline; `--embedding-model` > `EVIDENCE_EMBEDDING_MODEL`;
 * `--embedding-dimensions` > `EVIDENCE_EMBEDDING_DIMENSIONS`; the key is `OPENAI_API_KEY`, the endpoint
 * `EVIDENCE_OPENAI_BASE_URL` > `OPENAI_BASE_URL` (Azure, vLLM, Ollama, LM Studio...).
 *
 * @example loadEmbedderConfig({ environment: process.env }) // { provider: "offline" }
 */
export function loadEmbedderConfig(sources: EmbedderConfigSources): EmbedderConfig {
  const environment = sources.environment;
  const provider = nonEmpty(sources.embedder) ?? nonEmpty(environment.EVIDENCE_EMBEDDER) ?? "offline";
  if (provider === "offline") return { provider };
  if (provider !== "openai") {
    throw new ConfigError(`Unknown embedder "${provider}" (from --embedder or EVIDENCE_EMBEDDER): use offline or openai.`);
  }
  const apiKey = nonEmpty(environment.OPENAI_API_KEY);
  if (apiKey === undefined) {
    throw new ConfigError("The openai embedder needs an API key: set OPENAI_API_KEY, or pass --embedder offline to index without a model.");
  }
  const baseURL = nonEmpty(environment.EVIDENCE_OPENAI_BASE_URL) ?? nonEmpty(environment.OPENAI_BASE_URL);
  const dimensions = sources.dimensions ?? nonEmpty(environment.EVIDENCE_EMBEDDING_DIMENSIONS) ?? DEFAULT_EMBEDDING_DIMENSIONS;
  const parsed = embedderConfigSchema.safeParse({
    provider,
    model: nonEmpty(sources.model) ?? nonEmpty(environment.EVIDENCE_EMBEDDING_MODEL) ?? DEFAULT_EMBEDDING_MODEL,
    dimensions: Number(dimensions),
    apiKey,
    ...(baseURL === undefined ? {} : { baseURL }),
    redact: sources.redact ?? true,
  });
  if (!parsed.success) {
    throw new ConfigError(
      "Invalid embedder settings (from --embedding-model, --embedding-dimensions, EVIDENCE_EMBEDDING_DIMENSIONS, " +
        `EVIDENCE_OPENAI_BASE_URL or OPENAI_BASE_URL): ${z.prettifyError(parsed.error)}`,
      { cause: parsed.error },
    );
  }
  return parsed.data;
}
