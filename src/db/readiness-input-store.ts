import { z } from "zod";
import type { QuotedEvidence } from "../evidence/evidence-record.js";
import type { Account } from "../ingest/account-schema.js";
import type { Segment } from "../ingest/canonical-document.js";
import { speakerRoleSchema, type SpeakerRole } from "../ingest/speaker-role.js";
import type { UsageMetric } from "../ingest/usage-schema.js";
import { listAccounts } from "./account-store.js";
import type { Queryable } from "./database.js";

export async function findAccount(database: Queryable, accountId: string): Promise<Account | undefined> {
  return (await listAccounts(database)).find((account) => account.id === accountId);
}

export async function accountUsage(database: Queryable, accountId: string): Promise<UsageMetric[]> {
  const rows = await database.query<{ metric: string; measured_on: string; value: number | string }>(
    `select metric, measured_on::text as measured_on, value from usage_metrics where account_id = $1 order by measured_on, metric`,
    [accountId],
  );
  return rows.map((row) => ({ account_id: accountId, metric: row.metric, date: row.measured_on, value: Number(row.value) }));
}

const segmentsSchema = z
  .array(
    z.object({
      start: z.number(),
      end: z.number(),
      speaker: z.string(),
      speakerRole: speakerRoleSchema,
      commentRef: z.string().optional(),
      callOffsetSeconds: z.number().optional(),
    }),
  )
  .catch([]);

interface EvidenceRow {
  id: string;
  signal_id: string;
  quote: string;
  quote_start: number;
  quote_end: number;
  speaker: string | null;
  speaker_role: SpeakerRole;
  source_ref: string;
  kind: "ticket" | "call";
  title: string | null;
  occurred_at: string | null;
  full_text: string;
  metadata: { segments?: unknown } | string | null;
}

/**
 * The account's active evidence with its documents. Disputed rows are left out, and so is any row that
 * repeats a quote a reviewer marked wrong (same document, signal and offsets), so a dispute survives
 * re-extraction.
 */
export async function activeEvidence(database: Queryable, accountId: string): Promise<QuotedEvidence[]> {
  const rows = await database.query<EvidenceRow>(
    `select e.id::text as id, e.signal_id, e.quote, e.quote_start, e.quote_end, e.speaker, e.speaker_role,
            d.source_ref, d.kind, d.title,
            to_char(d.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as occurred_at,
            d.full_text, d.metadata
       from evidence e join documents d on d.account_id = e.account_id and d.id = e.document_id
      where e.account_id = $1 and e.status = 'active'
        and not exists (
          select 1 from evidence_labels l
           where l.label = 'wrong' and l.withdrawn_at is null and l.source_ref = d.source_ref and l.signal_id = e.signal_id
             and l.quote_start = e.quote_start and l.quote_end = e.quote_end)
      order by e.id`,
    [accountId],
  );
  return rows.map((row) => {
    const metadata = typeof row.metadata === "string" ? (JSON.parse(row.metadata) as { segments?: unknown }) : row.metadata;
    return {
      id: row.id,
      signalId: row.signal_id,
      quote: row.quote,
      quoteStart: Number(row.quote_start),
      quoteEnd: Number(row.quote_end),
      speaker: row.speaker,
      speakerRole: row.speaker_role,
      document: {
        sourceRef: row.source_ref,
        kind: row.kind,
        title: row.title,
        occurredAt: row.occurred_at,
        fullText: row.full_text,
        segments: segmentsSchema.parse(metadata?.segments ?? []) as Segment[],
      },
    };
  });
}
