import { stemmer } from "stemmer";
import { z } from "zod";
import { isEverydayCapitalised } from "./named-tools.js";

/**
 * What the sentence classifier reads from a sentence, as strings to be hashed. Each option exists to make
 * the classifier learn the shape of a phrasing rather than the words of the few accounts it was trained
 * on: numbers of any spelling become `num`, a capitalised name inside a sentence becomes `brand` (or
 * `own` when it is the vendor's), words after a negator are marked, and the sentence before can be read.
 */

export const featureOptionsSchema = z.strictObject({
  /** Word n-grams from 1 up to this. */
  wordGrams: z.number().int().min(1).max(3),
  /** Character n-grams inside each word (padded with spaces), or none. */
  charGrams: z.strictObject({ min: z.number().int().min(2), max: z.number().int().max(6) }).nullable(),
  numbers: z.boolean(),
  brands: z.boolean(),
  negation: z.boolean(),
  /** Word 1- and 2-grams of the sentence before, prefixed `prev_`. */
  previous: z.boolean(),
  /**
   * Words reduced to their Porter stems ("scheduling", "schedules" -> "schedul"), so an inflection the
   * training sentences never used still reads as the word they did. Absent in weights trained before it.
   */
  stems: z.boolean().default(false),
});

export type FeatureOptions = z.infer<typeof featureOptionsSchema>;

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = { wordGrams: 2, charGrams: { min: 3, max: 5 }, numbers: true, brands: true, negation: true, previous: true, stems: false };

/** What is known around the sentence. */
export interface SentenceContext {
  /** The sentence before it (any speaker). */
  readonly before?: string;
  /** The vendor's own names, lower case (whole names and their words). */
  readonly ownNames?: ReadonlySet<string>;
}

const NEGATOR = /^(?:no|not|never|nobody|nothing|none|without|don't|doesn't|didn't|won't|can't|cannot|isn't|aren't|wasn't|weren't|haven't|hasn't|wouldn't|shouldn't|couldn't)$/;
const CLAUSE_END = /^[,;:?!]$/;
const NUMBER_WORDS = new Set(
  (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen " +
    "twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion dozen dozens hundreds thousands half halves third thirds quarter quarters"
  ).split(" "),
);
/** Capitalised words that are not names wherever they stand. */
const NOT_NAMES = new Set(["i", "i'm", "i've", "i'll", "i'd", "ok", "okay"]);

function isNumberWord(word: string): boolean {
  if (/^[$£€]?\d/.test(word)) return true;
  const parts = word.split("-");
  return parts.every((part) => NUMBER_WORDS.has(part));
}

/** The sentence's tokens after the chosen normalisations, lower case. */
export function tokensOf(sentence: string, options: FeatureOptions, ownNames: ReadonlySet<string> = new Set()): string[] {
  const text = sentence
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u2013\u2014]/g, " - ")
    .replace(/\s+/g, " ");
  const raw = text.match(/[$£€]?[\p{L}\p{N}][\p{L}\p{N}'.%&-]*|[,;:?!]/gu) ?? [];
  const tokens: string[] = [];
  let negated = false;
  let sentenceStart = true;
  for (const piece of raw) {
    const word = piece.replace(/[.'-]+$/, "");
    if (word.length === 0) continue;
    if (CLAUSE_END.test(word)) {
      negated = false;
      tokens.push(word);
      continue;
    }
    const lower = word.toLowerCase();
    let token = lower;
    if (options.numbers && isNumberWord(lower)) token = "num";
    else if (options.brands && !sentenceStart && /^\p{Lu}/u.test(word) && !NOT_NAMES.has(lower) && !isEverydayCapitalised(lower)) token = ownNames.has(lower) ? "own" : "brand";
    else if (options.stems === true && /^\p{L}+$/u.test(lower)) token = stemmer(lower);
    sentenceStart = false;
    const percent = options.numbers && /%$/.test(lower);
    tokens.push(options.negation && negated ? `not_${token}` : token);
    if (percent) tokens.push("percent");
    if (options.negation && (NEGATOR.test(lower) || lower.endsWith("n't"))) negated = true;
  }
  return tokens;
}

function wordGrams(tokens: readonly string[], upTo: number, prefix: string): string[] {
  const words = tokens.filter((token) => !CLAUSE_END.test(token) || token === "?");
  const grams: string[] = [];
  for (let size = 1; size <= upTo; size += 1) {
    for (let index = 0; index + size <= words.length; index += 1) grams.push(`${prefix}${words.slice(index, index + size).join(" ")}`);
  }
  return grams;
}

/**
 * The feature strings of a sentence (duplicates allowed; the classifier hashes them into a set).
 *
 * @example sentenceFeatureGrams("We pay Rostrum eighty dollars.", DEFAULT_FEATURE_OPTIONS) // includes "pay brand", "brand num"
 */
export function sentenceFeatureGrams(sentence: string, options: FeatureOptions, context: SentenceContext = {}): string[] {
  const tokens = tokensOf(sentence, options, context.ownNames);
  const grams = wordGrams(tokens, options.wordGrams, "");
  if (options.charGrams !== null) {
    const { min, max } = options.charGrams;
    for (const token of tokens) {
      const word = token.startsWith("not_") ? token.slice(4) : token;
      if (word === "num" || word === "brand" || word === "own" || CLAUSE_END.test(word)) continue;
      const padded = ` ${word} `;
      for (let size = min; size <= max; size += 1) {
        for (let index = 0; index + size <= padded.length; index += 1) grams.push(`#${padded.slice(index, index + size)}`);
      }
    }
  }
  if (options.previous && context.before !== undefined && context.before.length > 0) {
    grams.push(...wordGrams(tokensOf(context.before, { ...options, negation: false }, context.ownNames), 2, "prev_"));
  }
  return grams;
}
