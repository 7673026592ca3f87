import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_AS_OF as CLI_DEMO_AS_OF, DEMO_SCENARIOS as CLI_SCENARIOS } from "../src/cli/demo-scenarios.js";
import type { DemoReadinessReport } from "../src/cli/render-demo-readiness.js";
import { ConfigError } from "../src/errors.js";
import { DEMO_AS_OF, DEMO_SCENARIOS } from "./support/demo-evidence.js";
import { startPgliteEngine, type TestEngine } from "./support/engines.js";
import { runInProcess } from "./support/run-cli.js";

/**
 * The whole demo, in process, on one fresh PGlite: index, offline extraction, then readiness per account.
 * The verdicts are compared with the hand-labelled scenarios of test/support/demo-evidence.ts, which were
 * written apart from the extractor, so a cue change that breaks a scenario fails here.
 */
describe("evidence demo (offline extractor + readiness rules on a fresh database)", () => {
  let engine: TestEngine;
  let readiness: DemoReadinessReport;
  let text: string;
  const written: string[] = [];

  async function run(...args: string[]): Promise<string> {
    await runInProcess(engine.database, args, { write: (output) => written.push(output) });
    return written.pop() ?? "";
  }

  beforeAll(async () => {
    engine = await startPgliteEngine();
    readiness = (JSON.parse(await run("--json", "demo")) as { readiness: DemoReadinessReport }).readiness;
    // A second run reads everything from the stores and caches: the text must say the same.
    text = await run("demo");
  });

  afterAll(async () => {
    await engine?.stop();
  });

  it("decides as of the day the demo data is written, and says so", () => {
    expect(CLI_DEMO_AS_OF).toBe(DEMO_AS_OF);
    expect(readiness.asOf).toBe(DEMO_AS_OF);
    expect(readiness.asOfIsDemoDefault).toBe(true);
    expect(text).toContain(`Readiness as of ${DEMO_AS_OF}, the day the demo data is written as of`);
    expect(text).not.toContain("Not yet built");
    expect(text).toContain("npm run eval");
  });

  it("reaches, for every demo account, the verdict its scenario was written for", () => {
    expect(readiness.accounts.map((account) => account.accountId)).toEqual(DEMO_SCENARIOS.map((scenario) => scenario.accountId));
    for (const scenario of DEMO_SCENARIOS) {
      const account = readiness.accounts.find((item) => item.accountId === scenario.accountId);
      // The demo's own expectations and the hand-labelled ones must agree, or the summary table lies.
      expect(CLI_SCENARIOS.find((item) => item.accountId === scenario.accountId)?.expected, scenario.accountId).toBe(scenario.verdict);
      expect(account?.verdict, scenario.accountId).toBe(scenario.verdict);
      expect(account?.matchesScenario, scenario.accountId).toBe(true);
      // Where the account is ready, the pull points where the scenario says.
      if (scenario.verdict === "ready") expect(account?.expansionTypes, scenario.accountId).toEqual(expect.arrayContaining([...scenario.expansionTypes]));
      expect(account?.gates.map((gate) => gate.gate)).toEqual(["healthy_footprint", "measurable_outcome", "champion_active", "customer_pull", "blocking_risks"]);
      for (const gate of account?.gates ?? []) expect(gate.reason, `${scenario.accountId} ${gate.gate}`).not.toBe("");
    }
    expect(text).toContain(`${DEMO_SCENARIOS.length} of ${DEMO_SCENARIOS.length} accounts reach the verdict their scenario was written for.`);
  });

  it("reads each verdict for the right reasons", () => {
    const gates = (accountId: string) =>
      Object.fromEntries(readiness.accounts.find((account) => account.accountId === accountId)?.gates.map((gate) => [gate.gate, gate.status]) ?? []);
    // Orchard: healthy with a measured outcome and an engaged champion, and nothing pulling; the hand
    // exports are an enablement gap (scheduled reports are in its Business plan), not a workaround to sell to.
    expect(gates("orchard-vine-retail")).toEqual({
      healthy_footprint: "pass",
      measurable_outcome: "pass",
      champion_active: "pass",
      customer_pull: "fail",
      blocking_risks: "pass",
    });
    // Cedarline's workarounds feed the competing forecasting tool: cross-sell of the Forecast add-on only.
    expect(readiness.accounts.find((account) => account.accountId === "cedarline-health")?.expansionTypes).toEqual(["cross_sell"]);
    // Tidewater's champion runs office hours; Alder's kickoff worry about a sales pitch did not come true.
    expect(gates("tidewater-energy").champion_active).toBe("pass");
    expect(gates("alder-architects").blocking_risks).toBe("pass");
    // Pinecrest has no outcome: another tool's saved hours are not Lumen's, and the buyer questions the value.
    expect(gates("pinecrest-learning").measurable_outcome).toBe("fail");
    expect(gates("kestrel-credit-union").champion_active).toBe("fail");
  });

  it("stores each account's assessment, with its hypotheses, as `evidence readiness` would", async () => {
    const rows = await engine.database.query<{ account_id: string; verdict: string }>(
      "select account_id, verdict from readiness_assessments order by id",
    );
    // Two demo runs, eight accounts each; the second changes nothing, so readiness stores nothing new.
    expect(rows).toHaveLength(DEMO_SCENARIOS.length);
    expect(rows.slice(-DEMO_SCENARIOS.length).map((row) => [row.account_id, row.verdict])).toEqual(
      DEMO_SCENARIOS.map((scenario) => [scenario.accountId, scenario.verdict]),
    );
    const ready = readiness.accounts.filter((account) => account.verdict === "ready");
    for (const account of ready) expect(account.hypotheses, account.accountId).toBeGreaterThan(0);
  });

  it("refuses an --as-of that is not a date", async () => {
    await expect(run("demo", "--as-of", "23/11/2026")).rejects.toBeInstanceOf(ConfigError);
  });
});
