import { listAccountAuditEvents, type RecordedAuditEvent } from "../../db/audit-history-store.js";
import { listAssessments, type StoredAssessment } from "../../db/hypothesis-store.js";
import type { Services } from "../services.js";

export type { RecordedAuditEvent } from "../../db/audit-history-store.js";
export type { StoredAssessment } from "../../db/hypothesis-store.js";

/**
 * The audit trail of one account, newest first: events about the account itself and every event whose
 * details name it (reviews, disputes, readiness runs), read by an account-scoped query.
 */
export async function history(services: Services, accountId: string): Promise<RecordedAuditEvent[]> {
  return listAccountAuditEvents(services.database, accountId);
}

export interface AccountHistory {
  readonly accountId: string;
  /** Stored readiness runs, newest first. */
  readonly readiness: readonly StoredAssessment[];
  /** The audit trail, newest first. */
  readonly events: readonly RecordedAuditEvent[];
}

/** The readiness runs and the audit trail of one account, newest first (`evidence history <account>`). */
export async function accountHistory(services: Services, accountId: string): Promise<AccountHistory> {
  const [readiness, events] = [await listAssessments(services.database, accountId), await listAccountAuditEvents(services.database, accountId)];
  return { accountId, readiness, events };
}
