import { createHash } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { stringify } from "yaml";
import type { DisputedEvidence } from "../db/evidence-label-store.js";
import type { RoleDirectory } from "../ingest/speaker-role.js";
import { parseGoldCase } from "./load-gold.js";

export type { DisputedEvidence } from "../db/evidence-label-store.js";

/** The ticket header line and comment headers exactly as `ticketDocument` writes them. */
const TICKET_HEADER = /^Ticket #[^\n]*?: (.*) \((new|open|pending|on_hold|solved|closed)\)\n/;
const COMMENT_HEADER = /^\[comment [^\]\n]+\] (.+) \((customer|vendor|unknown)\), ([^\n]+):\n/gm;

/**
 * Rebuilds a gold document from a stored document's canonical text: a call's text already is the
 * plain-text transcript format; a ticket's is cut back into its comments at the headers the canonical
 * builder wrote. Undefined when the text does not have that shape.
 */
export function goldDocumentOf(dispute: DisputedEvidence, documentId: string): Record<string, unknown> | undefined {
  if (dispute.documentKind === "call") {
    return { id: documentId, kind: "call", title: dispute.documentTitle, date: dispute.occurredAt.slice(0, 10), transcript: dispute.fullText };
  }
  const header = TICKET_HEADER.exec(dispute.fullText);
  if (header === null) return undefined;
  const headers = [...dispute.fullText.matchAll(COMMENT_HEADER)];
  const comments = headers.map((match, index) => {
    const bodyStart = (match.index ?? 0) + match[0].length;
    const bodyEnd = headers[index + 1]?.index ?? dispute.fullText.length;
    const role = match[2];
    return {
      by: match[1],
      ...(role === "customer" || role === "vendor" ? { role } : {}),
      at: match[3],
      body: dispute.fullText.slice(bodyStart, bodyEnd).replace(/\n+$/u, ""),
    };
  });
  if (comments.length === 0) return undefined;
  return { id: documentId, kind: "ticket", subject: header[1], status: header[2], created_at: comments[0]?.at ?? dispute.occurredAt, comments };
}

export interface ExportedDisputes {
  readonly files: readonly string[];
  readonly negatives: number;
  /** Disputes that could not become a valid hard negative, with the reason. */
  readonly skipped: readonly { readonly evidenceId: string; readonly reason: string }[];
}

/**
 * Writes one gold case per account (`disputed-<account>.yaml`) holding the documents of its disputed
 * evidence and each disputed quote as a hard negative of kind `disputed`. The case is `negatives_only`:
 * its documents are not fully labelled, so only the disputed quotes are scored. Every written case is
 * validated with the gold loader first; a dispute that would not load is skipped and reported.
 */
export async function exportDisputes(disputes: readonly DisputedEvidence[], folder: string, directory: RoleDirectory): Promise<ExportedDisputes> {
  const byAccount = new Map<string, DisputedEvidence[]>();
  for (const dispute of disputes) byAccount.set(dispute.accountId, [...(byAccount.get(dispute.accountId) ?? []), dispute]);
  const files: string[] = [];
  const skipped: Array<{ evidenceId: string; reason: string }> = [];
  let negatives = 0;
  await mkdir(folder, { recursive: true });
  for (const [accountId, items] of byAccount) {
    const documents = new Map<string, Record<string, unknown>>();
    // The speakers of the disputed quotes keep the role they had when the evidence was stored.
    const participants = [...new Map(items.flatMap((item) => (item.speaker === undefined ? [] : [[item.speaker, { name: item.speaker, role: item.speakerRole }] as const]))).values()];
    const hardNegatives: Array<Record<string, unknown>> = [];
    for (const dispute of items) {
      const documentId = `doc-${createHash("sha256").update(dispute.sourceRef).digest("hex").slice(0, 10)}`;
      const document = documents.get(documentId) ?? goldDocumentOf(dispute, documentId);
      if (document === undefined) {
        skipped.push({ evidenceId: dispute.evidenceId, reason: `document ${dispute.sourceRef} is not in the canonical ticket or call shape` });
        continue;
      }
      const candidate = {
        looks_like: dispute.signalId,
        document: documentId,
        quote: dispute.quote,
        kind: "disputed",
        why: dispute.comment ?? `marked wrong by ${dispute.reviewer ?? "a reviewer"} (evidence ${dispute.evidenceId})`,
      };
      // Check this one negative on its own, so one bad dispute never costs the account's others.
      const check = await parseGoldCase(caseOf(accountId, participants, [document], [candidate]), `disputed-${accountId}.yaml`, directory);
      if (!check.success) {
        skipped.push({ evidenceId: dispute.evidenceId, reason: check.problems.map((problem) => problem.reason).join("; ") });
        continue;
      }
      documents.set(documentId, document);
      hardNegatives.push(candidate);
    }
    if (hardNegatives.length === 0) continue;
    const file = path.join(folder, `disputed-${accountId}.yaml`);
    const header = `# Exported by \`evidence eval export-disputes\` from evidence reviewers marked wrong. Regenerated on each export.\n`;
    await writeFile(file, header + stringify(caseOf(accountId, participants, [...documents.values()], hardNegatives), { lineWidth: 0 }));
    files.push(file);
    negatives += hardNegatives.length;
  }
  return { files, negatives, skipped };
}

function caseOf(accountId: string, participants: readonly { name: string; role: string }[], documents: readonly Record<string, unknown>[], hardNegatives: readonly Record<string, unknown>[]) {
  return {
    id: `disputed-${accountId}`,
    account_id: accountId,
    description: `Evidence reviewers marked wrong for ${accountId}: every quote here must not be reported as its signal.`,
    negatives_only: true,
    participants,
    documents,
    labels: [],
    hard_negatives: hardNegatives,
  };
}
