import { copyFile, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { http } from "msw";
import { setupServer } from "msw/node";
import OpenAI from "openai";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { readBaseline } from "../src/evals/baseline.js";
import { runEvalSuite } from "../src/evals/eval-suite.js";
import { loadGoldSet, type GoldSet } from "../src/evals/load-gold.js";
import type { ChunkExtraction, ExtractionChunk, Extractor } from "../src/extract/extractor.js";
import { OfflineExtractor } from "../src/extract/offline-extractor.js";
import { OpenAiExtractor } from "../src/extract/openai-extractor.js";
import { bufferedFetch, chatCompletion, MODEL_BASE_URL, passageIds, type ChatRequestBody } from "./support/chat-completions.js";
import { runCli } from "./support/run-cli.js";

const server = setupServer();
let gold: GoldSet;
let scratch: string;
let configFile: string;

beforeAll(async () => {
  server.listen({ onUnhandledRequest: "error" });
  gold = await loadGoldSet("evals/gold");
  scratch = await mkdtemp(path.join(tmpdir(), "eval-suite-"));
  // The committed config, plus a price for the scripted model so the cost estimate is exercised.
  configFile = path.join(scratch, "eval-config.yaml");
  await writeFile(configFile, `${await readFile("evals/eval-config.yaml", "utf8")}\n  scripted-model: { input_per_1k: 0.5, output_per_1k: 1 }\n`);
});
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const folder = (name: string) => mkdtemp(path.join(scratch, `${name}-`));

describe("the offline eval against its committed baseline", () => {
  it("passes the gate, matches the baseline exactly and writes both reports", async () => {
    const results = await folder("results");
    const result = await runEvalSuite({ extractor: "offline", resultsFolder: results });
    expect(result.passed).toBe(true);
    const [only] = result.compared;
    expect(only?.comparison.macroF1?.delta).toBe(0);
    expect(only?.comparison.newFalsePositives).toEqual([]);
    expect(only?.comparison.newFalseNegatives).toEqual([]);
    expect(only?.comparison.goldChanged).toBe(false);
    const files = await readdir(result.reportFolder);
    expect(files.sort()).toEqual(["report.html", "report.md", "results.json"]);
    const markdown = await readFile(path.join(result.reportFolder, "report.md"), "utf8");
    for (const heading of ["## Per signal", "## Against the baseline", "## Confusion between signals", "## Examples", "## Readiness verdicts", "## By split"]) expect(markdown).toContain(heading);
    // The headline per split: every split in the report and in results.json, each scored on its own cases.
    expect(only?.run.splits.map((headline) => headline.split)).toEqual(["all", "tune", "holdout"]);
    for (const split of ["all", "tune", "holdout"]) expect(markdown).toMatch(new RegExp(`\\| ${split} \\| \\d+ / \\d+ \\|`));
    const holdout = only?.run.splits.find((headline) => headline.split === "holdout");
    expect(holdout?.cases).toBe(gold.cases.filter((goldCase) => goldCase.split === "holdout").length);
    expect(only?.comparison.splitMacroF1.find((item) => item.split === "holdout")?.delta).toBe(0);
    const saved = JSON.parse(await readFile(path.join(result.reportFolder, "results.json"), "utf8")) as Array<{ splits: Array<{ split: string; macro: { f1: number } }> }>;
    expect(saved[0]?.splits.find((headline) => headline.split === "holdout")?.macro.f1).toBe(holdout?.macro.f1);
  });

  it("fails the gate against a better baseline and names each regression", async () => {
    const baselineFile = path.join(await folder("baseline"), "baseline.json");
    const committed = await readBaseline("evals/baseline.json");
    if (committed === undefined) throw new Error("evals/baseline.json is missing");
    // The weakest signal of the committed baseline, claimed perfect.
    const [weakest] = Object.entries(committed.per_signal).sort(([, left], [, right]) => left.f1 - right.f1)[0] ?? [];
    if (weakest === undefined || (committed.per_signal[weakest as keyof typeof committed.per_signal]?.f1 ?? 1) > 0.9) throw new Error("every signal is near perfect");
    const better = { ...committed, macro: { ...committed.macro, f1: committed.macro.f1 + 0.1 }, per_signal: { ...committed.per_signal, [weakest]: { precision: 1, recall: 1, f1: 1, support: 6 } } };
    await writeFile(baselineFile, JSON.stringify(better));
    const result = await runEvalSuite({ extractor: "offline", baselineFile, resultsFolder: await folder("results") });
    expect(result.passed).toBe(false);
    expect(result.regressions.some((reason) => reason.startsWith("macro-F1 dropped 0.100"))).toBe(true);
    expect(result.regressions.some((reason) => reason.startsWith(`${weakest} F1 dropped`))).toBe(true);
  });

  it("writes a baseline only when asked to", async () => {
    const baselineFile = path.join(await folder("baseline"), "baseline.json");
    await runEvalSuite({ extractor: "offline", baselineFile, resultsFolder: await folder("results") });
    expect(await readBaseline(baselineFile)).toBeUndefined();
    const result = await runEvalSuite({ extractor: "offline", baselineFile, resultsFolder: await folder("results"), updateBaseline: true });
    expect(result.baselineWritten).toBe(baselineFile);
    expect((await readBaseline(baselineFile))?.macro.f1).toBe((await readBaseline("evals/baseline.json"))?.macro.f1);
  });
});

describe("the eval command", () => {
  it("exits 0 and prints the table, the gate and its time against the committed baseline", () => {
    const run = runCli(["eval", "run", "--results", scratch]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/seat_pressure\s+\d+\s+\d+/);
    expect(run.stdout).toContain("Gate: PASS");
    for (const split of ["all", "tune", "holdout"]) expect(run.stdout).toMatch(new RegExp(`^${split}\\s+\\d+\\s+\\d+\\s+\\d\\.\\d{3}/`, "m"));
    expect(run.stdout).toMatch(/Eval time: \d+\.\d\d s/);
  });

  it("prints one JSON document with --json, and refuses a model for the offline extractor with exit 2", () => {
    const run = runCli(["--json", "eval", "run", "--results", scratch, "--max-macro-f1-drop", "0", "--min-citation-validity", "1"]);
    expect(run.status).toBe(0);
    const parsed = JSON.parse(run.stdout) as { passed: boolean; thresholds: { minCitationValidity: number }; runs: Array<{ metrics: { citationValidity: { rate: number } }; splits: Array<{ split: string }> }> };
    expect(parsed.passed).toBe(true);
    expect(parsed.runs[0]?.splits.map((headline) => headline.split)).toEqual(["all", "tune", "holdout"]);
    expect(parsed.thresholds.minCitationValidity).toBe(1);
    expect(parsed.runs[0]?.metrics.citationValidity.rate).toBe(1);
    const refused = runCli(["eval", "run", "--results", scratch, "--model", "gpt-4o-mini"]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/offline extractor has no model/);
    // Two CLI processes, each loading the classifier: a generous bound, not a speed check.
  }, 30_000);

  it("exits 1 and lists the regressions against a baseline it cannot reach", async () => {
    const baselineFile = path.join(await folder("baseline"), "baseline.json");
    const committed = await readBaseline("evals/baseline.json");
    await writeFile(baselineFile, JSON.stringify({ ...committed, macro: { precision: 1, recall: 1, f1: 1 } }));
    const run = runCli(["eval", "run", "--results", scratch, "--baseline", baselineFile]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("Gate: FAIL");
    expect(run.stderr).toMatch(/macro-F1 dropped/);
  });
});

/** Splits a request's user message into passages: id -> the passage's lines of speech. */
function passagesOf(body: ChatRequestBody): Map<string, string> {
  const user = body.messages.find((message) => message.role === "user")?.content ?? "";
  // A passage's own lines: the CONTEXT lines around it are there to be read, never quoted.
  const ownLines = (text: string) => text.split("\n").filter((line) => !line.startsWith("CONTEXT ")).join("\n");
  return new Map(passageIds(body).map((id) => [id, ownLines(user.split(`BEGIN PASSAGE ${id} `)[1]?.split(`END PASSAGE ${id} `)[0] ?? "")]));
}

describe("the model path, with msw scripting the model", () => {
  const modelFor = () =>
    new OpenAiExtractor({
      model: "scripted-model",
      apiKey: "test-key",
      client: new OpenAI({ apiKey: "test-key", baseURL: MODEL_BASE_URL, maxRetries: 0, fetch: bufferedFetch }),
    });

  /**
   * A model that knows the gold labels: for each passage it returns the labelled quotes found in it, plus
   * one invented quote per request. Requests with a bramble-books customer speaking answer with broken
   * JSON, also on the repair request, so every labelled chunk of that case fails.
   */
  function scriptModel(calls: { count: number; fabricated: number }) {
    const labels = gold.cases.flatMap((goldCase) => goldCase.labels);
    server.use(
      http.post(`${MODEL_BASE_URL}/chat/completions`, async ({ request }) => {
        const body = (await request.json()) as ChatRequestBody;
        calls.count += 1;
        const passages = passagesOf(body);
        if ([...passages.values()].some((text) => /Agnes Whitlow|Rupert Sallis|Callum Reid/.test(text))) return chatCompletion("{ this is not json");
        const evidence = [...passages.entries()].flatMap(([chunk, text]) =>
          labels.filter((label) => text.includes(label.quote)).map((label) => ({ chunk, signal: label.signalId, quote: label.quote, confidence: 0.9 })),
        );
        const [firstChunk] = passages.keys();
        if (firstChunk !== undefined) {
          calls.fabricated += 1;
          evidence.push({ chunk: firstChunk, signal: "seat_pressure", quote: "We have four hundred people waiting for logins today", confidence: 0.6 });
        }
        return chatCompletion(JSON.stringify({ evidence }));
      }),
    );
  }

  it("counts fabricated quotes against citation validity, records invalid JSON as failed chunks, and costs the tokens", async () => {
    const calls = { count: 0, fabricated: 0 };
    scriptModel(calls);
    const result = await runEvalSuite({
      extractor: "openai",
      createExtractor: () => modelFor(),
      configFile,
      cache: false,
      resultsFolder: await folder("results"),
      baselineFile: path.join(scratch, "none.json"),
    });
    const metrics = result.compared[0]?.run.scored.metrics;
    if (metrics === undefined) throw new Error("no run");
    expect(calls.count).toBeGreaterThan(0);
    expect(metrics.citationValidity.byReason.quote_not_found).toBe(calls.fabricated);
    expect(metrics.citationValidity.rejected).toBe(calls.fabricated);
    expect(metrics.citationValidity.rate).toBeLessThan(1);
    expect(metrics.failures.chunks).toBeGreaterThan(0);
    expect(metrics.failures.cases).toEqual([]);
    // Every label outside the broken case is found; the broken case's labels are all missed.
    const brambleLabels = gold.cases.find((goldCase) => goldCase.id === "bramble-books")?.labels.length ?? 0;
    expect(metrics.micro.falseNegatives).toBeGreaterThanOrEqual(brambleLabels);
    expect(metrics.micro.recall).toBeGreaterThan(0.8);
    expect(metrics.micro.precision).toBe(1);
    expect(metrics.cost.promptTokens).toBe(100 * calls.count);
    expect(metrics.cost.completionTokens).toBe(20 * calls.count);
    expect(metrics.cost.priced).toBe(true);
    expect(metrics.cost.costUsd).toBeCloseTo((100 * calls.count * 0.5 + 20 * calls.count) / 1000, 10);
    // The citation floor of the committed config is 90%: one invented quote per request breaks it.
    expect(result.passed).toBe(metrics.citationValidity.rate >= 0.9);
  });

  it("caches model answers: a second run makes no request for what succeeded, and asks again for what failed", async () => {
    const calls = { count: 0, fabricated: 0 };
    scriptModel(calls);
    const cacheFolder = await folder("cache");
    const options = { extractor: "openai" as const, createExtractor: () => modelFor(), configFile, cacheFolder, resultsFolder: await folder("results"), baselineFile: path.join(scratch, "none.json") };
    const first = await runEvalSuite(options);
    const firstCalls = calls.count;
    const second = await runEvalSuite(options);
    const secondCalls = calls.count - firstCalls;
    const firstMetrics = first.compared[0]?.run.scored.metrics;
    const secondMetrics = second.compared[0]?.run.scored.metrics;
    // Only the broken case's requests (initial + repair each) go out again.
    expect(secondCalls).toBeGreaterThan(0);
    expect(secondCalls).toBeLessThan(firstCalls);
    expect(secondMetrics?.micro).toEqual(firstMetrics?.micro);
    const cached = second.compared[0]?.run.scored.metrics.cost.perCase.filter((item) => item.chunks > 0 && item.cachedChunks === item.chunks) ?? [];
    expect(cached.length).toBe(gold.cases.length - 1);
    const rerun = await runEvalSuite({ ...options, cache: false });
    expect(rerun.compared[0]?.run.scored.metrics.cost.perCase.every((item) => item.cachedChunks === 0)).toBe(true);
  });
});

describe("runs that go wrong, and A/B", () => {
  /** An extractor that throws on one case's documents and defers to the offline one elsewhere. */
  class BrokenOnOneCase implements Extractor {
    readonly provider = "fake";
    readonly modelId = "broken";
    readonly promptHash = "broken-1";
    private readonly offline = new OfflineExtractor();
    async extract(chunks: readonly ExtractionChunk[]): Promise<ChunkExtraction[]> {
      if (chunks.some((chunk) => chunk.accountId === "juniper-transit")) throw new Error("the model went away", { cause: new Error("socket hang up") });
      return this.offline.extract(chunks);
    }
  }

  it("records a failing case with its error and keeps going; its labels count as missed", async () => {
    const result = await runEvalSuite({ extractor: "offline", createExtractor: () => new BrokenOnOneCase(), cache: false, resultsFolder: await folder("results"), baselineFile: path.join(scratch, "none.json") });
    const metrics = result.compared[0]?.run.scored.metrics;
    expect(metrics?.failures.cases).toEqual([{ caseId: "juniper-transit", error: "Error: the model went away <- Error: socket hang up" }]);
    expect(metrics?.cost.perCase.filter((item) => item.success)).toHaveLength(gold.cases.length - 1);
    expect(metrics?.verdicts.cases.find((item) => item.caseId === "juniper-transit")).toMatchObject({ expected: "fix_footprint", error: "not decided" });
    const juniper = gold.cases.find((goldCase) => goldCase.id === "juniper-transit")?.labels ?? [];
    expect(result.compared[0]?.run.scored.examples.falseNegatives.filter((label) => label.caseId === "juniper-transit")).toHaveLength(juniper.length);
  });

  it("runs two variants side by side in one report and gates on B", async () => {
    const made: string[] = [];
    const promptA = path.join(scratch, "prompt-a.md");
    await copyFile("prompts/extract-evidence.system.md", promptA);
    const result = await runEvalSuite({
      extractor: "openai",
      ab: [promptA, "model-b"],
      createExtractor: (spec) => {
        made.push(`${spec.promptFile ?? "-"} ${spec.model ?? "-"}`);
        // A is the offline extractor as the baseline was made: knowing the gold vendor's own names.
        return spec.model === "model-b" ? new BrokenOnOneCase() : new OfflineExtractor({ vendor: spec.vendor });
      },
      cache: false,
      resultsFolder: await folder("results"),
    });
    expect(made).toEqual([`${promptA} -`, "- model-b"]);
    expect(result.compared.map((item) => item.run.label)).toEqual([`A (${promptA})`, "B (model-b)"]);
    expect(result.compared[0]?.comparison.passed).toBe(true);
    expect(result.passed).toBe(false);
    const markdown = await readFile(path.join(result.reportFolder, "report.md"), "utf8");
    expect(markdown).toContain("Against the baseline: B (model-b)");
    expect(markdown).toMatch(/\| signal \| labels \| A .* P \|/);
  });

  it("refuses to write a baseline from an A/B run", async () => {
    await expect(runEvalSuite({ extractor: "offline", ab: ["a", "b"], updateBaseline: true })).rejects.toThrow(/--update-baseline writes one run/);
  });
});
