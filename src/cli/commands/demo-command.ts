import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { extractEvidence, indexSource, latestUsage, listEvidence, recordReadiness } from "../../app/index.js";
import { OfflineExtractor } from "../../extract/offline-extractor.js";
import { renderDemoEvidence, summariseDemoEvidence } from "../render-demo-evidence.js";
import { renderDemoReadiness, summariseDemoReadiness, type DemoReadinessReport } from "../render-demo-readiness.js";
import { DEMO_AS_OF, DEMO_SCENARIOS } from "../demo-scenarios.js";
import { ConfigError, describeProblem, InputError } from "../../errors.js";
import { readSourceFolder, type SourceFolder } from "../../ingest/read-source-folder.js";
import type { IndexSummary } from "../../index/index-source-folder.js";
import { createOfflineEmbedder } from "../../models/hashing-embedder.js";
import { SIGNALS } from "../../taxonomy/signals.js";
import { contextFor, type ContextDependencies } from "../command-context.js";
import { formatTable } from "../output.js";

export const DEMO_FOLDER = fileURLToPath(new URL("../../../data/demo/", import.meta.url));

/** Pipeline stages that later work adds; the demo says plainly which ones it cannot run yet. */
const NOT_YET: ReadonlyArray<{ readonly stage: string; readonly what: string }> = [];

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
    .option("--as-of <date>", `decide readiness as of this day (YYYY-MM-DD); the demo data is written as of ${DEMO_AS_OF}`, DEMO_AS_OF)
    .action(async (options: { data: string; asOf: string }, command: Command) => {
      const context = contextFor(command, dependencies);
      const asOf = options.asOf;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf))) {
        throw new ConfigError(`--as-of "${asOf}" is not a date: use YYYY-MM-DD, e.g. --as-of ${DEMO_AS_OF}.`);
      }
      const folder = path.resolve(dependencies.workingDirectory, options.data);
      const source = await readSourceFolder(folder);
      if (source.problems.length > 0) throw new InputError(source.problems);
      // The demo runs offline whatever the environment says: no key, no network.
      const offline = { embedder: createOfflineEmbedder(), extractor: new OfflineExtractor({ vendor: source.vendor }) };
      const { summaries, index, evidence, readiness } = await context.run(async (services) => {
        const { database, rules } = services;
        context.output.note(`Database: ${database.location} (${database.engine})`);
        const index = await indexSource(services, source);
        const extraction = await extractEvidence(services);
        const accountIds = source.accounts.map((account) => account.id);
        const evidence = summariseDemoEvidence(accountIds, (await listEvidence(services)).filter((row) => accountIds.includes(row.accountId)), extraction);
        // Readiness per account, stored with its hypotheses as `evidence readiness` stores it.
        const accounts = [];
        for (const accountId of accountIds) {
          const { assessment, recorded } = await recordReadiness(services, { accountId, asOf, vendorProfile: source.vendor, actor: "evidence demo" });
          accounts.push(summariseDemoReadiness(assessment, recorded, DEMO_SCENARIOS.find((scenario) => scenario.accountId === accountId)));
        }
        const readiness: DemoReadinessReport = { asOf, asOfIsDemoDefault: asOf === DEMO_AS_OF, rulesVersion: rules.rulesVersion, accounts };
        return { summaries: summarise(source, await latestUsage(services)), index, evidence, readiness };
      }, offline);
      context.output.result(
        { folder, signals: SIGNALS.length, accounts: summaries, index, evidence, readiness, notYet: NOT_YET },
        () => `${renderDemo(source, summaries, index)}\n\n${renderDemoEvidence(evidence)}\n\n${renderDemoReadiness(readiness)}`,
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
    ...(NOT_YET.length === 0 ? [] : ["", "Not yet built (coming in the next issues):", ...NOT_YET.map((item) => `  - ${item.stage}: ${item.what}`)]),
  ].join("\n");
}
