import { Command } from "commander";
import { DEFAULT_DATABASE_DIRECTORY } from "../config/config.js";
import { TOOL_VERSION, type ContextDependencies } from "./command-context.js";
import { registerAccountsCommand } from "./commands/accounts-command.js";
import { registerAskCommand } from "./commands/ask-command.js";
import { registerApproveCommand } from "./commands/approve-command.js";
import { registerDemoCommand } from "./commands/demo-command.js";
import { registerDisputeCommand } from "./commands/dispute-command.js";
import { registerHypothesesCommand } from "./commands/hypotheses-command.js";
import { registerEvalCommand } from "./commands/eval-command.js";
import { registerEvidenceCommand } from "./commands/evidence-command.js";
import { registerExtractCommand } from "./commands/extract-command.js";
import { registerIndexCommand } from "./commands/index-command.js";
import { registerMigrateCommand } from "./commands/migrate-command.js";
import { registerPortfolioCommand } from "./commands/portfolio-command.js";
import { registerAssessCommand, registerReadinessCommand } from "./commands/readiness-command.js";
import { registerHistoryCommand } from "./commands/history-command.js";
import { registerReportCommand } from "./commands/report-command.js";
import { registerRejectCommand } from "./commands/reject-command.js";
import { registerServeCommand } from "./commands/serve-command.js";
import { registerSearchCommand } from "./commands/search-command.js";
import { registerTaxonomyCommand } from "./commands/taxonomy-command.js";
import { registerTokenCommand } from "./commands/token-command.js";

/** Each command declares itself; later stages add their registration here, in pipeline order. */
const COMMANDS = [
  registerDemoCommand,
  registerAccountsCommand,
  registerIndexCommand,
  registerExtractCommand,
  registerEvidenceCommand,
  registerSearchCommand,
  registerAskCommand,
  registerReadinessCommand,
  registerAssessCommand,
  registerHypothesesCommand,
  registerApproveCommand,
  registerRejectCommand,
  registerDisputeCommand,
  registerHistoryCommand,
  registerReportCommand,
  registerPortfolioCommand,
  registerEvalCommand,
  registerServeCommand,
  registerTaxonomyCommand,
  registerTokenCommand,
  registerMigrateCommand,
];

function jsonRequested(argv: readonly string[] | undefined): boolean {
  return (argv ?? process.argv).includes("--json");
}

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
    .showHelpAfterError(jsonRequested(dependencies.argv) ? false : "(run evidence --help for usage)")
    // Usage errors (unknown option or command, bad or missing value) throw a CommanderError instead of
    // exiting, so main.ts reports them like every other error: exit 2, JSON on stderr with --json.
    .exitOverride()
    .configureOutput({
      // With --json, main.ts writes the one JSON error document; commander's own text would come first.
      outputError: (text, write) => {
        if (!jsonRequested(dependencies.argv)) write(text);
      },
    })
    .addHelpText(
      "after",
      "\nExamples:\n  evidence demo\n  evidence --db postgres://localhost/cs accounts import data/demo/accounts.json\n  evidence taxonomy --json",
    );
  for (const register of COMMANDS) register(program, dependencies);
  return program;
}
