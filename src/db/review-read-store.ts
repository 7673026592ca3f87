import { z } from "zod";
import { speakerRoleSchema } from "../ingest/speaker-role.js";
import type { Segment } from "../ingest/canonical-document.js";
import type { Queryable } from "./database.js";

const segmentsSchema = z.array(
  z.object({
    start: z.number(),
    end: z.number(),
    speaker: z.string(),
    speakerRole: speakerRoleSchema,
    commentRef: z.string().optional(),
    callOffsetSeconds: z.number().optional(),
  }),
);

/** The account an evidence row belongs to, or undefined when there is no such row. */
export async function evidenceAccountId(database: Queryable, evidenceId: string): Promise<string | undefined> {
  if (!/^[0-9]{1,18}$/.test(evidenceId)) return undefined;
  const [row] = await database.query<{ account_id: string }>("select account_id from evidence where id = $1::bigint", [evidenceId]);
  return row?.account_id;
}

/** The text and speaker segments of the document an evidence row quotes: what its context is cut from. */
export async function evidenceDocumentText(database: Queryable, accountId: string, evidenceId: string): Promise<{ fullText: string; segments: Segment[] } | undefined> {
  if (!/^[0-9]{1,18}$/.test(evidenceId)) return undefined;
  const [row] = await database.query<{ full_text: string; metadata: { segments?: unknown } | string | null }>(
    `select d.full_text, d.metadata from evidence e join documents d on d.account_id = e.account_id and d.id = e.document_id
      where e.account_id = $1 and e.id = $2::bigint`,
    [accountId, evidenceId],
  );
  if (row === undefined) return undefined;
  const metadata = typeof row.metadata === "string" ? (JSON.parse(row.metadata) as { segments?: unknown }) : row.metadata;
  const parsed = segmentsSchema.safeParse(metadata?.segments ?? []);
  return { fullText: row.full_text, segments: parsed.success ? (parsed.data as Segment[]) : [] };
}

/** A stored readiness result by id (the rules' output as decided), or undefined. */
export async function assessmentResult(database: Queryable, accountId: string, assessmentId: string): Promise<unknown> {
  if (!/^[0-9]{1,18}$/.test(assessmentId)) return undefined;
  const [row] = await database.query<{ result: unknown }>("select result from readiness_assessments where account_id = $1 and id = $2::bigint", [
    accountId,
    assessmentId,
  ]);
  if (row === undefined) return undefined;
  return typeof row.result === "string" ? (JSON.parse(row.result) as unknown) : row.result;
}
