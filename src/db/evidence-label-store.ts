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
       from evidence_labels where ($1::text is null or account_id = $1) order by id`,
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
