import { listAuditEvents, type RecordedAuditEvent } from "../../db/audit-history-store.js";
import type { Services } from "../services.js";

export type { RecordedAuditEvent } from "../../db/audit-history-store.js";

/**
 * The audit trail of one account, newest first: events about the account itself and every event whose
 * details name it (reviews, disputes, readiness runs).
 */
export async function history(services: Services, accountId: string): Promise<RecordedAuditEvent[]> {
  const events = await listAuditEvents(services.database);
  return events.filter((event) => (event.subjectType === "account" && event.subjectId === accountId) || event.details.accountId === accountId).reverse();
}
