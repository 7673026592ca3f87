import path from "node:path";
import type { Command } from "commander";
import { assessReadiness, recordReadiness } from "../../app/index.js";
import type { RecordedReadiness } from "../../hypotheses/record-readiness.js";
import { citedEvidence, renderReadiness } from "../../hypotheses/render-readiness.js";
import { loadVendorProfile } from "../../ingest/vendor-profile.js";
import { contextFor, type ContextDependencies } from "../command-context.js";

interface ReadinessOptions {
  asOf?: string;
  rules?: string;
  vendor?: string;
  dryRun?: boolean;
}

export function registerReadinessCommand(program: Command, dependencies: ContextDependencies): void {
  const readiness = program
    .command("readiness <account>")
    .description(
      "decide expansion readiness for one account by the rules (never a model), store the result, and draft a " +
        "hypothesis per expansion type the customer side supports",
    )
    .option("--as-of <date>", "decide as of this day (YYYY-MM-DD); recency windows count back from it (default: today)")
    .option("--rules <file>", "a readiness rules file (default: the shipped src/rules/readiness-rules.yaml)")
    .option("--vendor <file>", "the vendor profile that tells a tier ask from an add-on ask (default: the profile stored when the account was indexed)")
    .option("--dry-run", "show the decision without storing anything (same as `evidence assess <account>`)")
    .addHelpText(
      "after",
      [
        "",
        "Gates: healthy_footprint, measurable_outcome, champion_active, customer_pull, blocking_risks (pass, fail or unknown).",
        "Verdicts: ready, fix_footprint, no_pull, insufficient_evidence. Only customer-side evidence counts.",
        "A re-run stores nothing when nothing that feeds the rules changed, and says so. When something changed,",
        "an approval goes stale and a new draft names it; carry the approval over with evidence approve <id> --carry-over.",
        "",
        "Examples:",
        "  evidence readiness brightpath-logistics",
        "  evidence readiness kestrel-credit-union --as-of 2026-11-23 --json",
        "  evidence readiness summit-hospitality --rules ./team-rules.yaml",
        "  evidence readiness brightpath-logistics --dry-run",
      ].join("\n"),
    )
    .action(async (accountId: string, options: ReadinessOptions, command: Command) => {
      const context = contextFor(command, dependencies, { rules: options.rules });
      // Read and validate the vendor file before opening the database (the rules file is read first too).
      const vendorProfile = options.vendor === undefined ? undefined : await loadVendorProfile(path.resolve(dependencies.workingDirectory, options.vendor));
      if (options.dryRun === true) {
        const assessment = await context.read((services) => assessReadiness(services, { accountId, asOf: options.asOf, vendorProfile }));
        context.output.result(
          { result: assessment.result, evidence: citedEvidence(assessment), notCustomerSide: assessment.notCustomerSide, stored: false },
          () => `${renderReadiness(assessment)}\n\nDry run: nothing stored. Run evidence readiness ${accountId} to store it and draft hypotheses.`,
        );
        return;
      }
      const { assessment, recorded } = await context.read((services) =>
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
          unchanged: recorded.unchanged === true,
        },
        () => `${renderReadiness(assessment)}\n\n${renderRecorded(recorded)}`,
      );
    });
}

/** `assess <account>`: the read-only decision under the name a CSM looks for. */
export function registerAssessCommand(program: Command, dependencies: ContextDependencies): void {
  program
    .command("assess <account>")
    .description("show the readiness decision for one account without storing anything (readiness --dry-run)")
    .option("--as-of <date>", "decide as of this day (YYYY-MM-DD; default: today)")
    .option("--rules <file>", "a readiness rules file (default: the shipped src/rules/readiness-rules.yaml)")
    .option("--vendor <file>", "the vendor profile (default: the one stored when the account was indexed)")
    .addHelpText("after", "\nExample:\n  evidence assess brightpath-logistics --as-of 2026-11-23")
    .action(async (accountId: string, options: ReadinessOptions, command: Command) => {
      const context = contextFor(command, dependencies, { rules: options.rules });
      const vendorProfile = options.vendor === undefined ? undefined : await loadVendorProfile(path.resolve(dependencies.workingDirectory, options.vendor));
      const assessment = await context.read((services) => assessReadiness(services, { accountId, asOf: options.asOf, vendorProfile }));
      context.output.result(
        { result: assessment.result, evidence: citedEvidence(assessment), notCustomerSide: assessment.notCustomerSide, stored: false },
        () => `${renderReadiness(assessment)}\n\nDry run: nothing stored. Run evidence readiness ${accountId} to store it and draft hypotheses.`,
      );
    });
}

function renderRecorded(recorded: RecordedReadiness): string {
  const lines = [
    recorded.unchanged === true
      ? `Nothing changed since assessment ${recorded.assessmentId} (same evidence, rules, day and result): nothing new stored.`
      : `Stored as assessment ${recorded.assessmentId}.`,
  ];
  if (recorded.hypotheses.length === 0) {
    lines.push("No hypothesis drafted: no expansion type is supported by corroborated customer-side evidence.");
  } else {
    lines.push("Hypotheses");
    for (const hypothesis of recorded.hypotheses) {
      const what = { drafted: "new draft", updated: "draft updated", unchanged: "draft, unchanged", kept: `${hypothesis.status}, unchanged` }[hypothesis.change];
      const replaces = hypothesis.supersedes === undefined ? "" : `, supersedes #${hypothesis.supersedes}`;
      const carry = hypothesis.carryOverPossible === true ? ` (same verdict as the approved #${hypothesis.supersedes}: evidence approve ${hypothesis.id} --carry-over)` : "";
      lines.push(`  #${hypothesis.id} ${hypothesis.expansionType}: ${what}${replaces}${carry}`);
    }
    if (recorded.hypotheses.some((hypothesis) => hypothesis.status === "draft")) {
      lines.push("  Review: evidence hypotheses --full, then evidence approve <id> --reviewer NAME (or evidence reject <id> ...)");
    }
  }
  for (const stale of recorded.staled) lines.push(`  #${stale.id} ${stale.expansionType} is now stale: ${stale.reason}`);
  return lines.join("\n");
}
