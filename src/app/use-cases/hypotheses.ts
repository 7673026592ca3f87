import { listHypotheses as storedHypotheses, type HypothesisStatus, type StoredHypothesis } from "../../db/hypothesis-store.js";
import type { Services } from "../services.js";

export type { HypothesisStatus, StoredHypothesis } from "../../db/hypothesis-store.js";
export const HYPOTHESIS_STATUSES: readonly HypothesisStatus[] = ["draft", "approved", "rejected", "stale"];

/**
 * Hypotheses in account and id order, optionally of one account or status. `currentOnly` leaves out
 * those a newer draft replaced (the CLI's default listing).
 */
export async function listHypotheses(
  services: Services,
  filter: { readonly accountId?: string | undefined; readonly status?: HypothesisStatus | undefined; readonly currentOnly?: boolean | undefined } = {},
): Promise<StoredHypothesis[]> {
  return storedHypotheses(services.database, filter);
}
