import { describe, expect, it } from "vitest";
import { goldLabel, hardNegative, predicted } from "../../test/support/eval-factory.js";
import { matchPredictions, spanOverlap, spansMatch } from "./match-predictions.js";

describe("span overlap", () => {
  it("computes intersection over union and over the shorter span by hand", () => {
    // [0,10) and [5,20): intersection 5, union 20, shorter 10.
    expect(spanOverlap({ sourceRef: "a", start: 0, end: 10 }, { sourceRef: "a", start: 5, end: 20 })).toEqual({ intersection: 5, iou: 0.25, coverOfShorter: 0.5 });
  });

  it("matches containment either way, and half of the shorter span, but not a touch or another document", () => {
    expect(spansMatch({ sourceRef: "a", start: 10, end: 20 }, { sourceRef: "a", start: 0, end: 100 })).toBe(true);
    expect(spansMatch({ sourceRef: "a", start: 0, end: 10 }, { sourceRef: "a", start: 5, end: 20 })).toBe(true);
    expect(spansMatch({ sourceRef: "a", start: 0, end: 10 }, { sourceRef: "a", start: 6, end: 20 })).toBe(false);
    expect(spansMatch({ sourceRef: "a", start: 0, end: 10 }, { sourceRef: "a", start: 10, end: 20 })).toBe(false);
    expect(spansMatch({ sourceRef: "a", start: 0, end: 10 }, { sourceRef: "b", start: 0, end: 10 })).toBe(false);
  });
});

describe("matching predictions to gold labels", () => {
  it("pairs one-to-one by signal and span, best overlap first", () => {
    const labels = [goldLabel("seat_pressure", 0, 40), goldLabel("org_growth", 50, 90)];
    const predictions = [predicted("seat_pressure", 0, 20), predicted("seat_pressure", 0, 40), predicted("org_growth", 200, 240)];
    const match = matchPredictions(labels, [], predictions);
    expect(match.truePositives.map((positive) => [positive.prediction.start, positive.prediction.end, positive.iou])).toEqual([[0, 40, 1]]);
    // The shorter quote of a found label is a duplicate, not a false positive.
    expect(match.duplicates.map((item) => item.end)).toEqual([20]);
    expect(match.falsePositives.map((item) => item.prediction.start)).toEqual([200]);
    expect(match.falseNegatives.map((label) => label.signalId)).toEqual(["org_growth"]);
  });

  it("records a predicted signal on another signal's gold words as a confusion", () => {
    const match = matchPredictions([goldLabel("tier_workaround", 0, 50)], [], [predicted("adoption_friction", 5, 45)]);
    expect(match.falsePositives).toHaveLength(1);
    expect(match.falsePositives[0]?.confusedWith?.signalId).toBe("tier_workaround");
    expect(match.falseNegatives).toHaveLength(1);
  });

  it("keeps vendor-side predictions apart, and counts a label found on the wrong role as misattributed and missed", () => {
    const labels = [goldLabel("seat_pressure", 0, 40)];
    const predictions = [predicted("seat_pressure", 0, 40, { speakerRole: "vendor" }), predicted("higher_tier_interest", 100, 140, { speakerRole: "vendor" })];
    const match = matchPredictions(labels, [], predictions);
    expect(match.truePositives).toHaveLength(0);
    expect(match.misattributions).toHaveLength(1);
    expect(match.falseNegatives).toHaveLength(1);
    expect(match.falsePositives).toHaveLength(0);
    expect(match.keptApart).toHaveLength(2);
  });

  it("hits a hard negative only with a customer-side prediction of the signal it looks like", () => {
    const negatives = [hardNegative("seat_pressure", 0, 30, { kind: "negation" }), hardNegative("org_growth", 100, 130, { kind: "hypothetical" })];
    const predictions = [predicted("seat_pressure", 0, 30), predicted("shallow_adoption", 100, 130), predicted("org_growth", 100, 130, { speakerRole: "vendor" })];
    const match = matchPredictions([], negatives, predictions);
    expect(match.hardNegativeHits.map((hit) => hit.negative.looksLike)).toEqual(["seat_pressure"]);
    expect(match.falsePositives.find((item) => item.prediction.signalId === "seat_pressure")?.hardNegative?.kind).toBe("negation");
  });
});
