import path from "node:path";
import type { Command } from "commander";
import { finishRun, startRun } from "../../db/run-store.js";
import { ConfigError } from "../../errors.js";
import { assessAccount, today } from "../../hypotheses/assess-account.js";
import { recordReadiness, type RecordedReadiness } from "../../hypotheses/record-readiness.js";
import { citedEvidence, renderReadiness } from "../../hypotheses/render-readiness.js";
import { loadVendorProfile } from "../../ingest/vendor-profile.js";
import { loadRules } from "../../rules/load-rules.js";
import { taxonomyVersion } from "../../taxonomy/taxonomy-version.js";
import { contextFor, TOOL_VERSION, withDatabase, type ContextDependencies } from "../command-context.js";

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
    .option("--vendor <file>", "the vendor profile that tells a tier ask from an add-on ask (default: vendor.json of the last indexed folder)")
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
      const context = contextFor(command, dependencies);
      const asOf = options.asOf ?? today();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf))) {
        throw new ConfigError(`--as-of "${asOf}" is not a date: use YYYY-MM-DD, e.g. --as-of 2026-11-23.`);
      }
      const resolve = (file: string) => path.resolve(dependencies.workingDirectory, file);
      // Read and validate the files before opening the database: a bad rules file decides nothing.
      const rules = await loadRules(options.rules === undefined ? undefined : resolve(options.rules));
      const vendorProfile = options.vendor === undefined ? undefined : await loadVendorProfile(resolve(options.vendor));
      const { assessment, recorded } = await withDatabase(context, async (database) => {
        const runId = await startRun(database, {
          command: "readiness",
          arguments: { account: accountId, asOf, rules: rules.file, ...(options.vendor === undefined ? {} : { vendor: options.vendor }) },
          toolVersion: TOOL_VERSION,
          versions: { rules: rules.rulesVersion, taxonomy: taxonomyVersion() },
        });
        try {
          const assessment = await assessAccount(database, accountId, { asOf, rules, ...(vendorProfile === undefined ? {} : { vendorProfile }) });
          const recorded = await recordReadiness(database, assessment, { actor: "evidence readiness", runId });
          await finishRun(database, runId, {
            status: "succeeded",
            summary: { account: accountId, verdict: assessment.result.verdict, hypotheses: recorded.hypotheses.length, staled: recorded.staled.length },
          });
          return { assessment, recorded };
        } catch (error) {
          await finishRun(database, runId, { status: "failed", summary: { error: (error as Error).message } });
          throw error;
        }
      });
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
