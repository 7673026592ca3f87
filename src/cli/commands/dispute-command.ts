import type { Command } from "commander";
import { dispute, withdrawDispute } from "../../app/index.js";
import { contextFor, type ContextDependencies } from "../command-context.js";

export function registerDisputeCommand(program: Command, dependencies: ContextDependencies): void {
  program
    .command("dispute <evidence-id>")
    .description(
      "mark one evidence row wrong (the id `evidence <account>` shows): the rules stop reading it, hypotheses that cite it go stale, and it is kept as a label for the eval suite",
    )
    .option("--reviewer <name>", "who disputes, for the audit trail (env EVIDENCE_REVIEWER, or reviewer in evidence.config.json)")
    .option("--comment <text>", "what is wrong with it (wrong signal, vendor speech, resolved issue...)")
    .option("--withdraw", "undo an earlier dispute: the row counts again and its label leaves the eval suite (audited)")
    .addHelpText(
      "after",
      '\nExamples:\n  evidence dispute 41 --reviewer "Maya Chen" --comment "Hypothetical, not a present need"\n  evidence dispute 41 --withdraw --comment "It was a present need after all"',
    )
    .action(async (id: string, options: { reviewer?: string; comment?: string; withdraw?: boolean }, command: Command) => {
      const context = contextFor(command, dependencies, { reviewer: options.reviewer });
      if (options.withdraw === true) {
        const { reviewer, ...withdrawn } = await context.read((services) => withdrawDispute(services, id, { comment: options.comment }));
        context.output.result(
          { ...withdrawn, reviewer },
          () =>
            `Dispute of evidence ${withdrawn.evidenceId} withdrawn by ${reviewer}; it counts again. ` +
            `Run evidence readiness ${withdrawn.accountId} to redraft with it.`,
        );
        return;
      }
      const { reviewer, ...outcome } = await context.read((services) => dispute(services, id, { comment: options.comment }));
      context.output.result({ ...outcome, reviewer }, () =>
        [
          `Evidence ${outcome.evidenceId} disputed by ${reviewer}; kept as label ${outcome.labelId} for the eval suite (undo: evidence dispute ${outcome.evidenceId} --withdraw).`,
          outcome.staleHypotheses.length === 0
            ? "No open hypothesis cited it."
            : `Now stale: ${outcome.staleHypotheses.map((hypothesis) => `#${hypothesis}`).join(", ")}. Run evidence readiness <account> to redraft.`,
        ].join("\n"),
      );
    });
}
