import type { Queryable } from "./database.js";

export interface RecordedAuditEvent {
  readonly id: string;
  readonly occurredAt: string;
  readonly actor: string;
  readonly action: string;
  readonly subjectType: string;
  readonly subjectId: string;
  readonly details: Record<string, unknown>;
}

/**
 * Reads the audit trail, oldest first. There is deliberately no update or delete here: the table is
 * append-only (a trigger in migration 001 refuses both).
 */
export async function listAuditEvents(
  database: Queryable,
  filter: { subjectType?: string; subjectId?: string } = {},
): Promise<RecordedAuditEvent[]> {
  const rows = await database.query<{
    id: string;
    occurred_at: string;
    actor: string;
    action: string;
    subject_type: string;
    subject_id: string;
    details: Record<string, unknown> | string;
  }>(
    `select id::text as id, to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as occurred_at,
            actor, action, subject_type, subject_id, details
       from audit_events
      where ($1::text is null or subject_type = $1) and ($2::text is null or subject_id = $2)
      order by id`,
    [filter.subjectType ?? null, filter.subjectId ?? null],
  );
  return rows.map((row) => ({
    id: row.id,
    occurredAt: row.occurred_at,
    actor: row.actor,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    details: typeof row.details === "string" ? (JSON.parse(row.details) as Record<string, unknown>) : row.details,
  }));
}
