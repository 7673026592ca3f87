import { describe, expect, it } from "vitest";
import { answerabilityScore, calibrateThreshold } from "./answerability.js";
import { modelAnswerSchema } from "./answer-schema.js";
import { AskPrompt } from "./ask-prompt.js";
import { checkCitations } from "./check-citations.js";

const passages = ["We are at 120 of 120 seats, and two shift leads share one login.", "The finance team rebuilds the dashboards in Tableau."];
const answer = (text: string, citations: number[], quotes: string[] = []) => ({ sentences: [{ text, citations, quotes }] });

describe("checkCitations", () => {
  it("accepts citations to sent passages and quotes found in them after folding", () => {
    expect(checkCitations(answer("They are at “120 of 120 seats”.", [1], ["TWO shift leads  share one login"]), passages)).toEqual([]);
  });

  it("catches a passage number that was never sent", () => {
    expect(checkCitations(answer("They use Tableau.", [3]), passages)).toEqual([
      { sentence: 0, kind: "unknown_passage", detail: "sentence 1 cites [3], but only passages 1 to 2 were sent" },
    ]);
  });

  it("catches a fabricated quote, and a real quote cited to the wrong passage", () => {
    expect(checkCitations(answer("They said it.", [1], ["we are cancelling"]), passages).map((failure) => failure.kind)).toEqual(["quote_not_found"]);
    expect(checkCitations(answer('They said "rebuilds the dashboards in Tableau".', [1]), passages).map((failure) => failure.kind)).toEqual(["quote_not_found"]);
  });
});

describe("answerability", () => {
  it("weighs the question's rare words and ignores its framing", () => {
    const weights = new Map([["say", 3], ["tableau", 4], ["dashboard", 1]]);
    expect(answerabilityScore({ termWeights: weights, passageLexemes: [["tableau"]] })).toBeCloseTo(0.8);
    expect(answerabilityScore({ termWeights: weights, passageLexemes: [["say", "dashboard"]] })).toBeCloseTo(0.2);
    expect(answerabilityScore({ termWeights: weights, passageLexemes: [] })).toBe(0);
  });

  it("calibrates the threshold that best separates labelled scores", () => {
    const samples = [0.05, 0.1, 0.3].map((score) => ({ score, answerable: false })).concat([0.4, 0.8, 1].map((score) => ({ score, answerable: true })));
    expect(calibrateThreshold(samples)).toEqual({ threshold: 0.35, accuracy: 1 });
  });
});

describe("the ask prompt", () => {
  it("supplies every template variable, and its example parses with the answer schema", async () => {
    const prompt = new AskPrompt();
    expect(prompt.inputVariables).toEqual({ chat: ["account", "boundary", "count", "facts", "passages", "question"], repair: ["count", "problems"] });
    const example = prompt.files.system.split("\n").find((line) => line.startsWith('{"sentences"'));
    expect(modelAnswerSchema.safeParse(JSON.parse(example ?? "null")).success).toBe(true);
  });
});
