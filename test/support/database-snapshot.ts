import type { Database } from "../../src/db/database.js";

/**
 * What an index run leaves behind, independent of row ids and timing: every document and every chunk
 * (texts and vectors by hash), the embedding space and which search indexes exist. Two databases with
 * equal snapshots hold the same index.
 */
export async function indexSnapshot(database: Database): Promise<unknown> {
  return {
    documents: await database.query(
      `select account_id, source_ref, kind, title, occurred_at::text as occurred_at, content_hash, md5(full_text) as text_hash,
              md5(metadata::text) as metadata_hash
         from documents order by account_id, source_ref`,
    ),
    chunks: await database.query(
      `select d.account_id, d.source_ref, c.ordinal, c.start_offset, c.end_offset, md5(c.text) as text_hash, c.speaker, c.speaker_role,
              c.call_offset_seconds, c.comment_ref, md5(c.embedding::text) as embedding_hash, c.embedding_model
         from chunks c join documents d on d.id = c.document_id
        order by d.account_id, d.source_ref, c.ordinal`,
    ),
    space: await database.query("select model_id, dimensions from embedding_space"),
    indexes: await database.query("select indexname from pg_indexes where tablename = 'chunks' order by indexname"),
  };
}

/** Documents stored without a single chunk, and chunks whose document is gone: both must be zero. */
export async function brokenDocuments(database: Database): Promise<{ withoutChunks: number; orphanChunks: number }> {
  const [row] = await database.query<{ without_chunks: number | string; orphan_chunks: number | string }>(
    `select (select count(*) from documents d where not exists (select 1 from chunks c where c.document_id = d.id)) as without_chunks,
            (select count(*) from chunks c where not exists (select 1 from documents d where d.id = c.document_id)) as orphan_chunks`,
  );
  return { withoutChunks: Number(row?.without_chunks), orphanChunks: Number(row?.orphan_chunks) };
}
