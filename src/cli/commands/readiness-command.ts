import path from "node:path";
import type { Command } from "commander";
import { recordReadiness } from "../../app/index.js";
import type { RecordedReadiness } from "../../hypotheses/record-readiness.js";
import { citedEvidence, renderReadiness } from "../../hypotheses/render-readiness.js";
import { loadVendorProfile } from "../../ingest/vendor-profile.js";
import { contextFor, type ContextDependencies } from "../command-context.js";

interface ReadinessOptions {
  asOf?: string;
  rules?: string;
  vendor?: string;
}

export function registerReadinessCommand(program: Command, dependencies: ContextDependencies): void {
  program
    .command("readiness <account>")
    .description(
      "decide expansion readiness for one account by the rules (never a model), store the result, and draft a " +
        "hypothesis per expansion type the customer side supports",
    )
    .option("--as-of <date>", "decide as of this day (YYYY-MM-DD); recency windows count back from it (default: today)")
    .option("--rules <file>", "a readiness rules file (default: the shipped src/rules/readiness-rules.yaml)")
    .option("--vendor <file>", "the vendor profile that tells a tier ask from an add-on ask (default: the profile stored when the account was indexed)")
    .addHelpText(
      "after",
      [
        "",
        "Gates: healthy_footprint, measurable_outcome, champion_active, customer_pull, blocking_risks (pass, fail or unknown).",
        "Verdicts: ready, fix_footprint, no_pull, insufficient_evidence. Only customer-side evidence counts.",
        "A re-run marks an approved hypothesis stale when its verdict or evidence changed.",
        "",
        "Examples:",
        "  evidence readiness brightpath-logistics",
        "  evidence readiness kestrel-credit-union --as-of 2026-11-23 --json",
        "  evidence readiness summit-hospitality --rules ./team-rules.yaml",
      ].join("\n"),
    )
    .action(async (accountId: string, options: ReadinessOptions, command: Command) => {
      const context = contextFor(command, dependencies, { rules: options.rules });
      // Read and validate the vendor file before opening the database (the rules file is read first too).
      const vendorProfile = options.vendor === undefined ? undefined : await loadVendorProfile(path.resolve(dependencies.workingDirectory, options.vendor));
      const { assessment, recorded } = await context.run((services) =>
        recordReadiness(services, {
          accountId,
          asOf: options.asOf,
          vendorProfile,
          actor: "evidence readiness",
          ...(options.vendor === undefined ? {} : { runArguments: { vendor: options.vendor } }),
        }),
      );
      context.output.result(
        {
          result: assessment.result,
          evidence: citedEvidence(assessment),
          notCustomerSide: assessment.notCustomerSide,
          assessmentId: recorded.assessmentId,
          hypotheses: recorded.hypotheses,
          staled: recorded.staled,
        },
        () => `${renderReadiness(assessment)}\n\n${renderRecorded(recorded)}`,
      );
    });
}

function renderRecorded(recorded: RecordedReadiness): string {
  const lines = [`Stored as assessment ${recorded.assessmentId}.`];
  if (recorded.hypotheses.length === 0) {
    lines.push("No hypothesis drafted: no expansion type is supported by corroborated customer-side evidence.");
  } else {
    lines.push("Hypotheses");
    for (const hypothesis of recorded.hypotheses) {
      const what = { drafted: "new draft", updated: "draft updated", unchanged: "draft, unchanged", kept: `${hypothesis.status}, unchanged` }[hypothesis.change];
      lines.push(`  #${hypothesis.id} ${hypothesis.expansionType}: ${what}`);
    }
    if (recorded.hypotheses.some((hypothesis) => hypothesis.status === "draft")) {
      lines.push("  Review: evidence hypotheses --full, then evidence approve <id> --reviewer NAME (or evidence reject <id> ...)");
    }
  }
  for (const stale of recorded.staled) lines.push(`  #${stale.id} ${stale.expansionType} is now stale: ${stale.reason}`);
  return lines.join("\n");
}
