import type { Queryable } from "./database.js";
import type { QuotedEvidence } from "../evidence/evidence-record.js";

/** A recorded readiness assessment as a report compares with it. */
export interface RecordedAssessment {
  readonly id: string;
  readonly asOf: string;
  /** When it was recorded (ISO timestamp, UTC). */
  readonly recordedAt: string;
  readonly verdict: string;
  readonly result: unknown;
  readonly evidenceIds: readonly string[];
}

/** The latest assessment of an account recorded before `before` (ISO day or timestamp), or the latest of all. */
export async function assessmentBefore(database: Queryable, accountId: string, before?: string): Promise<RecordedAssessment | undefined> {
  const [row] = await database.query<{ id: string; as_of: string; recorded_at: string; verdict: string; result: unknown; evidence_ids: string[] }>(
    `select id::text as id, as_of::text as as_of, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as recorded_at,
            verdict, result, array(select unnest(evidence_ids)::text) as evidence_ids
       from readiness_assessments
      where account_id = $1 and ($2::timestamptz is null or created_at < $2::timestamptz)
      order by id desc limit 1`,
    [accountId, before ?? null],
  );
  if (row === undefined) return undefined;
  return {
    id: row.id,
    asOf: row.as_of,
    recordedAt: row.recorded_at,
    verdict: row.verdict,
    result: typeof row.result === "string" ? JSON.parse(row.result) : row.result,
    evidenceIds: row.evidence_ids,
  };
}

/** An evidence row a reviewer marked wrong, with its document (for the citation) and the review. */
export interface DisputedRow {
  readonly evidence: QuotedEvidence;
  readonly reviewer: string;
  readonly comment: string | null;
  readonly labelledAt: string;
}

/** The account's disputed evidence rows, in the order they were disputed. */
export async function disputedEvidence(database: Queryable, accountId: string): Promise<DisputedRow[]> {
  const rows = await database.query<{
    id: string;
    signal_id: string;
    quote: string;
    quote_start: number;
    quote_end: number;
    speaker: string | null;
    speaker_role: "customer" | "vendor" | "unknown";
    source_ref: string;
    kind: "ticket" | "call";
    title: string | null;
    occurred_at: string | null;
    full_text: string;
    metadata: { segments?: QuotedEvidence["document"]["segments"] } | string | null;
    reviewer: string;
    comment: string | null;
    labelled_at: string;
  }>(
    `select e.id::text as id, e.signal_id, e.quote, e.quote_start, e.quote_end, e.speaker, e.speaker_role,
            d.source_ref, d.kind, d.title, to_char(d.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as occurred_at,
            d.full_text, d.metadata, l.reviewer, l.comment,
            to_char(l.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as labelled_at
       from evidence_labels l join evidence e on e.id = l.evidence_id join documents d on d.id = e.document_id
      where l.account_id = $1 and l.label = 'wrong'
      order by l.id`,
    [accountId],
  );
  return rows.map((row) => {
    const metadata = typeof row.metadata === "string" ? (JSON.parse(row.metadata) as { segments?: QuotedEvidence["document"]["segments"] }) : row.metadata;
    return {
      evidence: {
        id: row.id,
        signalId: row.signal_id,
        quote: row.quote,
        quoteStart: Number(row.quote_start),
        quoteEnd: Number(row.quote_end),
        speaker: row.speaker,
        speakerRole: row.speaker_role,
        document: { sourceRef: row.source_ref, kind: row.kind, title: row.title, occurredAt: row.occurred_at, fullText: row.full_text, segments: metadata?.segments ?? [] },
      },
      reviewer: row.reviewer,
      comment: row.comment,
      labelledAt: row.labelled_at,
    };
  });
}
