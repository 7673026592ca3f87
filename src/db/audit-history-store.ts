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
type AuditRow = {
  id: string;
  occurred_at: string;
  actor: string;
  action: string;
  subject_type: string;
  subject_id: string;
  details: Record<string, unknown> | string;
};

const AUDIT_COLUMNS = `id::text as id, to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as occurred_at,
            actor, action, subject_type, subject_id, details`;

function toEvent(row: AuditRow): RecordedAuditEvent {
  return {
    id: row.id,
    occurredAt: row.occurred_at,
    actor: row.actor,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    details: typeof row.details === "string" ? (JSON.parse(row.details) as Record<string, unknown>) : row.details,
  };
}

/**
 * One account's audit trail, newest first: events about the account itself and every event whose details
 * name it (reviews, disputes, readiness runs). Both halves are read by an index (migration 010).
 */
export async function listAccountAuditEvents(database: Queryable, accountId: string, options: { limit?: number } = {}): Promise<RecordedAuditEvent[]> {
  const rows = await database.query<AuditRow>(
    `select ${AUDIT_COLUMNS} from audit_events where id in (
       select id from audit_events where subject_type = 'account' and subject_id = $1
       union
       select id from audit_events where details ->> 'accountId' = $1)
      order by audit_events.id desc
      limit $2`,
    [accountId, options.limit ?? null],
  );
  return rows.map(toEvent);
}

export async function listAuditEvents(
  database: Queryable,
  filter: { subjectType?: string; subjectId?: string } = {},
): Promise<RecordedAuditEvent[]> {
  const rows = await database.query<AuditRow>(
    `select ${AUDIT_COLUMNS}
       from audit_events
      where ($1::text is null or subject_type = $1) and ($2::text is null or subject_id = $2)
      order by id`,
    [filter.subjectType ?? null, filter.subjectId ?? null],
  );
  return rows.map(toEvent);
}
