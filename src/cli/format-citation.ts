import type { EvidenceRow } from "../db/evidence-store.js";
import { formatCallOffset } from "../ingest/transcript-schema.js";

/** The ticket number of a ticket's source reference (`tickets/acme.json#4412` -> `4412`). */
function ticketNumber(sourceRef: string): string {
  return sourceRef.slice(sourceRef.lastIndexOf("#") + 1);
}

/**
 * Where the words were said, as a CSM would cite them.
 *
 * @example formatCitation(row) // "ticket #4412, comment 3, Dana Okafor (customer)" or "call 2026-05-14 at 00:23:41, Dana (customer)"
 */
export function formatCitation(row: EvidenceRow): string {
  const who = `${row.speaker ?? "unknown speaker"} (${row.speakerRole})`;
  if (row.documentKind === "ticket") {
    return [`ticket #${ticketNumber(row.sourceRef)}`, row.commentRef === null ? undefined : `comment ${row.commentRef}`, who].filter(Boolean).join(", ");
  }
  const date = row.occurredAt?.slice(0, 10) ?? "undated";
  const at = row.callOffsetSeconds === null ? "" : ` at ${formatCallOffset(row.callOffsetSeconds)}`;
  return `call ${date}${at}, ${who}`;
}
