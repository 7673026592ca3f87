import type { Command } from "commander";
import { listDocumentFlags, listEvidence, type CitedEvidence } from "../../app/index.js";
import { SIGNAL_IDS } from "../../taxonomy/signals.js";
import { contextFor, type ContextDependencies } from "../command-context.js";
import { cut } from "../output.js";

interface EvidenceOptions {
  signal?: string;
  includeVendor?: boolean;
  includeDisputed?: boolean;
  full?: boolean;
}

interface RenderOptions {
  readonly includeVendor: boolean;
  readonly includeDisputed: boolean;
  /** Quotes longer than this are cut with an ellipsis; undefined prints them whole (--full). */
  readonly quoteWidth: number | undefined;
}

const QUOTE_INDENT = 2;

export function registerEvidenceCommand(program: Command, dependencies: ContextDependencies): void {
  program
    .command("evidence <account>")
    .description("list an account's evidence with citations: the exact words, who said them and where, and each row's id (for dispute)")
    .option("--signal <id>", "only this signal (see `evidence taxonomy`)")
    .option("--include-vendor", "also list what the vendor's people said (kept apart: it never counts as customer pull)")
    .option("--include-disputed", "also list rows a reviewer disputed, marked [disputed] (hidden by default: the rules ignore them)")
    .option("--full", "print every quote whole (quotes longer than the terminal is wide are cut with …)")
    .addHelpText(
      "after",
      "\nExamples:\n  evidence evidence brightpath-logistics\n  evidence evidence cedarline-health --signal adjacent_tool --json\n  evidence dispute 41 --comment \"Hypothetical\"   (the id from the listing)",
    )
    .action(async (account: string, options: EvidenceOptions, command: Command) => {
      const context = contextFor(command, dependencies);
      const includeDisputed = options.includeDisputed === true;
      const { all, flags } = await context.read(async (services) => ({
        all: await listEvidence(services, { accountId: account, signalId: options.signal }),
        flags: await listDocumentFlags(services, account),
      }));
      const shown = includeDisputed ? all : all.filter((row) => row.status !== "disputed");
      const disputedHidden = all.length - shown.length;
      const customerSide = shown.filter((row) => row.speakerRole !== "vendor");
      const vendor = shown.filter((row) => row.speakerRole === "vendor");
      // Passages that address the analyzer are never evidence; the reviewer sees the documents flagged.
      const flagged = flags.map((flag) => ({ sourceRef: flag.sourceRef, speaker: flag.speaker, kind: flag.kind, text: flag.text }));
      context.output.result(
        {
          account,
          evidence: customerSide,
          ...(options.includeVendor === true ? { vendorEvidence: vendor } : { vendorEvidenceHidden: vendor.length }),
          ...(includeDisputed ? {} : { disputedHidden }),
          ...(flagged.length === 0 ? {} : { flaggedDocuments: flagged }),
        },
        () =>
          [
            renderEvidence(account, customerSide, vendor, disputedHidden, {
              includeVendor: options.includeVendor === true,
              includeDisputed,
              quoteWidth: options.full === true ? undefined : context.output.columns - QUOTE_INDENT,
            }),
            ...(flagged.length === 0
              ? []
              : ["", `Flagged: ${flagged.length} passage${flagged.length === 1 ? "" : "s"} addressed to the analyzer (quarantined, never evidence):`, ...flagged.map((flag) => `  ${flag.sourceRef} (${flag.speaker}): "${flag.text}"`)]),
          ].join("\n"),
      );
    });
}

function renderRows(rows: readonly CitedEvidence[], options: RenderOptions): string[] {
  const lines: string[] = [];
  for (const signalId of SIGNAL_IDS) {
    const ofSignal = rows.filter((row) => row.signalId === signalId);
    if (ofSignal.length === 0) continue;
    lines.push(`${signalId} (${ofSignal.length})`);
    for (const row of ofSignal) {
      const quote = `"${row.quote}"`;
      const disputed = row.status === "disputed" ? " [disputed]" : "";
      lines.push(`  ${options.quoteWidth === undefined ? quote : cut(quote, options.quoteWidth)}`, `      #${row.id}  ${row.citation}${disputed}`);
    }
  }
  return lines;
}

function renderEvidence(account: string, customerSide: readonly CitedEvidence[], vendor: readonly CitedEvidence[], disputedHidden: number, options: RenderOptions): string {
  if (customerSide.length === 0 && vendor.length === 0 && disputedHidden === 0) {
    return `No evidence stored for ${account}. Run \`evidence extract --account ${account}\` after indexing.`;
  }
  const lines = [`${account}: ${customerSide.length} pieces of evidence from the customer's side`, "", ...renderRows(customerSide, options)];
  if (options.includeVendor) {
    lines.push("", `Said by the vendor (${vendor.length}; never counted as customer pull):`, ...(vendor.length === 0 ? ["  none"] : renderRows(vendor, options)));
  } else if (vendor.length > 0) {
    lines.push("", `${vendor.length} more said by the vendor, not shown (--include-vendor).`);
  }
  if (disputedHidden > 0) lines.push(`${disputedHidden} disputed, not shown (--include-disputed; undo with evidence dispute <id> --withdraw).`);
  lines.push("", "Mark a row wrong with: evidence dispute <id> --comment TEXT");
  return lines.join("\n");
}
