import { accountFacts } from "../../ask/account-facts.js";
import { askQuestion, type AskInput } from "../../ask/ask-question.js";
import type { AskResult } from "../../ask/answer-schema.js";
import type { Answerer } from "../../ask/answerer.js";
import { OpenAiAnswerer } from "../../ask/openai-answerer.js";
import { readEmbeddingSpace } from "../../db/embedding-space-store.js";
import { findAccount } from "../../db/readiness-input-store.js";
import { ConfigError, NotFoundError } from "../../errors.js";
import { createEmbedder } from "../../models/create-embedder.js";
import type { Embedder } from "../../models/embedder.js";
import { createOfflineEmbedder } from "../../models/hashing-embedder.js";
import { Redactor } from "../../models/redact-personal-data.js";
import { searchPassages, type SearchInput, type SearchResult } from "../../search/search-passages.js";
import type { Services } from "../services.js";

/**
 * The embedder queries must use: the one the database was indexed with (its stored embedding space), so a
 * query vector is comparable with the stored ones. The configured embedder when it is that one; an
 * OpenAI-compatible space otherwise, with the key and endpoint of the settings.
 */
export async function queryEmbedder(services: Services): Promise<Embedder> {
  const space = await readEmbeddingSpace(services.database);
  const offline = createOfflineEmbedder();
  if (space === undefined || space.modelId === offline.modelId) return offline;
  const configured = services.embedder();
  if (configured.modelId === space.modelId && configured.dimensions === space.dimensions) return configured;
  const settings = services.settings.embedder();
  if (settings.provider !== "openai") {
    throw new ConfigError(`This database was indexed with ${space.modelId} (${space.dimensions} dimensions); queries need the same model: pass --embedder openai (or set EVIDENCE_EMBEDDER=openai) with OPENAI_API_KEY.`);
  }
  return createEmbedder({ ...settings, model: space.modelId, dimensions: space.dimensions });
}

async function requireAccount(services: Services, accountId: string): Promise<void> {
  if ((await findAccount(services.database, accountId)) === undefined) {
    throw new NotFoundError(`No account "${accountId}". \`evidence accounts list\` shows the stored accounts.`);
  }
}

/**
 * Search one account's history (or every account's): ranked passages, each with its citation.
 *
 * @example await searchHistory(services, { accountId: "brightpath-logistics", query: "seats", limit: 5 })
 */
export async function searchHistory(services: Services, input: SearchInput): Promise<SearchResult> {
  if (input.accountId !== undefined && input.allAccounts !== true) await requireAccount(services, input.accountId);
  return searchPassages({ database: services.database, embedder: await queryEmbedder(services) }, input);
}

/** The answer model the settings name (`--answerer openai`, or the extractor settings), if any. */
export function answererOf(services: Services): Answerer | undefined {
  const models = services.settings.models();
  if (models.extraction.extractor === "offline") return undefined;
  return new OpenAiAnswerer({
    model: models.extraction.model,
    apiKey: models.extraction.apiKey,
    ...(models.extraction.baseURL === undefined ? {} : { baseURL: models.extraction.baseURL }),
    redactor: new Redactor({ enabled: models.redaction.enabled, extraPatterns: models.redaction.extraPatterns }),
  });
}

/**
 * Ask a question of one account's history: a cited answer (a model's, checked, or the passages' own
 * sentences), or "nothing in the history" with the closest passages; facts on record for people and time.
 *
 * @example await askHistory(services, { accountId: "kestrel-credit-union", question: "who is our champion?" })
 */
export async function askHistory(services: Services, input: AskInput, options: { readonly answerer?: Answerer } = {}): Promise<AskResult> {
  await requireAccount(services, input.accountId);
  const answerer = options.answerer ?? (input.mode === "extractive" ? undefined : answererOf(services));
  return askQuestion(
    { search: { database: services.database, embedder: await queryEmbedder(services) }, answerer, facts: accountFacts(services.database) },
    input,
  );
}
