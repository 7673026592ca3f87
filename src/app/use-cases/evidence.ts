import { documentFlags, type StoredDocumentFlag } from "../../db/document-flag-store.js";
import { listEvidence as storedEvidence } from "../../db/evidence-store.js";
import { InputError } from "../../errors.js";
import { formatCitation } from "../../evidence/cite-evidence.js";
import type { EvidenceRecord } from "../../evidence/evidence-record.js";
import { isSignalId, SIGNAL_IDS } from "../../taxonomy/signals.js";
import type { Services } from "../services.js";

export type CitedEvidence = EvidenceRecord & { readonly citation: string };

export interface EvidenceFilter {
  readonly accountId?: string | undefined;
  readonly signalId?: string | undefined;
  /** Leave out rows a reviewer disputed (default false: every row, each with its status). */
  readonly excludeDisputed?: boolean | undefined;
}

/**
 * Stored evidence in document order (of one account and signal, when given), each row in the read model
 * with its citation. An unknown signal id is bad input, not an empty list.
 *
 * @example const rows = await listEvidence(services, { accountId: "brightpath-logistics" });
 */
export async function listEvidence(services: Services, filter: EvidenceFilter = {}): Promise<CitedEvidence[]> {
  if (filter.signalId !== undefined && !isSignalId(filter.signalId)) {
    throw new InputError([{ file: "--signal", field: "signal", reason: `unknown signal "${filter.signalId}"; one of ${SIGNAL_IDS.join(", ")}` }]);
  }
  const rows = await storedEvidence(services.database, filter);
  return rows.map((row) => ({ ...row, citation: formatCitation(row) }));
}

/**
 * An account's flagged documents: passages that address the analyzer (quarantined by extraction, never
 * evidence), for the reviewer to see next to the evidence.
 *
 * @example const flags = await listDocumentFlags(services, "brightpath-logistics");
 */
export async function listDocumentFlags(services: Services, accountId: string): Promise<StoredDocumentFlag[]> {
  return documentFlags(services.database, accountId);
}
