import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exitCodeFor } from "../src/cli/exit-codes.js";
import { storedVendorProfile } from "../src/db/vendor-profile-store.js";
import { loadVendorProfile } from "../src/ingest/vendor-profile.js";
import { ConfigError, ConflictError, InputError, NotFoundError } from "../src/errors.js";
import { DEMO_AS_OF, DEMO_SCENARIOS } from "./support/demo-evidence.js";
import { startPgliteEngine, type TestEngine } from "./support/engines.js";
import { insertEvidence } from "./support/evidence-factory.js";
import { runCli, runInProcess } from "./support/run-cli.js";
import { writeTempFiles } from "./support/temp-files.js";

const DEMO = fileURLToPath(new URL("../data/demo/", import.meta.url));

describe("evidence readiness, hypotheses, approve, reject, dispute (in process, shared database)", () => {
  let engine: TestEngine;
  let folder: string;
  const written: string[] = [];
  const evidenceIds = new Map<string, string>();

  beforeAll(async () => {
    engine = await startPgliteEngine();
    folder = await writeTempFiles({ "bad-rules.yaml": "version: 2\nhealthy_footprint:\n  passing_health: [green, purple]\n" });
    await run("index", DEMO);
    for (const scenario of DEMO_SCENARIOS.filter((item) => ["brightpath-logistics", "kestrel-credit-union"].includes(item.accountId))) {
      for (const item of scenario.evidence) {
        evidenceIds.set(item.quote, await insertEvidence(engine.database, { sourceRef: item.ref, signalId: item.signal, quote: item.quote }));
      }
    }
  });

  afterAll(async () => {
    await engine?.stop();
  });

  async function run(...args: string[]): Promise<string> {
    await runInProcess(engine.database, args, { workingDirectory: folder ?? process.cwd(), write: (text) => written.push(text) });
    return written.pop() ?? "";
  }

  const failure = (...args: string[]) => run(...args).then(() => undefined, (error: unknown) => error);

  it("prints the verdict, every gate with reasons and the cited quotes with speaker and place, and drafts a hypothesis", async () => {
    const text = await run("readiness", "brightpath-logistics", "--as-of", DEMO_AS_OF);
    expect(text).toContain("Brightpath Logistics (brightpath-logistics), as of 2026-11-23");
    expect(text).toContain("Verdict: READY for an expansion conversation: volume");
    for (const gate of ["healthy_footprint", "measurable_outcome", "champion_active", "customer_pull", "blocking_risks"]) {
      expect(text).toMatch(new RegExp(`PASS  ${gate}`));
    }
    expect(text).toContain("seat_pressure: Luis Romero (customer), ticket #1031 comment 1");
    expect(text).toContain('"We\'ve used all 120 seats. How fast can we get two more?"');
    expect(text).toMatch(/#\d+ volume: new draft/);
    expect(text).not.toContain("We've got the Forecast add-on"); // vendor speech is not cited
  });

  it("--json gives the result, the cited evidence and the stored hypotheses", async () => {
    const output = JSON.parse(await run("--json", "readiness", "kestrel-credit-union", "--as-of", DEMO_AS_OF)) as {
      result: { verdict: string; gates: Array<{ gate: string; status: string }> };
      evidence: Array<{ id: string; place: string }>;
      hypotheses: Array<{ id: string; expansionType: string; status: string }>;
    };
    expect(output.result.verdict).toBe("fix_footprint");
    expect(output.result.gates.find((gate) => gate.gate === "champion_active")?.status).toBe("fail");
    expect(output.evidence.map((fact) => fact.place)).toContain("ticket #4058 comment 3");
    expect(output.hypotheses.map((hypothesis) => hypothesis.expansionType)).toEqual(["volume", "new_department"]);
  });

  it("lists hypotheses, approves a ready one, and refuses a non-ready approval without an override reason", async () => {
    const listed = JSON.parse(await run("--json", "hypotheses", "--status", "draft")) as { hypotheses: Array<{ id: string; accountId: string; expansionType: string }> };
    const ready = listed.hypotheses.find((hypothesis) => hypothesis.accountId === "brightpath-logistics");
    const notReady = listed.hypotheses.find((hypothesis) => hypothesis.accountId === "kestrel-credit-union" && hypothesis.expansionType === "new_department");
    expect(await run("approve", ready?.id ?? "", "--reviewer", "Maya Chen", "--comment", "Seat plan to Marcus by Friday")).toBe(
      `Hypothesis ${ready?.id} (brightpath-logistics, volume, verdict ready) approved by Maya Chen.\n`,
    );
    const refused = await failure("approve", notReady?.id ?? "", "--reviewer", "Maya Chen");
    expect(refused).toBeInstanceOf(ConfigError);
    expect(exitCodeFor(refused)).toBe(2);
    expect(await run("approve", notReady?.id ?? "", "--reviewer", "Maya Chen", "--override-reason", "Successor named: Farah")).toContain(
      "Overrides the rules: Successor named: Farah",
    );
    const table = await run("hypotheses", "--account", "kestrel-credit-union");
    expect(table).toMatch(/new_department\s+fix_footprint\s+approved\s+-\s+Maya Chen\s+override: Successor named: Farah/);
    const full = await run("hypotheses", "--account", "brightpath-logistics", "--full");
    expect(full).toContain("Next customer action that would prove readiness");
    expect(full).toContain("The economic buyer confirms how many more seats are needed");
  });

  it("rejects with a comment, disputes evidence, and a re-run marks what changed stale", async () => {
    const listed = JSON.parse(await run("--json", "hypotheses", "--account", "kestrel-credit-union", "--status", "draft")) as { hypotheses: Array<{ id: string }> };
    expect(await run("reject", listed.hypotheses[0]?.id ?? "", "--reviewer", "Jo", "--comment", "They said they have 30 spare seats")).toContain("rejected by Jo");
    const departure = evidenceIds.get("I'm leaving Kestrel.") ?? "";
    const disputed = await run("dispute", departure, "--reviewer", "Jo", "--comment", "test: pretend this was misread");
    expect(disputed).toContain(`Evidence ${departure} disputed by Jo`);
    expect(disputed).toMatch(/Now stale: #\d+/);
    expect(await run("hypotheses", "--status", "stale")).toContain(`evidence #${departure} was disputed by Jo`);
    expect(exitCodeFor(await failure("dispute", departure, "--reviewer", "Jo"))).toBe(2);
    expect(await failure("dispute", departure, "--reviewer", "Jo")).toBeInstanceOf(ConflictError);
  });

  it("maps bad input to clear errors and exit codes", async () => {
    const unknownAccount = await failure("readiness", "nobody", "--as-of", DEMO_AS_OF);
    expect(unknownAccount).toBeInstanceOf(NotFoundError);
    expect(exitCodeFor(unknownAccount)).toBe(66);
    const badDate = await failure("readiness", "brightpath-logistics", "--as-of", "23/11/2026");
    expect(badDate).toBeInstanceOf(ConfigError);
    const badRules = await failure("readiness", "brightpath-logistics", "--rules", "bad-rules.yaml");
    expect(badRules).toBeInstanceOf(InputError);
    expect(exitCodeFor(badRules)).toBe(65);
    expect((badRules as InputError).message).toMatch(/bad-rules\.yaml, line 3, field "healthy_footprint\.passing_health\.1"/);
    expect(exitCodeFor(await failure("approve", "424242", "--reviewer", "Maya"))).toBe(66);
  });

  it("takes the reviewer from --reviewer, else EVIDENCE_REVIEWER, and refuses a review with neither", async () => {
    const review = (environment: NodeJS.ProcessEnv, ...args: string[]) =>
      runInProcess(engine.database, args, { workingDirectory: folder, environment, write: () => undefined }).then(() => undefined, (error: unknown) => error);
    const unnamed = await review({}, "approve", "999999");
    expect(unnamed).toBeInstanceOf(ConfigError);
    expect((unnamed as Error).message).toMatch(/--reviewer NAME, set EVIDENCE_REVIEWER/);
    // Named by the environment or the flag, the review gets as far as the (missing) hypothesis.
    expect(await review({ EVIDENCE_REVIEWER: "Maya Chen" }, "approve", "999999")).toBeInstanceOf(NotFoundError);
    expect(await review({}, "reject", "999999", "--reviewer", "Maya Chen", "--comment", "no")).toBeInstanceOf(NotFoundError);
  });

  it("stores the vendor profile when the folder is indexed, and readiness reads it from the database", async () => {
    const stored = await storedVendorProfile(engine.database, "brightpath-logistics");
    expect(stored?.sourceRef).toBe("vendor.json");
    expect(stored?.profile).toEqual(await loadVendorProfile(`${DEMO}vendor.json`));
  });
});

describe("evidence readiness as a child process", () => {
  it("explains itself in --help", () => {
    const help = runCli(["readiness", "--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("--as-of <date>");
    expect(help.stdout).toContain("--rules <file>");
    expect(help.stdout).toContain("Verdicts: ready, fix_footprint, no_pull, insufficient_evidence");
  });
});
