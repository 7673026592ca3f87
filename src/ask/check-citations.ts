import { foldText } from "../extract/verify-citations.js";
import type { CitationFailure, ModelAnswer } from "./answer-schema.js";

/** Phrases a sentence puts between double quotes ("..." or “...”): each must be a passage's words. */
function quotedPhrases(text: string): string[] {
  return [...text.matchAll(/["\u201c]([^"\u201d]{3,})["\u201d]/gu)].map((match) => match[1] ?? "").filter((phrase) => phrase.trim() !== "");
}

/**
 * The check every generated answer goes through: each sentence cites at least one passage, every cited
 * number is a passage that was sent, and every quote (in `quotes`, or between double quotes in the
 * sentence) occurs in one of the passages the sentence cites, after the same folding the extractor's
 * citation check uses (case, typographic quotes, dashes, runs of whitespace).
 *
 * @example checkCitations(answer, ["We are at 120 of 120 seats."]) // [] when every citation holds
 */
export function checkCitations(answer: ModelAnswer, passageTexts: readonly string[]): CitationFailure[] {
  const failures: CitationFailure[] = [];
  const folded = passageTexts.map((text) => foldText(text).text);
  answer.sentences.forEach((sentence, index) => {
    if (sentence.citations.length === 0) failures.push({ sentence: index, kind: "no_citation", detail: `sentence ${index + 1} cites no passage` });
    const unknown = sentence.citations.filter((number) => !Number.isInteger(number) || number < 1 || number > passageTexts.length);
    for (const number of unknown) {
      failures.push({ sentence: index, kind: "unknown_passage", detail: `sentence ${index + 1} cites [${number}], but only passages 1 to ${passageTexts.length} were sent` });
    }
    const cited = sentence.citations.filter((number) => !unknown.includes(number)).map((number) => folded[number - 1] ?? "");
    for (const quote of [...sentence.quotes, ...quotedPhrases(sentence.text)]) {
      const needle = foldText(quote.trim().replace(/^["'\u201c\u2018]+|["'\u201d\u2019]+$/gu, "")).text;
      if (needle === "") continue;
      if (!cited.some((text) => text.includes(needle))) {
        failures.push({ sentence: index, kind: "quote_not_found", detail: `sentence ${index + 1} quotes "${quote}", which is not in the passages it cites` });
      }
    }
  });
  return failures;
}
