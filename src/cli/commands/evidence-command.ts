import type { Command } from "commander";
import { listEvidence, type CitedEvidence } from "../../app/index.js";
import { SIGNAL_IDS } from "../../taxonomy/signals.js";
import { contextFor, type ContextDependencies } from "../command-context.js";

interface EvidenceOptions {
  signal?: string;
  includeVendor?: boolean;
}

export function registerEvidenceCommand(program: Command, dependencies: ContextDependencies): void {
  program
    .command("evidence <account>")
    .description("list an account's evidence with citations: the exact words, who said them and where")
    .option("--signal <id>", "only this signal (see `evidence taxonomy`)")
    .option("--include-vendor", "also list what the vendor's people said (kept apart: it never counts as customer pull)")
    .addHelpText("after", "\nExamples:\n  evidence evidence brightpath-logistics\n  evidence evidence cedarline-health --signal adjacent_tool --json")
    .action(async (account: string, options: EvidenceOptions, command: Command) => {
      const context = contextFor(command, dependencies);
      const rows = await context.run((services) => listEvidence(services, { accountId: account, signalId: options.signal }));
      const customerSide = rows.filter((row) => row.speakerRole !== "vendor");
      const vendor = rows.filter((row) => row.speakerRole === "vendor");
      context.output.result(
        { account, evidence: customerSide, ...(options.includeVendor === true ? { vendorEvidence: vendor } : { vendorEvidenceHidden: vendor.length }) },
        () => renderEvidence(account, customerSide, vendor, options.includeVendor === true),
      );
    });
}

function renderRows(rows: readonly CitedEvidence[]): string[] {
  const lines: string[] = [];
  for (const signalId of SIGNAL_IDS) {
    const ofSignal = rows.filter((row) => row.signalId === signalId);
    if (ofSignal.length === 0) continue;
    lines.push(`${signalId} (${ofSignal.length})`);
    for (const row of ofSignal) lines.push(`  "${row.quote}"`, `      ${row.citation}`);
  }
  return lines;
}

function renderEvidence(account: string, customerSide: readonly CitedEvidence[], vendor: readonly CitedEvidence[], includeVendor: boolean): string {
  if (customerSide.length === 0 && vendor.length === 0) return `No evidence stored for ${account}. Run \`evidence extract --account ${account}\` after indexing.`;
  const lines = [`${account}: ${customerSide.length} pieces of evidence from the customer's side`, "", ...renderRows(customerSide)];
  if (includeVendor) {
    lines.push("", `Said by the vendor (${vendor.length}; never counted as customer pull):`, ...(vendor.length === 0 ? ["  none"] : renderRows(vendor)));
  } else if (vendor.length > 0) {
    lines.push("", `${vendor.length} more said by the vendor, not shown (--include-vendor).`);
  }
  return lines.join("\n");
}
