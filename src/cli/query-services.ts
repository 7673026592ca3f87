import { loadEmbedderConfig } from "../config/embedder-config.js";
import { loadModelConfig } from "../config/model-config.js";
import type { Database } from "../db/database.js";
import { readEmbeddingSpace } from "../db/embedding-space-store.js";
import { findAccount } from "../db/readiness-input-store.js";
import { OpenAiAnswerer } from "../ask/openai-answerer.js";
import type { Answerer } from "../ask/answerer.js";
import { NotFoundError } from "../errors.js";
import { createEmbedder } from "../models/create-embedder.js";
import type { Embedder } from "../models/embedder.js";
import { createOfflineEmbedder } from "../models/hashing-embedder.js";
import { Redactor } from "../models/redact-personal-data.js";

/**
 * The embedder queries must use: the one the database was indexed with (its stored embedding space), so
 * a query vector is comparable with the stored ones. An OpenAI space reads its key and endpoint from the
 * environment, as `index --embedder openai` does.
 */
export async function queryEmbedderFor(database: Database, environment: NodeJS.ProcessEnv): Promise<Embedder> {
  const offline = createOfflineEmbedder();
  const space = await readEmbeddingSpace(database);
  if (space === undefined || space.modelId === offline.modelId) return offline;
  return createEmbedder(loadEmbedderConfig({ embedder: "openai", model: space.modelId, dimensions: space.dimensions, environment }));
}

/** The answer model, when `--answerer openai` (or EVIDENCE_ANSWERER) asks for one; the model settings are extraction's. */
export function answererFrom(options: { answerer?: string | undefined; model?: string | undefined; redact?: boolean | undefined }, environment: NodeJS.ProcessEnv): Answerer | undefined {
  const choice = options.answerer ?? environment.EVIDENCE_ANSWERER ?? "offline";
  const config = loadModelConfig({ extractor: choice, model: options.model, redact: options.redact, environment });
  if (config.extraction.extractor === "offline") return undefined;
  return new OpenAiAnswerer({
    model: config.extraction.model,
    apiKey: config.extraction.apiKey,
    ...(config.extraction.baseURL === undefined ? {} : { baseURL: config.extraction.baseURL }),
    redactor: new Redactor({ enabled: config.redaction.enabled, extraPatterns: config.redaction.extraPatterns }),
  });
}

/** Refuses an account that is not stored, naming it. */
export async function requireAccount(database: Database, accountId: string): Promise<void> {
  if ((await findAccount(database, accountId)) === undefined) throw new NotFoundError(`No account "${accountId}". \`evidence accounts list\` shows the stored accounts.`);
}
