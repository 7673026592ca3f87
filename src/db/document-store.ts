import pgvector from "pgvector";
import type { SpeakerRole } from "../ingest/speaker-role.js";
import type { Queryable } from "./database.js";

export interface NewChunk {
  readonly ordinal: number;
  readonly startOffset: number;
  readonly endOffset: number;
  readonly text: string;
  readonly speaker?: string | undefined;
  readonly speakerRole: SpeakerRole;
  readonly callOffsetSeconds?: number | undefined;
  readonly commentRef?: string | undefined;
  readonly embedding?: readonly number[] | undefined;
  readonly embeddingModel?: string | undefined;
}

export interface NewDocument {
  readonly accountId: string;
  readonly kind: "ticket" | "call";
  readonly sourceRef: string;
  readonly title?: string | undefined;
  readonly occurredAt?: string | undefined;
  readonly fullText: string;
  readonly contentHash: string;
  readonly metadata?: Record<string, unknown>;
  readonly chunks: readonly NewChunk[];
}

const CHUNK_COLUMNS = 12;

/**
 * Replaces the document stored under `sourceRef` (and its chunks) with this one. Call inside a
 * transaction so readers never see a document without its chunks. Returns the document id.
 */
export async function replaceDocument(transaction: Queryable, document: NewDocument): Promise<number> {
  await transaction.query("delete from documents where source_ref = $1", [document.sourceRef]);
  const [inserted] = await transaction.query<{ id: number | string }>(
    `insert into documents (account_id, kind, source_ref, title, occurred_at, full_text, content_hash, metadata)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
    [
      document.accountId,
      document.kind,
      document.sourceRef,
      document.title ?? null,
      document.occurredAt ?? null,
      document.fullText,
      document.contentHash,
      JSON.stringify(document.metadata ?? {}),
    ],
  );
  const documentId = Number(inserted?.id);
  if (document.chunks.length > 0) {
    const placeholders = document.chunks.map((_, index) => {
      const base = index * CHUNK_COLUMNS;
      const columns = Array.from({ length: CHUNK_COLUMNS }, (_, column) => `$${base + column + 1}`);
      columns[10] = `${columns[10]}::vector`;
      return `(${columns.join(", ")})`;
    });
    await transaction.query(
      `insert into chunks (document_id, account_id, ordinal, start_offset, end_offset, text, speaker, speaker_role,
                           call_offset_seconds, comment_ref, embedding, embedding_model)
       values ${placeholders.join(", ")}`,
      document.chunks.flatMap((chunk) => [
        documentId,
        document.accountId,
        chunk.ordinal,
        chunk.startOffset,
        chunk.endOffset,
        chunk.text,
        chunk.speaker ?? null,
        chunk.speakerRole,
        chunk.callOffsetSeconds ?? null,
        chunk.commentRef ?? null,
        // Vectors travel as pgvector's text form so the same query works on both engines.
        chunk.embedding === undefined ? null : pgvector.toSql([...chunk.embedding]),
        chunk.embedding === undefined ? null : (chunk.embeddingModel ?? null),
      ]),
    );
  }
  return documentId;
}

export interface ChunkHit {
  readonly chunkId: number;
  readonly documentId: number;
  readonly accountId: string;
  readonly sourceRef: string;
  readonly text: string;
  readonly speaker: string | null;
  readonly speakerRole: SpeakerRole;
  /** Cosine distance for vector search, ts_rank for full-text search. */
  readonly score: number;
}

interface ChunkHitRow {
  chunk_id: number | string;
  document_id: number | string;
  account_id: string;
  source_ref: string;
  text: string;
  speaker: string | null;
  speaker_role: SpeakerRole;
  score: number | string;
}

function toHit(row: ChunkHitRow): ChunkHit {
  return {
    chunkId: Number(row.chunk_id),
    documentId: Number(row.document_id),
    accountId: row.account_id,
    sourceRef: row.source_ref,
    text: row.text,
    speaker: row.speaker,
    speakerRole: row.speaker_role,
    score: Number(row.score),
  };
}

export interface ChunkSearch {
  readonly accountId?: string | undefined;
  readonly limit?: number;
}

/** Nearest chunks by cosine distance, optionally inside one account. */
export async function nearestChunks(
  database: Queryable,
  embedding: readonly number[],
  search: ChunkSearch = {},
): Promise<ChunkHit[]> {
  const rows = await database.query<ChunkHitRow>(
    `select c.id as chunk_id, c.document_id, c.account_id, d.source_ref, c.text, c.speaker, c.speaker_role,
            c.embedding <=> $1::vector as score
       from chunks c join documents d on d.id = c.document_id
      where c.embedding is not null and ($2::text is null or c.account_id = $2)
      order by c.embedding <=> $1::vector
      limit $3`,
    [pgvector.toSql([...embedding]), search.accountId ?? null, search.limit ?? 10],
  );
  return rows.map(toHit);
}

/** Full-text matches ranked by ts_rank, optionally inside one account. */
export async function searchChunks(database: Queryable, query: string, search: ChunkSearch = {}): Promise<ChunkHit[]> {
  const rows = await database.query<ChunkHitRow>(
    `select c.id as chunk_id, c.document_id, c.account_id, d.source_ref, c.text, c.speaker, c.speaker_role,
            ts_rank(c.search_vector, q) as score
       from chunks c join documents d on d.id = c.document_id, websearch_to_tsquery('english', $1) q
      where c.search_vector @@ q and ($2::text is null or c.account_id = $2)
      order by score desc, c.id
      limit $3`,
    [query, search.accountId ?? null, search.limit ?? 10],
  );
  return rows.map(toHit);
}

/** A stored embedding back as numbers (pgvector's text form parsed on both engines). */
export async function chunkEmbedding(database: Queryable, chunkId: number): Promise<number[] | undefined> {
  const rows = await database.query<{ embedding: string | null }>(
    "select embedding::text as embedding from chunks where id = $1",
    [chunkId],
  );
  const text = rows[0]?.embedding;
  return text === undefined || text === null ? undefined : (pgvector.fromSql(text) as number[]);
}
