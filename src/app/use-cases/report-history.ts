import { assessmentBefore, disputedEvidence, type DisputedRow, type RecordedAssessment } from "../../db/report-history-store.js";
import type { Services } from "../services.js";

export type { DisputedRow, RecordedAssessment } from "../../db/report-history-store.js";

/**
 * The latest readiness assessment of an account recorded before `before` (an ISO day or timestamp), or
 * the latest of all: what a report's "what changed" compares with.
 */
export async function previousAssessment(services: Services, input: { readonly accountId: string; readonly before?: string | undefined }): Promise<RecordedAssessment | undefined> {
  return assessmentBefore(services.database, input.accountId, input.before);
}

/** The account's disputed evidence rows with their documents (so each still cites its place), and who disputed them when. */
export async function disputedQuotes(services: Services, accountId: string): Promise<DisputedRow[]> {
  return disputedEvidence(services.database, accountId);
}
