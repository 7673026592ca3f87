import type { Command } from "commander";
import { approve } from "../../app/index.js";
import { contextFor, type ContextDependencies } from "../command-context.js";

export function registerApproveCommand(program: Command, dependencies: ContextDependencies): void {
  program
    .command("approve <hypothesis-id>")
    .description("approve a draft hypothesis; recorded in the audit trail with the verdict and evidence at that moment")
    .option("--reviewer <name>", "who approves, for the audit trail (env EVIDENCE_REVIEWER, or reviewer in evidence.config.json)")
    .option("--comment <text>", "a note for the account team")
    .option("--override-reason <text>", "required when the verdict is not ready: why you overrule the rules")
    .option("--carry-over", "carry over the approval of the hypothesis this draft supersedes (same verdict and type; its comment and override reason come along)")
    .addHelpText("after", '\nExamples:\n  evidence approve 12 --reviewer "Maya Chen" --comment "Intro to the Memphis lead booked"\n  evidence approve 14 --reviewer "Maya Chen" --override-reason "Successor named on 2026-12-02"\n  evidence approve 17 --carry-over   (17 supersedes an approved hypothesis with the same verdict)')
    .action(async (id: string, options: { reviewer?: string; comment?: string; overrideReason?: string; carryOver?: boolean }, command: Command) => {
      const context = contextFor(command, dependencies, { reviewer: options.reviewer });
      const approved = await context.read((services) =>
        approve(services, id, { comment: options.comment, overrideReason: options.overrideReason, carryOver: options.carryOver === true }),
      );
      context.output.result({ hypothesis: approved }, () =>
        [
          `Hypothesis ${approved.id} (${approved.accountId}, ${approved.expansionType}, verdict ${approved.verdict}) approved by ${approved.reviewedBy}` +
            (approved.carriedOverFrom === undefined ? "." : `, carried over from #${approved.carriedOverFrom}.`),
          ...(approved.overrideReason === null ? [] : [`Overrides the rules: ${approved.overrideReason}`]),
        ].join("\n"),
      );
    });
}
