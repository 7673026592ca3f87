import type { Command } from "commander";
import { reject } from "../../app/index.js";
import { contextFor, type ContextDependencies } from "../command-context.js";

export function registerRejectCommand(program: Command, dependencies: ContextDependencies): void {
  program
    .command("reject <hypothesis-id>")
    .description("reject a draft or approved hypothesis, saying why; recorded in the audit trail")
    .option("--reviewer <name>", "who rejects, for the audit trail (env EVIDENCE_REVIEWER, or reviewer in evidence.config.json)")
    .requiredOption("--comment <text>", "why: what is missing or wrong")
    .addHelpText("after", '\nExample:\n  evidence reject 12 --reviewer "Maya Chen" --comment "Spending freeze until April"')
    .action(async (id: string, options: { reviewer?: string; comment: string }, command: Command) => {
      const context = contextFor(command, dependencies, { reviewer: options.reviewer });
      const rejected = await context.read((services) => reject(services, id, { comment: options.comment }));
      context.output.result(
        { hypothesis: rejected },
        () => `Hypothesis ${rejected.id} (${rejected.accountId}, ${rejected.expansionType}) rejected by ${rejected.reviewedBy}: ${rejected.reviewComment}`,
      );
    });
}
