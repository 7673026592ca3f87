import { ConfigError } from "../errors.js";
import type { Queryable } from "./database.js";
import { dropSearchIndexes } from "./search-indexes.js";

/** The model and dimension every vector in a database belongs to (migration 002). */
export interface EmbeddingSpace {
  readonly modelId: string;
  readonly dimensions: number;
}

export async function readEmbeddingSpace(database: Queryable): Promise<EmbeddingSpace | undefined> {
  const [row] = await database.query<{ model_id: string; dimensions: number }>("select model_id, dimensions from embedding_space");
  return row === undefined ? undefined : { modelId: row.model_id, dimensions: Number(row.dimensions) };
}

/**
 * Makes `wanted` the database's embedding space, or confirms it already is. A database holding vectors
 * of another model or size is refused with the two ways out: a new database, or `--reembed`.
 */
export async function claimEmbeddingSpace(transaction: Queryable, wanted: EmbeddingSpace, location: string): Promise<void> {
  const current = await readEmbeddingSpace(transaction);
  if (current === undefined) {
    await transaction.query("insert into embedding_space (model_id, dimensions) values ($1, $2)", [wanted.modelId, wanted.dimensions]);
    return;
  }
  if (current.modelId === wanted.modelId && current.dimensions === wanted.dimensions) return;
  throw new ConfigError(
    `The database at ${location} holds embeddings from "${current.modelId}" (${current.dimensions} dimensions), ` +
      `but the configured embedder is "${wanted.modelId}" (${wanted.dimensions} dimensions). Vectors of different ` +
      "models cannot be compared, so they are never mixed. Either index into a new database " +
      "(evidence --db <new-dir-or-url> index <folder...>), or re-embed this one: evidence index --reembed <folder...> " +
      "forgets every stored document and vector (of all folders) and indexes the given folders again.",
  );
}

/**
 * Starts the database over in a new embedding space: every document and chunk goes (evidence extracted
 * from them too), the record of which files were indexed, and the vector index, whose dimension may
 * change. One transaction: a run killed just
 * after it simply has nothing indexed yet.
 */
export async function resetEmbeddingSpace(transaction: Queryable, space: EmbeddingSpace): Promise<void> {
  // Truncate rather than delete: no dead rows of the old size are left for the next index build to read.
  await transaction.query("truncate chunks, documents, source_files cascade");
  await dropSearchIndexes(transaction);
  await transaction.query("delete from embedding_space");
  await transaction.query("insert into embedding_space (model_id, dimensions) values ($1, $2)", [space.modelId, space.dimensions]);
}
