import type { EvidenceRecord } from "../evidence/evidence-record.js";
import type { Segment } from "../ingest/canonical-document.js";
import type { SpeakerRole } from "../ingest/speaker-role.js";
import type { Queryable } from "./database.js";

/** A stored chunk with what extraction needs: its document's kind and the speaker segments. */
export interface StoredChunk {
  readonly chunkId: number;
  readonly documentId: number;
  readonly accountId: string;
  readonly sourceRef: string;
  readonly kind: "ticket" | "call";
  readonly text: string;
  readonly startOffset: number;
  readonly endOffset: number;
  /** The document's segments that overlap the chunk (document offsets). */
  readonly segments: readonly Segment[];
  /** Every segment of the document and its full text: what the turns around the chunk are read from. */
  readonly documentSegments: readonly Segment[];
  readonly documentText: string;
}

/** Every stored chunk, optionally of one account, in document and chunk order. */
export async function storedChunks(database: Queryable, accountId?: string): Promise<StoredChunk[]> {
  const rows = await database.query<{
    chunk_id: number | string;
    document_id: number | string;
    account_id: string;
    source_ref: string;
    kind: "ticket" | "call";
    text: string;
    start_offset: number;
    end_offset: number;
    segments: Segment[] | null;
  }>(
    // Extraction reads the document's own span (labels included): its offsets and cache keys are the
    // document's, while the chunk's indexed text leaves the labels out.
    `select c.id as chunk_id, c.document_id, c.account_id, d.source_ref, d.kind,
            substr(d.full_text, c.start_offset + 1, c.end_offset - c.start_offset) as text, c.start_offset, c.end_offset,
            d.metadata -> 'segments' as segments
       from chunks c join documents d on d.account_id = c.account_id and d.id = c.document_id
      where $1::text is null or c.account_id = $1
      order by d.source_ref, c.ordinal`,
    [accountId ?? null],
  );
  // Each document's text once, however many chunks it has.
  const texts = await database.query<{ id: number | string; full_text: string }>(
    `select d.id, d.full_text from documents d where d.id in (select c.document_id from chunks c where $1::text is null or c.account_id = $1)`,
    [accountId ?? null],
  );
  const textOf = new Map(texts.map((row) => [Number(row.id), row.full_text]));
  return rows.map((row) => ({
    chunkId: Number(row.chunk_id),
    documentId: Number(row.document_id),
    accountId: row.account_id,
    sourceRef: row.source_ref,
    kind: row.kind,
    text: row.text,
    startOffset: row.start_offset,
    endOffset: row.end_offset,
    segments: (row.segments ?? []).filter((segment) => segment.start < row.end_offset && segment.end > row.start_offset),
    documentSegments: row.segments ?? [],
    documentText: textOf.get(Number(row.document_id)) ?? "",
  }));
}

export interface CachedAnswer {
  readonly candidates: ReadonlyArray<{ readonly signalId: string; readonly quote: string; readonly confidence: number }>;
  readonly promptTokens: number;
  readonly completionTokens: number;
}

/** Cached answers of one extractor for the given chunk hashes. */
export async function cachedAnswers(database: Queryable, extractorId: string, chunkHashes: readonly string[]): Promise<Map<string, CachedAnswer>> {
  if (chunkHashes.length === 0) return new Map();
  const rows = await database.query<{ chunk_hash: string; candidates: CachedAnswer["candidates"]; prompt_tokens: number; completion_tokens: number }>(
    "select chunk_hash, candidates, prompt_tokens, completion_tokens from extraction_cache where extractor_id = $1 and chunk_hash = any($2::text[])",
    [extractorId, [...new Set(chunkHashes)]],
  );
  return new Map(rows.map((row) => [row.chunk_hash, { candidates: row.candidates, promptTokens: row.prompt_tokens, completionTokens: row.completion_tokens }]));
}

export async function saveAnswers(database: Queryable, extractorId: string, answers: ReadonlyArray<CachedAnswer & { chunkHash: string }>): Promise<void> {
  if (answers.length === 0) return;
  await database.query(
    `insert into extraction_cache (chunk_hash, extractor_id, candidates, prompt_tokens, completion_tokens)
     select item ->> 'chunkHash', $1, item -> 'candidates', (item ->> 'promptTokens')::integer, (item ->> 'completionTokens')::integer
       from jsonb_array_elements($2::jsonb) as item
     on conflict (chunk_hash, extractor_id) do nothing`,
    [extractorId, JSON.stringify(answers)],
  );
}

export interface NewEvidence {
  readonly accountId: string;
  readonly documentId: number;
  readonly chunkId: number;
  readonly signalId: string;
  readonly quote: string;
  readonly quoteStart: number;
  readonly quoteEnd: number;
  readonly alignment: "exact" | "normalised";
  readonly speaker: string;
  readonly speakerRole: SpeakerRole;
  readonly confidence: number;
  readonly commentRef?: string | undefined;
  readonly callOffsetSeconds?: number | undefined;
  readonly extractorProvider: string;
  readonly extractorModel: string;
  readonly promptHash: string;
  readonly runId: number;
}

/**
 * Makes the evidence of the given chunks exactly `evidence`: rows for the same span and signal are
 * updated in place (their ids, which hypotheses cite, stay), new ones are added, and rows of these chunks
 * that the extraction no longer finds are removed. Call inside a transaction.
 *
 * On a server an index job may have replaced some of these documents since their chunks were read: the
 * documents and chunks still there are locked against deletion until the transaction ends (documents
 * first, the order an index job deletes in, so the two never deadlock), and evidence of the rest is
 * dropped; the next extraction reads their new chunks.
 */
export async function replaceChunkEvidence(
  transaction: Queryable,
  chunkIds: readonly number[],
  evidence: readonly NewEvidence[],
): Promise<{ inserted: number; removed: number }> {
  const cited = [...new Set([...chunkIds, ...evidence.map((item) => item.chunkId)])];
  await transaction.query(
    "select id from documents where id in (select document_id from chunks where id = any($1::bigint[])) order by id for key share",
    [cited],
  );
  const present = new Set(
    (await transaction.query<{ id: number | string }>("select id from chunks where id = any($1::bigint[]) order by id for key share", [cited])).map((row) =>
      Number(row.id),
    ),
  );
  evidence = evidence.filter((item) => present.has(item.chunkId));
  const existing = await transaction.query<{ id: number | string; document_id: number | string; signal_id: string; quote_start: number; quote_end: number }>(
    "select id, document_id, signal_id, quote_start, quote_end from evidence where chunk_id = any($1::bigint[])",
    [chunkIds],
  );
  const keyOf = (documentId: number, signalId: string, start: number, end: number) => `${documentId}:${signalId}:${start}:${end}`;
  const wanted = new Set(evidence.map((item) => keyOf(item.documentId, item.signalId, item.quoteStart, item.quoteEnd)));
  const stale = existing.filter((row) => !wanted.has(keyOf(Number(row.document_id), row.signal_id, row.quote_start, row.quote_end))).map((row) => Number(row.id));
  if (stale.length > 0) await transaction.query("delete from evidence where id = any($1::bigint[])", [stale]);
  let inserted = 0;
  if (evidence.length > 0) {
    const rows = await transaction.query<{ inserted: boolean }>(
      `insert into evidence (account_id, document_id, chunk_id, signal_id, quote, quote_start, quote_end, alignment, speaker, speaker_role,
                             confidence, comment_ref, call_offset_seconds, extractor_provider, extractor_model, prompt_hash, run_id)
       select e.account_id, e.document_id, e.chunk_id, e.signal_id, e.quote, e.quote_start, e.quote_end, e.alignment, e.speaker, e.speaker_role,
              e.confidence, e.comment_ref, e.call_offset_seconds, e.extractor_provider, e.extractor_model, e.prompt_hash, e.run_id
         from jsonb_to_recordset($1::jsonb) as e(account_id text, document_id bigint, chunk_id bigint, signal_id text, quote text,
              quote_start integer, quote_end integer, alignment text, speaker text, speaker_role text, confidence double precision,
              comment_ref text, call_offset_seconds double precision, extractor_provider text, extractor_model text, prompt_hash text, run_id bigint)
       on conflict (account_id, document_id, signal_id, quote_start, quote_end) do update set
         chunk_id = excluded.chunk_id, quote = excluded.quote, alignment = excluded.alignment, speaker = excluded.speaker,
         speaker_role = excluded.speaker_role, confidence = excluded.confidence, comment_ref = excluded.comment_ref,
         call_offset_seconds = excluded.call_offset_seconds, extractor_provider = excluded.extractor_provider,
         extractor_model = excluded.extractor_model, prompt_hash = excluded.prompt_hash, run_id = excluded.run_id
       returning (xmax = 0) as inserted`,
      [
        JSON.stringify(
          evidence.map((item) => ({
            account_id: item.accountId,
            document_id: item.documentId,
            chunk_id: item.chunkId,
            signal_id: item.signalId,
            quote: item.quote,
            quote_start: item.quoteStart,
            quote_end: item.quoteEnd,
            alignment: item.alignment,
            speaker: item.speaker,
            speaker_role: item.speakerRole,
            confidence: item.confidence,
            comment_ref: item.commentRef ?? null,
            call_offset_seconds: item.callOffsetSeconds ?? null,
            extractor_provider: item.extractorProvider,
            extractor_model: item.extractorModel,
            prompt_hash: item.promptHash,
            run_id: item.runId,
          })),
        ),
      ],
    );
    inserted = rows.filter((row) => row.inserted).length;
  }
  return { inserted, removed: stale.length };
}

/** An account's evidence with what citations need, in document order. */
export async function listEvidence(
  database: Queryable,
  filter: { readonly accountId?: string | undefined; readonly signalId?: string | undefined; readonly excludeDisputed?: boolean | undefined } = {},
): Promise<EvidenceRecord[]> {
  const rows = await database.query<Record<string, unknown>>(
    `select e.id, e.account_id, e.signal_id, e.quote, e.quote_start, e.quote_end, e.alignment, e.speaker, e.speaker_role, e.confidence,
            e.comment_ref, e.call_offset_seconds, d.kind, d.source_ref, d.title, to_char(d.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as occurred_at,
            e.status, e.extractor_provider, e.extractor_model, e.prompt_hash
       from evidence e join documents d on d.account_id = e.account_id and d.id = e.document_id
      where ($1::text is null or e.account_id = $1) and ($2::text is null or e.signal_id = $2) and (not $3 or e.status = 'active')
      order by e.account_id, d.occurred_at nulls last, d.source_ref, e.quote_start, e.signal_id`,
    [filter.accountId ?? null, filter.signalId ?? null, filter.excludeDisputed === true],
  );
  return rows.map((row) => ({
    id: String(row.id),
    accountId: String(row.account_id),
    signalId: String(row.signal_id),
    quote: String(row.quote),
    quoteStart: Number(row.quote_start),
    quoteEnd: Number(row.quote_end),
    alignment: row.alignment as EvidenceRecord["alignment"],
    speaker: row.speaker === null ? null : String(row.speaker),
    speakerRole: row.speaker_role as SpeakerRole,
    confidence: row.confidence === null ? null : Number(row.confidence),
    commentRef: row.comment_ref === null ? null : String(row.comment_ref),
    callOffsetSeconds: row.call_offset_seconds === null ? null : Number(row.call_offset_seconds),
    documentKind: row.kind as EvidenceRecord["documentKind"],
    sourceRef: String(row.source_ref),
    documentTitle: row.title === null ? null : String(row.title),
    occurredAt: row.occurred_at === null ? null : String(row.occurred_at),
    status: row.status as EvidenceRecord["status"],
    extractorProvider: String(row.extractor_provider),
    extractorModel: String(row.extractor_model),
    promptHash: row.prompt_hash === null ? null : String(row.prompt_hash),
  }));
}
