import { formatCitation, type EvidenceRecord } from "../app/index.js";
import type { StoredExtractionSummary } from "../extract/extract-stored-evidence.js";
import { formatTable } from "./output.js";

export interface DemoEvidence {
  readonly extraction: StoredExtractionSummary;
  readonly perAccount: ReadonlyArray<{
    readonly accountId: string;
    readonly customer: number;
    readonly vendor: number;
    /** Customer-side evidence count per signal. */
    readonly signals: Readonly<Record<string, number>>;
    readonly examples: ReadonlyArray<{ readonly signalId: string; readonly quote: string; readonly citation: string }>;
  }>;
}

/** Evidence per account for the demo: counts per signal on the customer's side and a few quotes. */
export function summariseDemoEvidence(accountIds: readonly string[], rows: readonly EvidenceRecord[], extraction: StoredExtractionSummary, examplesPerAccount = 3): DemoEvidence {
  return {
    extraction,
    perAccount: accountIds.map((accountId) => {
      const ofAccount = rows.filter((row) => row.accountId === accountId);
      const customer = ofAccount.filter((row) => row.speakerRole !== "vendor");
      const signals: Record<string, number> = {};
      for (const row of customer) signals[row.signalId] = (signals[row.signalId] ?? 0) + 1;
      // One quote per signal, most confident first, so the examples show the account's range.
      const bySignal = new Map<string, EvidenceRecord>();
      for (const row of [...customer].sort((a, b) => (b.confidence ?? 0) - (a.confidence ?? 0))) if (!bySignal.has(row.signalId)) bySignal.set(row.signalId, row);
      return {
        accountId,
        customer: customer.length,
        vendor: ofAccount.length - customer.length,
        signals,
        examples: [...bySignal.values()].slice(0, examplesPerAccount).map((row) => ({ signalId: row.signalId, quote: row.quote, citation: formatCitation(row) })),
      };
    }),
  };
}

function shorten(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1).trimEnd()}…`;
}

export function renderDemoEvidence(evidence: DemoEvidence): string {
  const { extraction } = evidence;
  const lines = [
    `Evidence (offline extractor, every quote checked against its source): ${extraction.evidence.customer} customer-side pieces from ${extraction.chunksRead} chunks` +
      ` (${extraction.cached} answered from the cache), ${Object.values(extraction.rejected).reduce((sum, count) => sum + (count ?? 0), 0)} candidate quotes rejected.`,
    "",
    formatTable(
      ["account", "customer evidence", "signals (count)"],
      evidence.perAccount.map((account) => [
        account.accountId,
        account.customer,
        Object.entries(account.signals)
          .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
          .map(([signal, count]) => `${signal} ${count}`)
          .join(", ") || "-",
      ]),
    ),
  ];
  for (const account of evidence.perAccount) {
    if (account.examples.length === 0) continue;
    lines.push("", `${account.accountId}:`);
    for (const example of account.examples) lines.push(`  ${example.signalId}: "${shorten(example.quote, 110)}"`, `      ${example.citation}`);
  }
  lines.push("", "All evidence of an account, with citations: evidence evidence <account> (--include-vendor for what the vendor said).");
  return lines.join("\n");
}
