import type { Queryable } from "./database.js";

export interface EvidenceForReview {
  readonly id: string;
  readonly accountId: string;
  readonly signalId: string;
  readonly quote: string;
  readonly quoteStart: number;
  readonly quoteEnd: number;
  readonly speaker: string | null;
  readonly speakerRole: string;
  readonly sourceRef: string;
  readonly status: "active" | "disputed";
}

/** One evidence row with its document's source reference; `forUpdate` locks it for the caller's transaction. */
export async function findEvidenceForReview(database: Queryable, id: string, options: { forUpdate?: boolean } = {}): Promise<EvidenceForReview | undefined> {
  if (!/^\d+$/.test(id)) return undefined;
  const [row] = await database.query<{
    id: string;
    account_id: string;
    signal_id: string;
    quote: string;
    quote_start: number;
    quote_end: number;
    speaker: string | null;
    speaker_role: string;
    source_ref: string;
    status: "active" | "disputed";
  }>(
    `select e.id::text as id, e.account_id, e.signal_id, e.quote, e.quote_start, e.quote_end, e.speaker, e.speaker_role,
            d.source_ref, e.status
       from evidence e join documents d on d.account_id = e.account_id and d.id = e.document_id where e.id = $1${options.forUpdate === true ? " for update of e" : ""}`,
    [id],
  );
  return row === undefined
    ? undefined
    : {
        id: row.id,
        accountId: row.account_id,
        signalId: row.signal_id,
        quote: row.quote,
        quoteStart: Number(row.quote_start),
        quoteEnd: Number(row.quote_end),
        speaker: row.speaker,
        speakerRole: row.speaker_role,
        sourceRef: row.source_ref,
        status: row.status,
      };
}

/** Marks the row disputed and keeps a copy of it as a "wrong" label for the eval suite. Returns the label id. */
export async function labelEvidenceWrong(
  database: Queryable,
  evidence: EvidenceForReview,
  review: { reviewer: string; comment?: string | undefined },
): Promise<string> {
  await database.query("update evidence set status = 'disputed' where account_id = $2 and id = $1", [evidence.id, evidence.accountId]);
  const [row] = await database.query<{ id: string }>(
    `insert into evidence_labels (evidence_id, account_id, label, signal_id, source_ref, quote, quote_start, quote_end,
                                  speaker, speaker_role, reviewer, comment)
     values ($1, $2, 'wrong', $3, $4, $5, $6, $7, $8, $9, $10, $11) returning id::text as id`,
    [
      evidence.id,
      evidence.accountId,
      evidence.signalId,
      evidence.sourceRef,
      evidence.quote,
      evidence.quoteStart,
      evidence.quoteEnd,
      evidence.speaker,
      evidence.speakerRole,
      review.reviewer,
      review.comment ?? null,
    ],
  );
  if (row === undefined) throw new Error("insert into evidence_labels returned no id");
  return row.id;
}

/**
 * Undoes a dispute: the row counts again, and its open labels are marked withdrawn (kept, so the audit
 * trail's label ids still resolve, but no longer read by the eval). Returns the withdrawn label ids.
 */
export async function withdrawEvidenceLabels(database: Queryable, evidence: EvidenceForReview, review: { reviewer: string }): Promise<string[]> {
  await database.query("update evidence set status = 'active' where account_id = $1 and id = $2", [evidence.accountId, evidence.id]);
  // By row and by span: a label kept from an earlier extraction of the same words is withdrawn too.
  const rows = await database.query<{ id: string }>(
    `update evidence_labels set withdrawn_at = now(), withdrawn_by = $2
      where withdrawn_at is null
        and (evidence_id = $1 or (account_id = $3 and source_ref = $4 and signal_id = $5 and quote_start = $6 and quote_end = $7))
      returning id::text as id`,
    [evidence.id, review.reviewer, evidence.accountId, evidence.sourceRef, evidence.signalId, evidence.quoteStart, evidence.quoteEnd],
  );
  return rows.map((row) => row.id).sort((left, right) => Number(left) - Number(right));
}

export interface EvidenceLabel {
  readonly id: string;
  readonly evidenceId: string | null;
  readonly accountId: string;
  readonly label: "wrong";
  readonly signalId: string;
  readonly sourceRef: string;
  readonly quote: string;
  readonly reviewer: string;
  readonly comment: string | null;
}

/** Every label, oldest first: the eval suite reads these as known-wrong extractions. */
export async function listEvidenceLabels(database: Queryable, accountId?: string): Promise<EvidenceLabel[]> {
  const rows = await database.query<{
    id: string;
    evidence_id: string | null;
    account_id: string;
    label: "wrong";
    signal_id: string;
    source_ref: string;
    quote: string;
    reviewer: string;
    comment: string | null;
  }>(
    `select id::text as id, evidence_id::text as evidence_id, account_id, label, signal_id, source_ref, quote, reviewer, comment
       from evidence_labels where ($1::text is null or account_id = $1) and withdrawn_at is null order by id`,
    [accountId ?? null],
  );
  return rows.map((row) => ({
    id: row.id,
    evidenceId: row.evidence_id,
    accountId: row.account_id,
    label: row.label,
    signalId: row.signal_id,
    sourceRef: row.source_ref,
    quote: row.quote,
    reviewer: row.reviewer,
    comment: row.comment,
  }));
}

/** One evidence row a reviewer marked wrong, with the document it quotes. */
export interface DisputedEvidence {
  readonly evidenceId: string;
  readonly accountId: string;
  readonly signalId: string;
  readonly quote: string;
  readonly quoteStart: number;
  readonly quoteEnd: number;
  readonly speaker?: string;
  readonly speakerRole: "customer" | "vendor" | "unknown";
  readonly sourceRef: string;
  readonly documentKind: "ticket" | "call";
  readonly documentTitle: string;
  readonly occurredAt: string;
  readonly fullText: string;
  readonly reviewer?: string;
  readonly comment?: string;
}

/**
 * Every evidence span a reviewer marked wrong (`evidence dispute`), with the document it quotes. It reads
 * the review labels, not the evidence rows: re-indexing a changed document drops its evidence rows, while
 * the label (kept by document and span) and the judgement in it stay. A span disputed twice is listed once.
 */
export async function listDisputedEvidence(database: Queryable, accountId?: string): Promise<DisputedEvidence[]> {
  const rows = await database.query<{
    label_id: string;
    evidence_id: string | null;
    account_id: string;
    signal_id: string;
    quote: string;
    quote_start: number;
    quote_end: number;
    speaker: string | null;
    speaker_role: "customer" | "vendor" | "unknown";
    source_ref: string;
    kind: "ticket" | "call";
    title: string | null;
    occurred_at: Date | string | null;
    full_text: string;
    reviewer: string;
    comment: string | null;
  }>(
    `select * from (
       select distinct on (l.account_id, l.source_ref, l.signal_id, l.quote_start, l.quote_end)
              l.id::text as label_id, l.evidence_id::text as evidence_id, l.account_id, l.signal_id, l.quote, l.quote_start,
              l.quote_end, l.speaker, l.speaker_role, l.source_ref, d.kind, d.title, d.occurred_at, d.full_text, l.reviewer, l.comment
         from evidence_labels l
         join documents d on d.account_id = l.account_id and d.source_ref = l.source_ref
        where l.label = 'wrong' and l.withdrawn_at is null and ($1::text is null or l.account_id = $1)
        order by l.account_id, l.source_ref, l.signal_id, l.quote_start, l.quote_end, l.id desc
     ) latest
     order by account_id, source_ref, quote_start, label_id`,
    [accountId ?? null],
  );
  return rows.map((row) => ({
    evidenceId: row.evidence_id ?? `label ${row.label_id}`,
    accountId: row.account_id,
    signalId: row.signal_id,
    quote: row.quote,
    quoteStart: Number(row.quote_start),
    quoteEnd: Number(row.quote_end),
    ...(row.speaker === null ? {} : { speaker: row.speaker }),
    speakerRole: row.speaker_role,
    sourceRef: row.source_ref,
    documentKind: row.kind,
    documentTitle: row.title ?? row.source_ref,
    occurredAt: row.occurred_at === null ? "1970-01-01T00:00:00.000Z" : new Date(row.occurred_at).toISOString(),
    fullText: row.full_text,
    reviewer: row.reviewer,
    ...(row.comment === null ? {} : { comment: row.comment }),
  }));
}
