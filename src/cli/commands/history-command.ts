import type { Command } from "commander";
import { accountHistory, type AccountHistory } from "../../app/index.js";
import { contextFor, type ContextDependencies } from "../command-context.js";
import { formatTable } from "../output.js";

export function registerHistoryCommand(program: Command, dependencies: ContextDependencies): void {
  program
    .command("history <account>")
    .description("an account's readiness runs and audit trail (reviews, disputes, imports), newest first")
    .addHelpText("after", "\nExamples:\n  evidence history brightpath-logistics\n  evidence history brightpath-logistics --json")
    .action(async (accountId: string, _options: unknown, command: Command) => {
      const context = contextFor(command, dependencies);
      const found = await context.read((services) => accountHistory(services, accountId));
      context.output.result(found, () => renderHistory(found, context.output.columns));
    });
}

/** What an audit event says, in a few words: who changed what and why. */
function summary(details: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const key of ["expansionType", "verdict", "to", "supersedes", "carriedOverFrom", "signalId", "reason", "comment", "overrideReason"]) {
    const value = details[key];
    if (value !== undefined && value !== null && value !== "") parts.push(`${key}: ${String(value)}`);
  }
  return parts.join("; ");
}

function renderHistory(history: AccountHistory, columns: number): string {
  if (history.readiness.length === 0 && history.events.length === 0) return `No history for ${history.accountId}.`;
  const lines = [`${history.accountId}: readiness runs (newest first)`];
  lines.push(
    history.readiness.length === 0
      ? "  none yet: evidence readiness " + history.accountId
      : formatTable(
          ["assessment", "stored at", "as of", "verdict", "rules", "evidence"],
          history.readiness.map((run) => [run.id, run.createdAt, run.asOf, run.verdict, run.rulesVersion, run.evidenceIds.length]),
          { columns },
        ),
  );
  lines.push("", "Audit trail (newest first)");
  lines.push(
    formatTable(
      ["event", "at", "actor", "action", "subject", "details"],
      history.events.map((event) => [event.id, event.occurredAt, event.actor, event.action, `${event.subjectType} ${event.subjectId}`, summary(event.details)]),
      { columns },
    ),
  );
  return lines.join("\n");
}
