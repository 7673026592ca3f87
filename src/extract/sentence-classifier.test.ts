import { statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CLASSIFIER_WEIGHTS_FILE, SentenceClassifier, trainClassifier, type TrainingSentence } from "./sentence-classifier.js";
import { DEFAULT_FEATURE_OPTIONS, sentenceFeatureGrams, tokensOf } from "./sentence-features.js";

const words = { ...DEFAULT_FEATURE_OPTIONS, charGrams: null, previous: false };

describe("the sentence classifier's features", () => {
  it("reads numbers of any spelling as one token, names inside a sentence as brands, and marks negated words", () => {
    expect(tokensOf("Closing at eighty-eight percent, up from 63% and a third.", words)).toEqual(["closing", "at", "num", "percent", ",", "up", "from", "num", "percent", "and", "a", "num"]);
    expect(tokensOf("We pay Gearwell for the Tessera Spares side on Monday.", words, new Set(["tessera", "spares"]))).toEqual([
      "we", "pay", "brand", "for", "the", "own", "own", "side", "on", "monday",
    ]);
    expect(tokensOf("We don't need more seats, honestly.", words)).toEqual(["we", "don't", "not_need", "not_more", "not_seats", ",", "honestly"]);
  });

  it("adds the sentence before, prefixed, when asked", () => {
    const grams = sentenceFeatureGrams("Now it's under five percent.", { ...words, previous: true }, { before: "We used to lose a third." });
    expect(grams).toContain("prev_used to");
    expect(grams).toContain("under num");
  });
});

describe("the sentence classifier", () => {
  const sentences: TrainingSentence[] = [
    ...["We ran out of seats again.", "Every licence is taken now.", "Two people share one login because we have no seats left.", "We are short of seats for the new starters."].map((text) => ({
      text,
      signals: ["seat_pressure" as const],
    })),
    ...["The weather was lovely.", "Thanks for the call.", "Our office moved last year.", "The team enjoyed the training."].map((text) => ({ text, signals: [] })),
  ];

  it("learns deterministically, and stores weights that load back to the same answers", () => {
    const first = trainClassifier(sentences, { features: words, buckets: 1 << 12, threshold: 0.5, trainedOn: "test" });
    const second = trainClassifier(sentences, { features: words, buckets: 1 << 12, threshold: 0.5, trainedOn: "test" });
    expect(second).toEqual(first);
    const classifier = new SentenceClassifier(JSON.parse(JSON.stringify(first)));
    expect(classifier.classify("We have no seats left for the new team.").map((result) => result.signalId)).toEqual(["seat_pressure"]);
    expect(classifier.classify("Thanks, the weather was lovely.")).toEqual([]);
  });

  it("honours a per-signal threshold above the general one", () => {
    const strict = trainClassifier(sentences, { features: words, buckets: 1 << 12, threshold: 0.5, thresholds: { seat_pressure: 0.999 }, trainedOn: "test" });
    expect(new SentenceClassifier(strict).classify("We have no seats left for the new team.")).toEqual([]);
  });

  it("ships weights small enough to commit, that load", () => {
    expect(statSync(CLASSIFIER_WEIGHTS_FILE).size).toBeLessThan(2_000_000);
    expect(SentenceClassifier.load().threshold).toBeGreaterThan(0);
  });
});
