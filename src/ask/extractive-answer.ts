import { sentenceSpans } from "../index/chunk-document.js";
import type { NumberedPassage } from "./answer-schema.js";

export interface ExtractiveSentence {
  readonly text: string;
  readonly passageNumber: number;
  readonly score: number;
}

/** Sentences of a passage, each inside one speaker's turn, as [start, end) of the passage text. */
export function passageSentences(passage: Pick<NumberedPassage, "text" | "turns">): Array<[number, number]> {
  return passage.turns.flatMap((turn) => sentenceSpans(passage.text, turn.textStart, turn.textEnd));
}

/**
 * The offline answer: the sentences of the passages that hold most of the question's weight, quoted
 * verbatim, best first, at most `limit`; never a word that is not in a passage. `lexemesOf` turns texts
 * into the full-text index's lexemes, `termWeights` weighs the question's (see answerability).
 *
 * @example await extractiveSentences(passages, weights, lexemesOf) // [{ text: "We really are at 120 of 120.", passageNumber: 1, ... }]
 */
export async function extractiveSentences(
  passages: readonly NumberedPassage[],
  termWeights: ReadonlyMap<string, number>,
  lexemesOf: (texts: readonly string[]) => Promise<string[][]>,
  limit = 3,
): Promise<ExtractiveSentence[]> {
  const candidates = passages.flatMap((passage) => passageSentences(passage).map(([start, end]) => ({ passage, text: passage.text.slice(start, end) })));
  if (candidates.length === 0) return [];
  const lexemes = await lexemesOf(candidates.map((candidate) => candidate.text));
  const total = [...termWeights.values()].reduce((sum, weight) => sum + weight, 0) || 1;
  const scored = candidates.map((candidate, index) => {
    const present = new Set(lexemes[index] ?? []);
    let covered = 0;
    for (const [lexeme, weight] of termWeights) if (present.has(lexeme)) covered += weight;
    // A sentence of a better-ranked passage wins a tie; a one-word sentence ("Yes.") never wins, and a
    // question ("Anything new on the warehouse side?") asks rather than answers, so it comes last.
    const words = candidate.text.split(/\s+/u).length;
    const asks = /\?["'”’)\]]*\s*$/u.test(candidate.text);
    const score = covered / total + 0.01 / candidate.passage.number - (words < 4 ? 1 : 0) - (asks ? 1 : 0);
    return { text: candidate.text, passageNumber: candidate.passage.number, score };
  });
  const seen = new Set<string>();
  return scored
    .filter((sentence) => sentence.score > 0.05)
    .sort((a, b) => b.score - a.score)
    .filter((sentence) => (seen.has(sentence.text) ? false : (seen.add(sentence.text), true)))
    .slice(0, limit)
    .sort((a, b) => a.passageNumber - b.passageNumber);
}
