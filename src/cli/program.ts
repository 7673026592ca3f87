import { Command } from "commander";
import { DEFAULT_DATABASE_DIRECTORY } from "../config/config.js";
import { TOOL_VERSION, type ContextDependencies } from "./command-context.js";
import { registerAccountsCommand } from "./commands/accounts-command.js";
import { registerApproveCommand } from "./commands/approve-command.js";
import { registerDemoCommand } from "./commands/demo-command.js";
import { registerDisputeCommand } from "./commands/dispute-command.js";
import { registerHypothesesCommand } from "./commands/hypotheses-command.js";
import { registerEvalCommand } from "./commands/eval-command.js";
import { registerEvidenceCommand } from "./commands/evidence-command.js";
import { registerExtractCommand } from "./commands/extract-command.js";
import { registerIndexCommand } from "./commands/index-command.js";
import { registerMigrateCommand } from "./commands/migrate-command.js";
import { registerReadinessCommand } from "./commands/readiness-command.js";
import { registerRejectCommand } from "./commands/reject-command.js";
import { registerServeCommand } from "./commands/serve-command.js";
import { registerTaxonomyCommand } from "./commands/taxonomy-command.js";
import { registerTokenCommand } from "./commands/token-command.js";

/** Each command declares itself; later stages add their registration here, in pipeline order. */
const COMMANDS = [
  registerDemoCommand,
  registerAccountsCommand,
  registerIndexCommand,
  registerExtractCommand,
  registerEvidenceCommand,
  registerReadinessCommand,
  registerHypothesesCommand,
  registerApproveCommand,
  registerRejectCommand,
  registerDisputeCommand,
  registerEvalCommand,
  registerServeCommand,
  registerTaxonomyCommand,
  registerTokenCommand,
  registerMigrateCommand,
];

export function createProgram(dependencies: ContextDependencies): Command {
  const program = new Command("evidence")
    .description(
      "Evidence analyzer for Customer Success: finds expansion signals in tickets and calls, cites the " +
        "customer's own words, and decides readiness by rules you can read.",
    )
    .version(TOOL_VERSION)
    .option(
      "--db <dir|postgres://url>",
      `embedded database directory or PostgreSQL URL (env EVIDENCE_DB or DATABASE_URL; default ${DEFAULT_DATABASE_DIRECTORY})`,
    )
    .option("--json", "machine-readable output on stdout")
    .showHelpAfterError("(run evidence --help for usage)")
    .addHelpText(
      "after",
      "\nExamples:\n  evidence demo\n  evidence --db postgres://localhost/cs accounts import data/demo/accounts.json\n  evidence taxonomy --json",
    );
  for (const register of COMMANDS) register(program, dependencies);
  return program;
}
