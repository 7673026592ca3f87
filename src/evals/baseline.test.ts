import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { goldCase, goldLabel, predicted } from "../../test/support/eval-factory.js";
import { ConfigError } from "../errors.js";
import { baselineOf, baselineSchema, compareWithBaseline, readBaseline, writeBaseline, type Baseline } from "./baseline.js";
import type { PredictedEvidence } from "./match-predictions.js";
import type { EvalRun } from "./run-eval.js";
import { scoreRun } from "./score-run.js";
import { headlinesBySplit } from "./score-splits.js";

const cases = [goldCase("a", [goldLabel("seat_pressure", 0, 40), goldLabel("org_growth", 100, 140), goldLabel("budget_pressure", 200, 240)])];
const thresholds = { maxMacroF1Drop: 0.02, maxSignalF1Drop: 0.1, minCitationValidity: 0.9 };

function runWith(predictions: PredictedEvidence[], rejected = 0): EvalRun {
  const runs = [
    {
      caseId: "a",
      success: true as const,
      predictions,
      rejected: Array.from({ length: rejected }, () => ({ chunkKey: "doc#0", signalId: "seat_pressure", quote: "made up words here", reason: "quote_not_found" as const })),
      failures: [],
      chunks: 1,
      cachedChunks: 0,
      usage: { promptTokens: 0, completionTokens: 0 },
      latencyMs: 1,
    },
  ];
  const scored = scoreRun(cases, runs);
  return { label: "test", extractor: { provider: "fake", modelId: "m", promptHash: "p" }, goldHash: "gold-1", startedAt: "2026-11-23T10:00:00.000Z", durationMs: 1, runs, scored, splits: headlinesBySplit(cases, runs, scored.metrics) };
}

const allFound = [predicted("seat_pressure", 0, 40, { caseId: "a" }), predicted("org_growth", 100, 140, { caseId: "a" }), predicted("budget_pressure", 200, 240, { caseId: "a" })];

describe("comparing a run with the baseline", () => {
  const baseline = baselineOf(runWith(allFound));

  it("passes an identical run, with zero deltas and nothing new", () => {
    const comparison = compareWithBaseline(runWith(allFound), baseline, thresholds);
    expect(comparison.passed).toBe(true);
    expect(comparison.macroF1?.delta).toBe(0);
    expect(comparison.newFalsePositives).toEqual([]);
    expect(comparison.newFalseNegatives).toEqual([]);
  });

  it("fails when a signal's F1 or macro-F1 drops past its margin, and lists the new false negative and false positive with their text", () => {
    // budget_pressure is missed (F1 1 -> 0) and org_growth is predicted on the wrong words.
    const worse = runWith([allFound[0] as PredictedEvidence, predicted("org_growth", 400, 440, { caseId: "a", quote: "we might grow one day" }), predicted("org_growth", 100, 140, { caseId: "a" })]);
    const comparison = compareWithBaseline(worse, baseline, thresholds);
    expect(comparison.passed).toBe(false);
    expect(comparison.regressions.some((reason) => reason.startsWith("macro-F1 dropped"))).toBe(true);
    expect(comparison.regressions.some((reason) => reason.startsWith("budget_pressure F1 dropped 1.000"))).toBe(true);
    expect(comparison.signals.find((signal) => signal.signalId === "budget_pressure")).toMatchObject({ baselineF1: 1, currentF1: 0, delta: -1 });
    expect(comparison.newFalseNegatives.map((item) => item.signal)).toEqual(["budget_pressure"]);
    expect(comparison.newFalsePositives.map((item) => item.quote)).toEqual(["we might grow one day"]);
  });

  it("tolerates a drop within the margins", () => {
    const comparison = compareWithBaseline(runWith(allFound.slice(0, 2)), baseline, { ...thresholds, maxMacroF1Drop: 0.1, maxSignalF1Drop: 1 });
    expect(comparison.passed).toBe(true);
    expect(comparison.fixedFalseNegatives).toEqual([]);
  });

  it("fails under the citation floor even without a baseline, counting rejected quotes", () => {
    const comparison = compareWithBaseline(runWith(allFound, 1), undefined, thresholds);
    expect(comparison.passed).toBe(false);
    expect(comparison.regressions).toEqual(["citation validity 75.0% is under the floor of 90.0%"]);
  });

  it("records headline scores per split and compares macro-F1 per split, without gating on it", () => {
    expect(baseline.splits?.all?.macro.f1).toBe(1);
    expect(baseline.splits?.tune).toMatchObject({ cases: 1, labels: 3, micro: { f1: 1 } });
    // Missing budget_pressure (F1 1 -> 0) drops macro-F1 by 1/22 in both "all" and "tune".
    const comparison = compareWithBaseline(runWith(allFound.slice(0, 2)), baseline, { ...thresholds, maxMacroF1Drop: 1, maxSignalF1Drop: 1 });
    expect(comparison.passed).toBe(true);
    expect(comparison.splitMacroF1.map((item) => item.split)).toEqual(["all", "tune"]);
    expect(comparison.splitMacroF1.find((item) => item.split === "tune")?.delta).toBeCloseTo(-1 / 22, 3);
  });

  it("reads a baseline written before splits existed, and shows split scores with no delta", () => {
    const { splits: _splits, ...older } = baseline;
    expect(baselineSchema.safeParse(older).success).toBe(true);
    const comparison = compareWithBaseline(runWith(allFound), older, thresholds);
    expect(comparison.passed).toBe(true);
    expect(comparison.splitMacroF1.find((item) => item.split === "tune")).toEqual({ split: "tune", current: 1 });
  });

  it("flags a baseline written on another gold set", () => {
    expect(compareWithBaseline(runWith(allFound), { ...baseline, gold_hash: "other" }, thresholds).goldChanged).toBe(true);
  });
});

describe("the baseline file", () => {
  it("round-trips, and a missing file means no baseline", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), "baseline-"));
    const file = path.join(folder, "nested", "baseline.json");
    expect(await readBaseline(file)).toBeUndefined();
    const baseline: Baseline = baselineOf(runWith(allFound));
    await writeBaseline(file, baseline);
    expect(await readBaseline(file)).toEqual(baseline);
  });

  it("refuses a broken file with an error naming it", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), "baseline-"));
    const file = path.join(folder, "baseline.json");
    await writeFile(file, "{ not json");
    await expect(readBaseline(file)).rejects.toThrow(ConfigError);
    await writeFile(file, JSON.stringify({ version: 1 }));
    await expect(readBaseline(file)).rejects.toThrow(/baseline\.json is not valid/);
  });
});
