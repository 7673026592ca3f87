import type { Queryable } from "./database.js";

/** A passage of a document flagged for the reviewer (today: text that addresses the analyzer). */
export interface DocumentFlag {
  readonly accountId: string;
  readonly documentId: number;
  readonly kind: "instruction_to_analyzer";
  readonly speaker: string;
  readonly startOffset: number;
  readonly endOffset: number;
  readonly text: string;
}

export interface StoredDocumentFlag extends DocumentFlag {
  readonly id: number;
  readonly sourceRef: string;
}

/**
 * Makes the flags of the given documents exactly `flags` (others of those documents are removed), inside
 * the caller's transaction, so a document's flags always match its current text.
 */
export async function replaceDocumentFlags(
  transaction: Queryable,
  documentIds: readonly number[],
  flags: readonly DocumentFlag[],
  runId: number,
): Promise<void> {
  if (documentIds.length === 0) return;
  await transaction.query("delete from document_flags where document_id = any($1::bigint[])", [documentIds]);
  if (flags.length === 0) return;
  await transaction.query(
    `insert into document_flags (account_id, document_id, kind, speaker, start_offset, end_offset, text, run_id)
     select f.account_id, f.document_id, f.kind, f.speaker, f.start_offset, f.end_offset, f.text, $2::bigint
       from jsonb_to_recordset($1::jsonb) as f(account_id text, document_id bigint, kind text, speaker text, start_offset integer, end_offset integer, text text)
     on conflict (account_id, document_id, kind, start_offset, end_offset) do nothing`,
    [
      JSON.stringify(
        flags.map((flag) => ({
          account_id: flag.accountId,
          document_id: flag.documentId,
          kind: flag.kind,
          speaker: flag.speaker,
          start_offset: flag.startOffset,
          end_offset: flag.endOffset,
          text: flag.text,
        })),
      ),
      runId,
    ],
  );
}

/** The flags of one account's documents, in document and position order. */
export async function documentFlags(database: Queryable, accountId: string): Promise<StoredDocumentFlag[]> {
  const rows = await database.query<{
    id: number | string;
    account_id: string;
    document_id: number | string;
    source_ref: string;
    kind: "instruction_to_analyzer";
    speaker: string | null;
    start_offset: number;
    end_offset: number;
    text: string;
  }>(
    `select f.id, f.account_id, f.document_id, d.source_ref, f.kind, f.speaker, f.start_offset, f.end_offset, f.text
       from document_flags f join documents d on d.account_id = f.account_id and d.id = f.document_id
      where f.account_id = $1
      order by d.source_ref, f.start_offset`,
    [accountId],
  );
  return rows.map((row) => ({
    id: Number(row.id),
    accountId: row.account_id,
    documentId: Number(row.document_id),
    sourceRef: row.source_ref,
    kind: row.kind,
    speaker: row.speaker ?? "",
    startOffset: row.start_offset,
    endOffset: row.end_offset,
    text: row.text,
  }));
}
