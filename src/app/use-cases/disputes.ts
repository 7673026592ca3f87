import { listDisputedEvidence, type DisputedEvidence } from "../../db/evidence-label-store.js";
import { exportDisputes as writeDisputeCases } from "../../evals/export-disputes.js";
import type { RoleDirectory } from "../../ingest/speaker-role.js";
import type { Services } from "../services.js";

export type { DisputedEvidence } from "../../db/evidence-label-store.js";

/** Every span a reviewer marked wrong (of one account, when given), with the document it quotes. */
export async function listDisputes(services: Services, accountId?: string): Promise<DisputedEvidence[]> {
  return listDisputedEvidence(services.database, accountId);
}

/** Writes the disputes as hard-negative gold cases, one file per account, into `folder`. */
export async function exportDisputes(services: Services, input: { readonly accountId?: string | undefined; readonly folder: string; readonly directory: RoleDirectory }) {
  const disputes = await listDisputes(services, input.accountId);
  return { disputes: disputes.length, ...(await writeDisputeCases(disputes, input.folder, input.directory)) };
}
