import { describe, expect, it } from "vitest";
import type { NumberedPassage } from "./answer-schema.js";
import { extractiveSentences } from "./extractive-answer.js";

/** Only what the extractive answer reads of a passage: its number, its text and its turns. */
function passageOf(number: number, text: string): NumberedPassage {
  return { number, text, turns: [{ textStart: 0, textEnd: text.length }] } as unknown as NumberedPassage;
}

// A stand-in for the full-text lexemes: lower-cased words.
const lexemesOf = async (texts: readonly string[]) => texts.map((text) => text.toLowerCase().match(/[a-z]+/g) ?? []);

describe("the extractive answer", () => {
  it("prefers a sentence that answers over one that asks the same words", async () => {
    const passages = [passageOf(1, "Is the depot team still using the mobile scanner? The depot team moved every scanner job onto the mobile app in March.")];
    const weights = new Map([["depot", 1], ["scanner", 1], ["mobile", 1]]);
    const sentences = await extractiveSentences(passages, weights, lexemesOf);
    expect(sentences.map((sentence) => sentence.text)).toEqual(["The depot team moved every scanner job onto the mobile app in March."]);
  });
});
