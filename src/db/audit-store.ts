import type { Queryable } from "./database.js";

export interface AuditEvent {
  readonly actor: string;
  readonly action: string;
  readonly subjectType: string;
  readonly subjectId: string;
  readonly details: Record<string, unknown>;
}

/** Appends one event. The table refuses updates and deletes (a trigger in migration 001). */
export async function appendAuditEvent(database: Queryable, event: AuditEvent): Promise<number> {
  const [row] = await database.query<{ id: number | string }>(
    `insert into audit_events (actor, action, subject_type, subject_id, details)
     values ($1, $2, $3, $4, $5) returning id`,
    [event.actor, event.action, event.subjectType, event.subjectId, JSON.stringify(event.details)],
  );
  return Number(row?.id);
}
