import type { Command } from "commander";
import { z } from "zod";
import { SEARCH_METHODS, searchHistory, searchInputSchema, wordCount, type Passage, type SearchResult } from "../../app/index.js";
import { InputError } from "../../errors.js";
import { contextFor, type ContextDependencies } from "../command-context.js";

interface SearchOptions {
  limit?: string;
  since?: string;
  until?: string;
  kind?: string;
  role?: string;
  person?: string;
  method?: string;
  allAccounts?: boolean;
}

/** Filter flags shared by `search` and `ask`. */
export function addFilterOptions(command: Command): Command {
  return command
    .option("--since <date>", "only tickets and calls on or after this date (YYYY-MM-DD)")
    .option("--until <date>", "only tickets and calls on or before this date (YYYY-MM-DD)")
    .option("--kind <ticket|call>", "only tickets, or only calls")
    .option("--role <customer|vendor>", "only passages in which someone of this side speaks")
    .option("--person <name>", "only passages in which this person speaks (full or first name)");
}

/** Validation problems of a request, as the CLI's input errors (flag and reason). */
export function optionProblems(error: z.ZodError): InputError {
  return new InputError(error.issues.map((issue) => ({ file: "command line", field: issue.path.join(".") || "options", reason: issue.message })));
}

export function registerSearchCommand(program: Command, dependencies: ContextDependencies): void {
  addFilterOptions(
    program
      .command("search <account> <query>")
      .description("the passages of an account that best match a query, ranked, each with its citation")
      .option("--limit <n>", "how many passages (default 10)")
      .option("--all-accounts", "search every account (give any name as <account>, e.g. all); each hit names its account")
      .option("--method <name>", `ranking: ${SEARCH_METHODS.join(", ")} (default: the benchmark's choice)`),
  )
    .addHelpText("after", '\nExamples:\n  evidence search brightpath-logistics "running out of seats"\n  evidence search all "competitor tool" --all-accounts --role customer --since 2026-09-01 --json')
    .action(async (account: string, query: string, options: SearchOptions, command: Command) => {
      const context = contextFor(command, dependencies);
      const parsed = searchInputSchema.safeParse({
        ...(options.allAccounts === true ? { allAccounts: true } : { accountId: account }),
        query,
        ...(options.limit === undefined ? {} : { limit: Number(options.limit) }),
        since: options.since,
        until: options.until,
        kind: options.kind,
        speakerRole: options.role,
        person: options.person,
        ...(options.method === undefined ? {} : { method: options.method }),
      });
      if (!parsed.success) throw optionProblems(parsed.error);
      const result = await context.run((services) => searchHistory(services, parsed.data));
      context.output.result(result, () => renderSearch(result));
    });
}

/** "[1] call 2026-10-20 at 00:05:43, Dana Okafor (customer)" and the passage, indented. */
export function renderPassage(passage: Passage, prefix: string, showAccount: boolean): string[] {
  const account = showAccount ? `${passage.citation.accountId}: ` : "";
  const lines = passage.turns.map((turn) => `      ${turn.speaker}: ${passage.text.slice(turn.textStart, turn.textEnd)}`);
  return [`${prefix} ${account}${passage.citation.label}`, ...lines];
}

function renderSearch(result: SearchResult): string {
  if (result.passages.length === 0) return `Nothing matches "${result.query}".`;
  const words = result.passages.reduce((sum, passage) => sum + wordCount(passage.text), 0);
  return [
    `${result.passages.length} passages for "${result.query}" (${result.method}, ${words} words)${result.accountId === null ? " across all accounts" : ` in ${result.accountId}`}:`,
    ...result.passages.flatMap((passage) => ["", ...renderPassage(passage, `[${passage.rank}]`, result.accountId === null)]),
  ].join("\n");
}
