import type { Command } from "commander";
import { dispute } from "../../app/index.js";
import { contextFor, type ContextDependencies } from "../command-context.js";

export function registerDisputeCommand(program: Command, dependencies: ContextDependencies): void {
  program
    .command("dispute <evidence-id>")
    .description(
      "mark one evidence row wrong: the rules stop reading it, hypotheses that cite it go stale, and it is kept as a label for the eval suite",
    )
    .option("--reviewer <name>", "who disputes, for the audit trail (env EVIDENCE_REVIEWER, or reviewer in evidence.config.json)")
    .option("--comment <text>", "what is wrong with it (wrong signal, vendor speech, resolved issue...)")
    .addHelpText("after", '\nExample:\n  evidence dispute 41 --reviewer "Maya Chen" --comment "Hypothetical, not a present need"')
    .action(async (id: string, options: { reviewer?: string; comment?: string }, command: Command) => {
      const context = contextFor(command, dependencies, { reviewer: options.reviewer });
      const { reviewer, ...outcome } = await context.run((services) => dispute(services, id, { comment: options.comment }));
      context.output.result(outcome, () =>
        [
          `Evidence ${outcome.evidenceId} disputed by ${reviewer}; kept as label ${outcome.labelId} for the eval suite.`,
          outcome.staleHypotheses.length === 0
            ? "No open hypothesis cited it."
            : `Now stale: ${outcome.staleHypotheses.map((hypothesis) => `#${hypothesis}`).join(", ")}. Run evidence readiness <account> to redraft.`,
        ].join("\n"),
      );
    });
}
