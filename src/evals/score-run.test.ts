import { describe, expect, it } from "vitest";
import { goldCase, goldLabel, hardNegative, predicted } from "../../test/support/eval-factory.js";
import { contextAround, costOf, precisionRecall, scoreRun, type CaseRun } from "./score-run.js";

describe("precision, recall and F1", () => {
  it("computes them from counts, by hand", () => {
    const score = precisionRecall(3, 1, 2);
    expect(score.precision).toBe(0.75);
    expect(score.recall).toBe(0.6);
    expect(score.f1).toBeCloseTo((2 * 0.75 * 0.6) / 1.35, 10);
  });

  it("scores a signal with labels and no predictions 0, and a signal with nothing at all 1", () => {
    expect(precisionRecall(0, 0, 4)).toMatchObject({ precision: 0, recall: 0, f1: 0 });
    expect(precisionRecall(0, 0, 0)).toMatchObject({ precision: 1, recall: 1, f1: 1 });
    expect(precisionRecall(0, 2, 0)).toMatchObject({ precision: 0, recall: 0, f1: 0 });
  });
});

describe("scoring a run", () => {
  const caseA = goldCase("a", [goldLabel("seat_pressure", 0, 40), goldLabel("seat_pressure", 100, 140), goldLabel("org_growth", 200, 240)], [hardNegative("seat_pressure", 300, 340, { kind: "negation" })], {
    readiness: { account: { id: "a" } as never, usage: [], asOf: "2026-11-20", expectedVerdict: "ready", why: "test" },
  });
  const caseB = goldCase("b", [goldLabel("budget_pressure", 0, 50)], [], {
    readiness: { account: { id: "b" } as never, usage: [], asOf: "2026-11-20", expectedVerdict: "no_pull", why: "test" },
  });
  const runs: CaseRun[] = [
    {
      caseId: "a",
      success: true,
      predictions: [predicted("seat_pressure", 0, 40, { caseId: "a" }), predicted("seat_pressure", 300, 340, { caseId: "a" }), predicted("org_growth", 200, 220, { caseId: "a" })],
      rejected: [{ chunkKey: "doc#0", signalId: "org_growth", quote: "we are hiring 900 people", reason: "quote_not_found" }],
      failures: [],
      chunks: 2,
      cachedChunks: 1,
      usage: { promptTokens: 1000, completionTokens: 200 },
      latencyMs: 12,
      readiness: { expected: "ready", predicted: "ready", withGoldEvidence: "ready" },
    },
    { caseId: "b", success: false, error: "boom", latencyMs: 3 },
  ];
  const { metrics, examples } = scoreRun([caseA, caseB], runs, { input_per_1k: 0.001, output_per_1k: 0.002 });
  const signal = (id: string) => metrics.perSignal.find((score) => score.signalId === id);

  it("counts per signal, with a failed case's labels missed", () => {
    expect(signal("seat_pressure")).toMatchObject({ truePositives: 1, falsePositives: 1, falseNegatives: 1, precision: 0.5, recall: 0.5, f1: 0.5, support: 2 });
    expect(signal("org_growth")).toMatchObject({ truePositives: 1, falsePositives: 0, falseNegatives: 0, f1: 1 });
    expect(signal("budget_pressure")).toMatchObject({ truePositives: 0, falseNegatives: 1, f1: 0 });
    expect(metrics.failures.cases).toEqual([{ caseId: "b", error: "boom" }]);
  });

  it("pools counts for micro and averages the 22 signals for macro", () => {
    expect(metrics.micro).toMatchObject({ truePositives: 2, falsePositives: 1, falseNegatives: 2 });
    expect(metrics.micro.precision).toBeCloseTo(2 / 3, 10);
    expect(metrics.micro.f1).toBeCloseTo(4 / 7, 10);
    // 19 signals with nothing to find score 1; seat_pressure 0.5, org_growth 1, budget_pressure 0.
    expect(metrics.macro.f1).toBeCloseTo(20.5 / 22, 10);
  });

  it("reports citation validity, span overlap, hard negatives, verdicts and cost", () => {
    expect(metrics.citationValidity).toMatchObject({ verified: 3, rejected: 1, rate: 0.75, byReason: { quote_not_found: 1 } });
    expect(metrics.spanOverlap).toBeCloseTo(0.75, 10);
    expect(metrics.hardNegatives).toMatchObject({ total: 1, hits: 1, falsePositiveRate: 1, byKind: { negation: { total: 1, hits: 1 } } });
    expect(metrics.verdicts).toMatchObject({ total: 2, correct: 1, accuracy: 0.5, correctWithGoldEvidence: 1 });
    expect(metrics.cost.promptTokens).toBe(1000);
    expect(metrics.cost.costUsd).toBeCloseTo(0.0014, 10);
    expect(metrics.cost.perCase.find((item) => item.caseId === "a")).toMatchObject({ latencyMs: 12, chunks: 2, cachedChunks: 1 });
  });

  it("lists the wrong and the missed items as examples", () => {
    expect(examples.falsePositives.map((item) => item.prediction.start)).toEqual([300]);
    expect(examples.falseNegatives.map((label) => `${label.caseId}:${label.signalId}:${label.start}`)).toEqual(["a:seat_pressure:100", "b:budget_pressure:0"]);
  });
});

describe("helpers", () => {
  it("costs tokens at a price, and nothing without one", () => {
    expect(costOf({ promptTokens: 2000, completionTokens: 500 }, { input_per_1k: 0.5, output_per_1k: 2 })).toBe(2);
    expect(costOf({ promptTokens: 2000, completionTokens: 500 }, undefined)).toBe(0);
  });

  it("shows the line a span sits in", () => {
    expect(contextAround("first line\nsecond line here\nthird", { start: 18, end: 22 })).toBe("second line here");
  });
});
