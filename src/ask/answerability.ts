/**
 * Whether the retrieved passages answer a question at all. Scores from the rankers do not separate
 * "nothing in the history" from a real answer (their scale moves with the query), so the signal used is
 * how much of the question's weight the best passage holds: the share of the question's lexemes, each
 * weighted by its inverse document frequency in the account, that occur in one passage. Rare words of the
 * question ("Tableau", "refund") carry most of the weight; a passage about something else holds only the
 * common ones.
 */

/**
 * Lexemes (english stems) that frame a question rather than say what it is about: "what did they *say*
 * about", "did anyone *mention*", "how *much*". Left out of the weight, so a passage is not judged on
 * whether it repeats the question's phrasing. Chosen on the tuning questions only.
 */
export const QUESTION_FRAMING_LEXEMES: ReadonlySet<string> = new Set([
  "say", "said", "mention", "ask", "talk", "tell", "told", "discuss", "happen", "much", "mani", "go", "use", "want", "think", "anyon", "anyth",
]);

/** The question's weights without the framing lexemes (all of them when nothing else is left). */
export function contentWeights(termWeights: ReadonlyMap<string, number>): Map<string, number> {
  const content = new Map([...termWeights].filter(([lexeme]) => !QUESTION_FRAMING_LEXEMES.has(lexeme)));
  return content.size === 0 ? new Map(termWeights) : content;
}

/** The question's lexemes with their weights, and each candidate passage's lexemes. */
export interface AnswerabilityInput {
  readonly termWeights: ReadonlyMap<string, number>;
  readonly passageLexemes: ReadonlyArray<readonly string[]>;
}

/**
 * The largest weighted coverage of the question by any one of the passages, in [0, 1]; 0 without
 * passages or without a searchable word in the question.
 *
 * @example answerabilityScore({ termWeights: new Map([["seat", 2], ["need", 0.5]]), passageLexemes: [["seat"]] }) // 0.8
 */
export function answerabilityScore(input: AnswerabilityInput): number {
  const termWeights = contentWeights(input.termWeights);
  const total = [...termWeights.values()].reduce((sum, weight) => sum + weight, 0);
  if (total <= 0) return 0;
  let best = 0;
  for (const lexemes of input.passageLexemes) {
    const present = new Set(lexemes);
    let covered = 0;
    for (const [lexeme, weight] of termWeights) if (present.has(lexeme)) covered += weight;
    best = Math.max(best, covered / total);
  }
  return best;
}

/**
 * Chosen by `npm run bench:retrieval` on the tuning questions only (the threshold with the best no-answer
 * accuracy there, midway between neighbouring scores); the held-apart questions report how it does.
 */
export const DEFAULT_ANSWERABILITY_THRESHOLD = 0.176;

/** How many of the top passages the score looks at. */
export const ANSWERABILITY_DEPTH = 3;

/**
 * The threshold that best separates answerable questions from the rest on labelled scores: the midpoint
 * between two neighbouring scores with the highest accuracy (ties: the lower threshold, which says
 * "nothing" less often).
 */
export function calibrateThreshold(samples: ReadonlyArray<{ readonly score: number; readonly answerable: boolean }>): { threshold: number; accuracy: number } {
  const scores = [...new Set(samples.map((sample) => sample.score))].sort((a, b) => a - b);
  const candidates = [0, ...scores.slice(0, -1).map((score, index) => (score + (scores[index + 1] ?? score)) / 2), (scores.at(-1) ?? 0) + 1e-9];
  let best = { threshold: 0, accuracy: -1 };
  for (const threshold of candidates) {
    const correct = samples.filter((sample) => (sample.score >= threshold) === sample.answerable).length;
    const accuracy = samples.length === 0 ? 0 : correct / samples.length;
    if (accuracy > best.accuracy) best = { threshold, accuracy };
  }
  return best;
}

/**
 * The words a passage is judged on: its text and its speakers' names. Speaker labels are not part of a
 * passage's text, yet "what did Dana say about seats?" is answered by Dana's words about seats, which
 * never repeat her name.
 */
export function answerableText(passage: { readonly text: string; readonly turns: ReadonlyArray<{ readonly speaker: string }> }): string {
  return [passage.text, ...new Set(passage.turns.map((turn) => turn.speaker))].join("\n");
}
