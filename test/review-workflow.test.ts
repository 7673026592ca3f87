import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { CommanderError } from "commander";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exitCodeFor } from "../src/cli/exit-codes.js";
import { createProgram } from "../src/cli/program.js";
import { ConflictError, NotFoundError } from "../src/errors.js";
import { DEMO_AS_OF, DEMO_SCENARIOS } from "./support/demo-evidence.js";
import { startPgliteEngine, type TestEngine } from "./support/engines.js";
import { insertEvidence } from "./support/evidence-factory.js";
import { runCli, runInProcess } from "./support/run-cli.js";

const DEMO = fileURLToPath(new URL("../data/demo/", import.meta.url));
const ACCOUNT = "brightpath-logistics";
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

interface Hypothesis {
  id: string;
  expansionType: string;
  status: string;
  verdict: string;
  supersedesId: string | null;
  supersededBy: string | null;
  createdAt: string;
}

describe("the review workflow a CSM follows (in process, one shared database)", () => {
  let engine: TestEngine;
  const written: string[] = [];
  const ids = new Map<string, string>();
  const scenario = DEMO_SCENARIOS.find((item) => item.accountId === ACCOUNT);

  beforeAll(async () => {
    engine = await startPgliteEngine();
    await run("index", DEMO);
    for (const item of scenario?.evidence ?? []) {
      ids.set(item.quote, await insertEvidence(engine.database, { sourceRef: item.ref, signalId: item.signal, quote: item.quote }));
    }
  });

  afterAll(async () => {
    await engine?.stop();
  });

  async function run(...args: string[]): Promise<string> {
    await runInProcess(engine.database, args, { environment: { EVIDENCE_REVIEWER: "Maya Chen" }, write: (text) => written.push(text) });
    return written.pop() ?? "";
  }
  const json = async <T>(...args: string[]): Promise<T> => JSON.parse(await run("--json", ...args)) as T;
  const failure = (...args: string[]) => run(...args).then(() => undefined, (error: unknown) => error);
  const firstOutcome = () => scenario?.evidence.find((item) => item.signal === "measurable_outcome")?.quote ?? "";

  it("evidence shows each row's id, hides disputed rows (marked with --include-disputed), and dispute --withdraw undoes it", async () => {
    const disputedId = ids.get(firstOutcome()) ?? "";
    const listing = await run("evidence", ACCOUNT);
    expect(listing).toContain(`#${disputedId}  call 2026-08-12`);

    await run("dispute", disputedId, "--comment", "test: misread");
    const hidden = await run("evidence", ACCOUNT);
    expect(hidden).not.toContain(`#${disputedId} `);
    expect(hidden).toContain("1 disputed, not shown (--include-disputed");
    expect(await run("evidence", ACCOUNT, "--include-disputed")).toContain(`#${disputedId}  call 2026-08-12, Dana Okafor (customer) [disputed]`);
    expect((await json<{ disputedHidden: number }>("evidence", ACCOUNT)).disputedHidden).toBe(1);

    expect(await run("dispute", disputedId, "--withdraw", "--comment", "it was right")).toContain(`Dispute of evidence ${disputedId} withdrawn by Maya Chen`);
    const back = await json<{ evidence: Array<{ id: string; status: string }>; disputedHidden: number }>("evidence", ACCOUNT);
    expect(back.disputedHidden).toBe(0);
    expect(back.evidence.find((row) => row.id === disputedId)?.status).toBe("active");
    const again = await failure("dispute", disputedId, "--withdraw");
    expect(again).toBeInstanceOf(ConflictError);
    expect(exitCodeFor(again)).toBe(2);
    expect(exitCodeFor(await failure("dispute", "999999", "--withdraw"))).toBe(66);
  });

  it("readiness stores nothing when nothing changed and says so; --dry-run and assess never store", async () => {
    const first = await json<{ assessmentId: string; unchanged: boolean }>("readiness", ACCOUNT, "--as-of", DEMO_AS_OF);
    expect(first.unchanged).toBe(false);
    const second = await run("readiness", ACCOUNT, "--as-of", DEMO_AS_OF);
    expect(second).toContain(`Nothing changed since assessment ${first.assessmentId}`);
    expect(second).toMatch(/#\d+ volume: draft, unchanged/);
    expect(await run("readiness", ACCOUNT, "--as-of", DEMO_AS_OF, "--dry-run")).toContain("Dry run: nothing stored.");
    const assessed = await json<{ result: { verdict: string }; stored: boolean }>("assess", ACCOUNT, "--as-of", DEMO_AS_OF);
    expect(assessed).toMatchObject({ result: { verdict: "ready" }, stored: false });
    const history = await json<{ readiness: Array<{ id: string }> }>("history", ACCOUNT);
    expect(history.readiness.map((run) => run.id)).toEqual([first.assessmentId]);
  });

  it("a changed basis drafts a hypothesis naming the one it supersedes; the approval carries over in one step", async () => {
    const [draft] = (await json<{ hypotheses: Hypothesis[] }>("hypotheses", "--account", ACCOUNT)).hypotheses;
    await run("approve", draft?.id ?? "", "--comment", "Seat plan to Marcus by Friday");
    await run("dispute", ids.get(firstOutcome()) ?? "", "--comment", "duplicate of the QBR quote");
    const rerun = await run("readiness", ACCOUNT, "--as-of", DEMO_AS_OF);
    expect(rerun).toContain("supersedes");
    const successor = /#(\d+) volume: new draft, supersedes #(\d+) \(same verdict as the approved #\d+: evidence approve \d+ --carry-over\)/.exec(rerun);
    expect(successor?.[2]).toBe(draft?.id);

    const listed = (await json<{ hypotheses: Hypothesis[] }>("hypotheses", "--account", ACCOUNT)).hypotheses;
    expect(listed.map((hypothesis) => hypothesis.id)).toEqual([successor?.[1]]);
    const all = (await json<{ hypotheses: Hypothesis[] }>("hypotheses", "--account", ACCOUNT, "--status", "all")).hypotheses;
    expect(all.find((hypothesis) => hypothesis.id === draft?.id)).toMatchObject({ status: "stale", supersededBy: successor?.[1] });
    expect(all.find((hypothesis) => hypothesis.id === successor?.[1])?.supersedesId).toBe(draft?.id);

    expect(await run("approve", successor?.[1] ?? "", "--carry-over")).toContain(`approved by Maya Chen, carried over from #${draft?.id}.`);
    const carried = (await json<{ hypotheses: Array<Hypothesis & { reviewComment: string }> }>("hypotheses", "--account", ACCOUNT)).hypotheses[0];
    expect(carried).toMatchObject({ status: "approved", reviewComment: "Seat plan to Marcus by Friday" });
    // Nothing to carry over from: a first draft, or an approval already given.
    expect(await failure("approve", successor?.[1] ?? "", "--carry-over")).toBeInstanceOf(ConflictError);
  });

  it("history lists the readiness runs and the audit trail newest first, every time ISO 8601 with a zone", async () => {
    const history = await json<{ readiness: Array<{ id: string; createdAt: string }>; events: Array<{ id: string; action: string; occurredAt: string; details: Record<string, unknown> }> }>(
      "history",
      ACCOUNT,
    );
    expect(history.readiness).toHaveLength(2);
    const eventIds = history.events.map((event) => Number(event.id));
    expect(eventIds).toEqual([...eventIds].sort((left, right) => right - left));
    expect(history.events[0]).toMatchObject({ action: "hypothesis.approved", details: { carriedOverFrom: expect.any(String) } });
    expect(history.events.map((event) => event.action)).toEqual(expect.arrayContaining(["evidence.disputed", "evidence.dispute_withdrawn", "readiness.assessed", "hypothesis.stale"]));
    for (const time of [...history.readiness.map((run) => run.createdAt), ...history.events.map((event) => event.occurredAt)]) expect(time).toMatch(ISO_WITH_ZONE);
    const evidence = await json<{ evidence: Array<{ occurredAt: string }> }>("evidence", ACCOUNT);
    for (const row of evidence.evidence) expect(row.occurredAt).toMatch(ISO_WITH_ZONE);
    const hypotheses = await json<{ hypotheses: Array<{ createdAt: string; reviewedAt: string | null }> }>("hypotheses", "--status", "all");
    for (const hypothesis of hypotheses.hypotheses) expect(hypothesis.createdAt).toMatch(ISO_WITH_ZONE);
    expect(await run("history", ACCOUNT)).toMatch(/Audit trail \(newest first\)\nevent\s+at\s+actor/);
  });

  it("tables wrap to the terminal's width; quotes cut there end in an ellipsis and --full prints them whole", async () => {
    const narrow: string[] = [];
    await runInProcess(engine.database, ["hypotheses", "--status", "all"], { columns: 80, write: (text) => narrow.push(text) });
    const lines = narrow.join("").trimEnd().split("\n");
    expect(lines.length).toBeGreaterThan(4);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);

    const long = scenario?.evidence.find((item) => item.quote.length > 70 && item.quote !== firstOutcome())?.quote ?? "";
    const cutText: string[] = [];
    await runInProcess(engine.database, ["evidence", ACCOUNT], { columns: 40, write: (text) => cutText.push(text) });
    expect(cutText.join("")).toContain(`"${long.slice(0, 20)}`);
    expect(cutText.join("")).not.toContain(long);
    expect(cutText.join("")).toMatch(/…\n/);
    const fullText: string[] = [];
    await runInProcess(engine.database, ["evidence", ACCOUNT, "--full"], { columns: 40, write: (text) => fullText.push(text) });
    expect(fullText.join("")).toContain(`"${long}"`);
  });

  it("usage errors (unknown option or command, bad or missing values) exit 2", async () => {
    for (const args of [["--bogus"], ["nope"], ["hypotheses", "--status", "weird"], ["evidence"], ["reject", "1"]]) {
      const error = await failure(...args);
      expect(error, args.join(" ")).toBeInstanceOf(CommanderError);
      expect(exitCodeFor(error)).toBe(2);
    }
  });
});

describe("commands that read a database that is not there", () => {
  it("say so and exit 66 instead of creating an empty one", async () => {
    const missing = path.join(tmpdir(), `evidence-missing-${process.pid}`);
    for (const args of [["evidence", ACCOUNT], ["hypotheses"], ["history", ACCOUNT], ["assess", ACCOUNT], ["dispute", "1"]]) {
      const program = createProgram({ environment: {}, workingDirectory: missing, write: () => undefined, argv: [] });
      const error = await program.parseAsync(["node", "evidence", "--db", missing, ...args]).then(() => undefined, (caught: unknown) => caught);
      expect(error, args.join(" ")).toBeInstanceOf(NotFoundError);
      expect(exitCodeFor(error)).toBe(66);
      expect((error as Error).message).toContain(`No evidence database in ${missing}`);
    }
    // The default location is discovered upward from the working directory; none there is the same error.
    const program = createProgram({ environment: {}, workingDirectory: missing, write: () => undefined, argv: [] });
    await expect(program.parseAsync(["node", "evidence", "hypotheses"])).rejects.toThrow(/none found from the working directory upward/);
    expect(existsSync(missing)).toBe(false);
  });
});

describe("evidence as a child process", () => {
  it("writes a usage error as JSON on stderr with --json", async () => {
    const usage = runCli(["--json", "nope"]);
    expect(usage.status).toBe(2);
    expect(JSON.parse(usage.stderr)).toEqual({ error: { kind: "UsageError", message: "unknown command 'nope'" } });
  });
});
