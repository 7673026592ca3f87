import { listAccounts as storedAccounts, saveAccounts } from "../../db/account-store.js";
import { appendAuditEvent } from "../../db/audit-store.js";
import { finishRun, startRun } from "../../db/run-store.js";
import { latestUsage as storedLatestUsage, type LatestUsage } from "../../db/usage-store.js";
import type { Account } from "../../ingest/account-schema.js";
import { taxonomyVersion } from "../../taxonomy/taxonomy-version.js";
import type { Services } from "../services.js";

/** Every stored account with its facts, in id order. */
export async function listAccounts(services: Services): Promise<Account[]> {
  return storedAccounts(services.database);
}

/**
 * Stores validated accounts in one transaction, with a run and an audit event. Validate (loadAccounts)
 * before calling: a bad file must never reach here.
 */
export async function importAccounts(services: Services, input: { readonly accounts: readonly Account[]; readonly sourceRef: string; readonly actor?: string }): Promise<{ imported: number }> {
  await services.database.transaction(async (transaction) => {
    const runId = await startRun(transaction, {
      command: "accounts import",
      arguments: { file: input.sourceRef },
      toolVersion: services.toolVersion,
      versions: { taxonomy: taxonomyVersion() },
    });
    await saveAccounts(transaction, input.accounts, input.sourceRef);
    await appendAuditEvent(transaction, {
      actor: input.actor ?? "cli",
      action: "accounts.imported",
      subjectType: "file",
      subjectId: input.sourceRef,
      details: { accounts: input.accounts.map((account) => account.id), runId },
    });
    await finishRun(transaction, runId, { status: "succeeded", summary: { accounts: input.accounts.length } });
  });
  return { imported: input.accounts.length };
}

/** Each account's latest value of every usage metric. */
export async function latestUsage(services: Services): Promise<LatestUsage[]> {
  return storedLatestUsage(services.database);
}
