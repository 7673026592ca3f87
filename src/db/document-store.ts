import pgvector from "pgvector";
import type { CanonicalDocument } from "../ingest/canonical-document.js";
import type { SpeakerRole } from "../ingest/speaker-role.js";
import { copyBinaryRows, vectorArrayParameter, type BinaryColumnType, type BinaryValue } from "./binary-rows.js";
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
  /** Who said which part of the text, with document offsets (see StoredTurn). */
  readonly turns?: ReadonlyArray<StoredTurn> | undefined;
  readonly embedding?: readonly number[] | undefined;
  readonly embeddingModel?: string | undefined;
}

/**
 * One speaker's words inside a chunk, as stored in `chunks.turns`: where they sit in the chunk's text and
 * in the document's full text (so a citation still points at the source), who said them, and when or in
 * which comment.
 */
export interface StoredTurn {
  readonly speaker: string;
  readonly speakerRole: SpeakerRole;
  /** [textStart, textEnd) in the chunk's text. */
  readonly textStart: number;
  readonly textEnd: number;
  /** [documentStart, documentEnd) in the document's full text; the two spans hold the same words. */
  readonly documentStart: number;
  readonly documentEnd: number;
  readonly callOffsetSeconds?: number;
  readonly commentRef?: string;
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
  /** The chunking the chunks were cut with (index/chunk-document's CHUNKING_VERSION). */
  readonly chunkingVersion?: number;
  readonly chunks: readonly NewChunk[];
}

/** A canonical document as stored: its text, hash and speaker segments (which citations read), with chunks. */
export function storedDocumentOf(document: CanonicalDocument, chunks: readonly NewChunk[], chunkingVersion?: number): NewDocument {
  return {
    ...(chunkingVersion === undefined ? {} : { chunkingVersion }),
    accountId: document.accountId,
    kind: document.kind,
    sourceRef: document.sourceRef,
    title: document.title,
    occurredAt: document.occurredAt,
    fullText: document.fullText,
    contentHash: document.contentHash,
    metadata: { segments: document.segments },
    chunks,
  };
}

/** A stored document's identity: references are unique per account (see migration 002). */
export function documentKey(accountId: string, sourceRef: string): string {
  return `${accountId}\u0000${sourceRef}`;
}

// Any fixed number: every writer of documents takes it, so two index jobs on one server write in turn.
const DOCUMENT_WRITE_LOCK = 7_340_003;

/**
 * Serialises document writes across processes on a PostgreSQL server until the transaction ends. Take
 * it first in every transaction that writes documents, then re-read what it depends on: another job
 * may have written the same documents while this one was embedding them.
 */
export async function lockDocumentWrites(transaction: Queryable): Promise<void> {
  await transaction.query("select pg_advisory_xact_lock($1)", [DOCUMENT_WRITE_LOCK]);
}

/**
 * Content hashes of the stored documents of these accounts (only those with one of `sourceRefs` when
 * given), by documentKey. With `chunkingVersion`, a document chunked by another version is left out, so
 * it counts as changed and is chunked again.
 */
export async function storedContentHashes(
  database: Queryable,
  accountIds: readonly string[],
  sourceRefs?: readonly string[],
  chunkingVersion?: number,
): Promise<Map<string, string>> {
  const rows = await database.query<{ account_id: string; source_ref: string; content_hash: string }>(
    `select account_id, source_ref, content_hash from documents
      where account_id = any($1::text[]) and ($2::text[] is null or source_ref = any($2::text[]))
        and ($3::integer is null or chunking_version = $3)`,
    [accountIds, sourceRefs ?? null, chunkingVersion ?? null],
  );
  return new Map(rows.map((row) => [documentKey(row.account_id, row.source_ref), row.content_hash]));
}

const CHUNK_COLUMN_NAMES =
  "document_id, account_id, ordinal, start_offset, end_offset, text, speaker, speaker_role, call_offset_seconds, comment_ref, embedding, embedding_model, turns";
const CHUNK_COLUMN_TYPES: readonly BinaryColumnType[] = ["int8", "text", "int4", "int4", "int4", "text", "text", "text", "float8", "text", "vector", "text", "jsonb"];

/**
 * Writes documents with their chunks in three statements whatever their number: the old versions go
 * (their chunks with them), the documents go in as one multi-row insert, and the chunks as one binary
 * COPY (embedded engine) or one `unnest` insert with a binary vector array (`pg`). Call inside a
 * transaction so that readers never see a document without its chunks.
 *
 * A document replaces the one stored under the same source reference in any of `scopeAccountIds`
 * (default: its own account), so a ticket that moved to another account of the same folder moves.
 * Returns the new document ids, in order.
 */
export async function writeDocuments(
  transaction: Queryable,
  documents: readonly NewDocument[],
  options: { scopeAccountIds?: readonly string[] } = {},
): Promise<number[]> {
  if (documents.length === 0) return [];
  const scope = options.scopeAccountIds ?? [...new Set(documents.map((document) => document.accountId))];
  await transaction.query("delete from documents where account_id = any($1::text[]) and source_ref = any($2::text[])", [
    scope,
    documents.map((document) => document.sourceRef),
  ]);
  const inserted = await transaction.query<{ id: number | string; account_id: string; source_ref: string }>(
    `insert into documents (account_id, kind, source_ref, title, occurred_at, full_text, content_hash, metadata, chunking_version)
     select account_id, kind, source_ref, title, occurred_at::timestamptz, full_text, content_hash, metadata::jsonb, chunking_version
       from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::integer[])
         as given (account_id, kind, source_ref, title, occurred_at, full_text, content_hash, metadata, chunking_version)
     returning id, account_id, source_ref`,
    [
      documents.map((document) => document.accountId),
      documents.map((document) => document.kind),
      documents.map((document) => document.sourceRef),
      documents.map((document) => document.title ?? null),
      documents.map((document) => document.occurredAt ?? null),
      documents.map((document) => document.fullText),
      documents.map((document) => document.contentHash),
      documents.map((document) => JSON.stringify(document.metadata ?? {})),
      documents.map((document) => document.chunkingVersion ?? 1),
    ],
  );
  const idByKey = new Map(inserted.map((row) => [documentKey(row.account_id, row.source_ref), Number(row.id)]));
  const ids = documents.map((document) => {
    const id = idByKey.get(documentKey(document.accountId, document.sourceRef));
    if (id === undefined) throw new Error(`document ${document.sourceRef} was not inserted`);
    return id;
  });
  const rows: BinaryValue[][] = documents.flatMap((document, index) =>
    document.chunks.map((chunk) => [
      ids[index] ?? null,
      document.accountId,
      chunk.ordinal,
      chunk.startOffset,
      chunk.endOffset,
      chunk.text,
      chunk.speaker ?? null,
      chunk.speakerRole,
      chunk.callOffsetSeconds ?? null,
      chunk.commentRef ?? null,
      chunk.embedding ?? null,
      chunk.embedding === undefined ? null : (chunk.embeddingModel ?? null),
      JSON.stringify(chunk.turns ?? []),
    ]),
  );
  if (rows.length > 0) await insertChunkRows(transaction, rows);
  return ids;
}

async function insertChunkRows(transaction: Queryable, rows: BinaryValue[][]): Promise<void> {
  if (transaction.copyBinary !== undefined) {
    await transaction.copyBinary(`copy chunks (${CHUNK_COLUMN_NAMES}) from stdin with (format binary)`, copyBinaryRows(CHUNK_COLUMN_TYPES, rows));
    return;
  }
  const [type] = await transaction.query<{ oid: number | string }>("select 'vector'::regtype::oid as oid");
  const column = (index: number) => rows.map((row) => row[index] ?? null);
  const vectors = vectorArrayParameter(column(10) as Array<readonly number[] | null>, Number(type?.oid));
  await transaction.query(
    `insert into chunks (${CHUNK_COLUMN_NAMES})
     select document_id, account_id, ordinal, start_offset, end_offset, text, speaker, speaker_role, call_offset_seconds,
            comment_ref, embedding, embedding_model, turns::jsonb
       from unnest($1::bigint[], $2::text[], $3::int[], $4::int[], $5::int[], $6::text[], $7::text[], $8::text[],
                   $9::float8[], $10::text[], $11::vector[], $12::text[], $13::text[])
         as given (document_id, account_id, ordinal, start_offset, end_offset, text, speaker, speaker_role, call_offset_seconds,
                   comment_ref, embedding, embedding_model, turns)`,
    [
      column(0),
      column(1),
      column(2),
      column(3),
      column(4),
      column(5),
      column(6),
      column(7),
      column(8),
      column(9),
      // pg sends a Buffer parameter in binary format; the server reads it with the vector type's receive function.
      Buffer.from(vectors.buffer, vectors.byteOffset, vectors.byteLength),
      column(11),
      column(12),
    ],
  );
}

/**
 * Replaces the document stored under `sourceRef` (and its chunks) with this one. Call inside a
 * transaction so readers never see a document without its chunks. Returns the document id.
 */
export async function replaceDocument(transaction: Queryable, document: NewDocument): Promise<number> {
  const [id] = await writeDocuments(transaction, [document]);
  return id ?? Number.NaN;
}

/**
 * Deletes the documents of `accountIds` whose key is not in `keep`, except those whose source file is
 * in `keepFiles` (files that could not be read this time are not gone). Returns the pruned references.
 */
export async function pruneDocuments(
  transaction: Queryable,
  scope: { accountIds: readonly string[]; keep: ReadonlySet<string>; keepFiles: ReadonlySet<string> },
): Promise<Array<{ accountId: string; sourceRef: string }>> {
  const stored = await transaction.query<{ id: number | string; account_id: string; source_ref: string }>(
    "select id, account_id, source_ref from documents where account_id = any($1::text[])",
    [scope.accountIds],
  );
  const gone = stored.filter(
    (row) => !scope.keep.has(documentKey(row.account_id, row.source_ref)) && !scope.keepFiles.has(sourceFileOf(row.source_ref)),
  );
  if (gone.length > 0) {
    await transaction.query("delete from documents where id = any($1::bigint[])", [gone.map((row) => Number(row.id))]);
  }
  return gone.map((row) => ({ accountId: row.account_id, sourceRef: row.source_ref }));
}

/** The file part of a source reference: 'tickets/acme.json#1001' -> 'tickets/acme.json'. */
export function sourceFileOf(sourceRef: string): string {
  const hash = sourceRef.indexOf("#");
  return hash === -1 ? sourceRef : sourceRef.slice(0, hash);
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

/**
 * Nearest chunks by cosine distance. Across accounts the search uses the HNSW index, which is built on
 * `embedding::vector(N)` for rows of N dimensions, so the query filters and orders by those same
 * expressions (approximate, fast). Inside one
 * account it orders by the plain column instead: the planner then takes the account's rows by the
 * account index and ranks all of them, so the answer is exact and a filter can never starve the top-k
 * the way a filtered HNSW scan can.
 */
export async function nearestChunks(
  database: Queryable,
  embedding: readonly number[],
  search: ChunkSearch = {},
): Promise<ChunkHit[]> {
  const query = pgvector.toSql([...embedding]);
  const limit = search.limit ?? 10;
  if (search.accountId !== undefined) {
    return (
      await database.query<ChunkHitRow>(
        `select c.id as chunk_id, c.document_id, c.account_id, d.source_ref, c.text, c.speaker, c.speaker_role,
                c.embedding <=> $1::vector as score
           from chunks c join documents d on d.account_id = c.account_id and d.id = c.document_id
          where c.account_id = $2 and c.embedding is not null
          order by c.embedding <=> $1::vector, c.id
          limit $3`,
        [query, search.accountId, limit],
      )
    ).map(toHit);
  }
  const dimensions = vectorDimensions(embedding);
  return (
    await database.query<ChunkHitRow>(
      `select c.id as chunk_id, c.document_id, c.account_id, d.source_ref, c.text, c.speaker, c.speaker_role,
              c.embedding::vector(${dimensions}) <=> $1::vector(${dimensions}) as score
         from chunks c join documents d on d.account_id = c.account_id and d.id = c.document_id
        where vector_dims(c.embedding) = ${dimensions}
        order by c.embedding::vector(${dimensions}) <=> $1::vector(${dimensions})
        limit $2`,
      [query, limit],
    )
  ).map(toHit);
}

/** The dimension as SQL text: checked to be a small positive integer, as it goes into the statement. */
function vectorDimensions(embedding: readonly number[]): number {
  const dimensions = embedding.length;
  if (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > 16_000) throw new RangeError(`cannot search with a ${dimensions}-dimensional vector`);
  return dimensions;
}

/** Full-text matches ranked by ts_rank, optionally inside one account. */
export async function searchChunks(database: Queryable, query: string, search: ChunkSearch = {}): Promise<ChunkHit[]> {
  const rows = await database.query<ChunkHitRow>(
    `select c.id as chunk_id, c.document_id, c.account_id, d.source_ref, c.text, c.speaker, c.speaker_role,
            ts_rank(c.search_vector, q) as score
       from chunks c join documents d on d.account_id = c.account_id and d.id = c.document_id, websearch_to_tsquery('english', $1) q
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
