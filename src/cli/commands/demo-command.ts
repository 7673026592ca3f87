import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { latestUsage } from "../../db/usage-store.js";
import { describeProblem, InputError } from "../../errors.js";
import { readSourceFolder, type SourceFolder } from "../../ingest/read-source-folder.js";
import { indexSourceFolder, type IndexSummary } from "../../index/index-source-folder.js";
import { createOfflineEmbedder } from "../../models/hashing-embedder.js";
import { SIGNALS } from "../../taxonomy/signals.js";
import { contextFor, TOOL_VERSION, withDatabase, type ContextDependencies } from "../command-context.js";
import { formatTable } from "../output.js";

export const DEMO_FOLDER = fileURLToPath(new URL("../../../data/demo/", import.meta.url));

/** Pipeline stages that later work adds; the demo says plainly which ones it cannot run yet. */
const NOT_YET = [
  { stage: "extract", what: "evidence with verified quotes per signal" },
  { stage: "readiness", what: "gates, verdict and expansion hypotheses per account" },
  { stage: "eval", what: "precision and recall against the gold set" },
] as const;

export interface AccountSummary {
  readonly id: string;
  readonly name: string;
  readonly tier: string;
  readonly arr: number;
  readonly health: string;
  readonly licensedSeats: number | null;
  readonly activeUsers: number | null;
  readonly seatUtilisation: number | null;
  readonly tickets: number;
  readonly calls: number;
  readonly callWords: number;
}

export function registerDemoCommand(program: Command, dependencies: ContextDependencies): void {
  program
    .command("demo")
    .description("load and index the bundled demo data (8 accounts) and show what the tool sees")
    .option("--data <folder>", "a source folder laid out as data/README.md describes", DEMO_FOLDER)
    .action(async (options: { data: string }, command: Command) => {
      const context = contextFor(command, dependencies);
      const folder = path.resolve(dependencies.workingDirectory, options.data);
      const source = await readSourceFolder(folder);
      if (source.problems.length > 0) throw new InputError(source.problems);
      const { summaries, index } = await withDatabase(context, async (database) => {
        context.output.note(`Database: ${database.location} (${database.engine})`);
        const index = await indexSourceFolder(database, source, { embedder: createOfflineEmbedder(), toolVersion: TOOL_VERSION });
        return { summaries: summarise(source, await latestUsage(database)), index };
      });
      context.output.result(
        { folder, signals: SIGNALS.length, accounts: summaries, index, notYet: NOT_YET },
        () => renderDemo(source, summaries, index),
      );
    });
}

function summarise(source: SourceFolder, usage: Awaited<ReturnType<typeof latestUsage>>): AccountSummary[] {
  return source.accounts.map((account) => {
    const active = usage.find((item) => item.accountId === account.id && item.metric === "active_users")?.value;
    const seats = account.licensed_seats;
    const calls = source.calls.filter((call) => call.accountId === account.id);
    return {
      id: account.id,
      name: account.name,
      tier: account.tier,
      arr: account.arr,
      health: `${account.health}${account.health_trend === "unknown" ? "" : `, ${account.health_trend}`}`,
      licensedSeats: seats ?? null,
      activeUsers: active ?? null,
      seatUtilisation: active === undefined || seats === undefined || seats === 0 ? null : active / seats,
      tickets: source.tickets.filter((ticket) => ticket.account_id === account.id).length,
      calls: calls.length,
      callWords: calls.reduce((total, call) => total + call.turns.reduce((sum, turn) => sum + wordCount(turn.text), 0), 0),
    };
  });
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => word !== "").length;
}

function renderDemo(source: SourceFolder, summaries: readonly AccountSummary[], index: IndexSummary): string {
  const table = formatTable(
    ["account", "tier", "ARR", "health", "seats used", "tickets", "calls", "words spoken"],
    summaries.map((summary) => [
      summary.id,
      summary.tier,
      summary.arr,
      summary.health,
      summary.seatUtilisation === null
        ? "no usage data"
        : `${summary.activeUsers}/${summary.licensedSeats} (${Math.round(summary.seatUtilisation * 100)}%)`,
      summary.tickets,
      summary.calls,
      summary.callWords,
    ]),
  );
  const problems = source.problems.map((problem) => `  ! ${describeProblem(problem)}`);
  return [
    `${source.vendor.vendor} demo: ${source.accounts.length} accounts, ${source.tickets.length} tickets, ${source.calls.length} calls, ${source.usage.length} usage rows (validated and stored).`,
    "",
    table,
    ...problems,
    "",
    `Indexed: ${index.indexed} documents (${index.chunks} chunks embedded offline), ${index.unchanged} unchanged, ${index.rejected} rejected.`,
    `Signal taxonomy: ${SIGNALS.length} signals (evidence taxonomy).`,
    "",
    "Not yet built (coming in the next issues):",
    ...NOT_YET.map((item) => `  - ${item.stage}: ${item.what}`),
  ].join("\n");
}
