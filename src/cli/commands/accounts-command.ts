import path from "node:path";
import type { Command } from "commander";
import { importAccounts, listAccounts } from "../../app/index.js";
import type { Account } from "../../ingest/account-schema.js";
import { loadAccounts } from "../../ingest/load-accounts.js";
import { contextFor, type ContextDependencies } from "../command-context.js";
import { formatTable } from "../output.js";

export function registerAccountsCommand(program: Command, dependencies: ContextDependencies): void {
  const accounts = program.command("accounts").description("import and list accounts (tier, ARR, health, seats, people)");

  accounts
    .command("import <file>")
    .description("validate an accounts file (.json or .csv) and store it; a file with any bad record stores nothing")
    .action(async (file: string, _options: unknown, command: Command) => {
      const context = contextFor(command, dependencies);
      const absolute = path.resolve(dependencies.workingDirectory, file);
      // Validate before opening the database: a bad file never touches stored data.
      const loaded = await loadAccounts(absolute);
      const sourceRef = path.relative(dependencies.workingDirectory, absolute);
      await context.run((services) => importAccounts(services, { accounts: loaded, sourceRef }));
      context.output.result({ imported: loaded.length, file: sourceRef }, () => `Imported ${loaded.length} accounts from ${sourceRef}.`);
    });

  accounts
    .command("list")
    .description("list stored accounts with their facts")
    .action(async (_options: unknown, command: Command) => {
      const context = contextFor(command, dependencies);
      const stored = await context.run(listAccounts);
      context.output.result({ accounts: stored }, () => formatAccounts(stored));
    });
}

export function formatAccounts(accounts: readonly Account[]): string {
  if (accounts.length === 0) return "No accounts stored yet. Import some with: evidence accounts import <file>";
  return formatTable(
    ["account", "tier", "ARR", "health", "seats", "renewal", "champion"],
    accounts.map((account) => [
      account.id,
      account.tier,
      account.arr,
      `${account.health}${account.health_trend === "unknown" ? "" : `, ${account.health_trend}`}`,
      account.licensed_seats ?? "-",
      account.renewal_date ?? "-",
      account.champion ?? "-",
    ]),
  );
}
