import type { Command } from "commander";
import { rejectHypothesis } from "../../hypotheses/review-hypothesis.js";
import { contextFor, withDatabase, type ContextDependencies } from "../command-context.js";

export function registerRejectCommand(program: Command, dependencies: ContextDependencies): void {
  program
    .command("reject <hypothesis-id>")
    .description("reject a draft or approved hypothesis, saying why; recorded in the audit trail")
    .requiredOption("--reviewer <name>", "who rejects (goes into the audit trail)")
    .requiredOption("--comment <text>", "why: what is missing or wrong")
    .addHelpText("after", '\nExample:\n  evidence reject 12 --reviewer "Maya Chen" --comment "Spending freeze until April"')
    .action(async (id: string, options: { reviewer: string; comment: string }, command: Command) => {
      const context = contextFor(command, dependencies);
      const rejected = await withDatabase(context, (database) => rejectHypothesis(database, id, options));
      context.output.result(
        { hypothesis: rejected },
        () => `Hypothesis ${rejected.id} (${rejected.accountId}, ${rejected.expansionType}) rejected by ${rejected.reviewedBy}: ${rejected.reviewComment}`,
      );
    });
}
