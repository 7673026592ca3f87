import { describe, expect, it } from "vitest";
import { goldCase, goldLabel, hardNegative, predicted } from "../../test/support/eval-factory.js";
import type { PredictedEvidence } from "./match-predictions.js";
import { scoreRun, type CaseRun } from "./score-run.js";
import { headlinesBySplit } from "./score-splits.js";

const success = (caseId: string, predictions: readonly PredictedEvidence[], rejected = 0): CaseRun => ({
  caseId,
  success: true,
  predictions,
  rejected: Array.from({ length: rejected }, () => ({ chunkKey: "doc#0", signalId: "seat_pressure" as const, quote: "invented words", reason: "quote_not_found" as const })),
  failures: [],
  chunks: 1,
  cachedChunks: 0,
  usage: { promptTokens: 0, completionTokens: 0 },
  latencyMs: 1,
});

describe("headline metrics per split", () => {
  // Tune: two seat_pressure labels, both found. Holdout: one seat_pressure label missed, one org_growth
  // label found, one false positive on a hard negative, one invented quote.
  const tune = goldCase("t", [goldLabel("seat_pressure", 0, 40), goldLabel("seat_pressure", 100, 140)]);
  const holdout = goldCase("h", [goldLabel("seat_pressure", 0, 40), goldLabel("org_growth", 100, 140)], [hardNegative("org_growth", 300, 340, { kind: "hypothetical" })], {
    split: "holdout",
    readiness: { account: { id: "h" } as never, usage: [], asOf: "2026-11-20", expectedVerdict: "ready", why: "test" },
  });
  const runs: CaseRun[] = [
    success("t", [predicted("seat_pressure", 0, 40, { caseId: "t" }), predicted("seat_pressure", 100, 140, { caseId: "t" })]),
    { ...success("h", [predicted("org_growth", 100, 140, { caseId: "h" }), predicted("org_growth", 300, 340, { caseId: "h" })], 1), readiness: { expected: "ready", predicted: "no_pull", withGoldEvidence: "ready" } },
  ];
  const cases = [tune, holdout];
  const all = scoreRun(cases, runs).metrics;
  const headlines = headlinesBySplit(cases, runs, all);
  const bySplit = new Map(headlines.map((headline) => [headline.split, headline]));

  it("reports all, tune and holdout, in that order, and 'all' is the run's own metrics", () => {
    expect(headlines.map((headline) => headline.split)).toEqual(["all", "tune", "holdout"]);
    expect(bySplit.get("all")?.micro).toEqual(all.micro);
    expect(bySplit.get("all")?.macro).toEqual(all.macro);
    expect(bySplit.get("all")).toMatchObject({ cases: 2, labels: 4 });
  });

  it("scores each split on its own cases only, by hand", () => {
    // Tune: 2 TP, nothing else; every other signal has nothing either way and scores 1, so macro is 1.
    expect(bySplit.get("tune")).toMatchObject({ cases: 1, labels: 2, micro: { truePositives: 2, falsePositives: 0, falseNegatives: 0, f1: 1 }, macro: { f1: 1 } });
    expect(bySplit.get("tune")?.citationValidity).toEqual({ verified: 2, rejected: 0, rate: 1 });
    expect(bySplit.get("tune")?.verdicts.total).toBe(0);
    // Holdout: TP 1 (org_growth), FP 1 (org_growth on the hard negative), FN 1 (seat_pressure).
    const held = bySplit.get("holdout");
    expect(held?.micro).toMatchObject({ truePositives: 1, falsePositives: 1, falseNegatives: 1, precision: 0.5, recall: 0.5 });
    // Macro over 22 signals: org_growth P 0.5 R 1 F1 2/3, seat_pressure 0, the other 20 score 1.
    expect(held?.macro.f1).toBeCloseTo((20 + 2 / 3) / 22, 10);
    expect(held?.citationValidity).toEqual({ verified: 2, rejected: 1, rate: 2 / 3 });
    expect(held?.hardNegatives).toEqual({ total: 1, hits: 1, falsePositiveRate: 1 });
    expect(held?.verdicts).toEqual({ total: 1, correct: 0, accuracy: 0, correctWithGoldEvidence: 1 });
  });

  it("leaves out a split with no cases", () => {
    const onlyTune = headlinesBySplit([tune], runs.slice(0, 1), scoreRun([tune], runs.slice(0, 1)).metrics);
    expect(onlyTune.map((headline) => headline.split)).toEqual(["all", "tune"]);
  });
});
