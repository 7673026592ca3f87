import { z } from "zod";
import { lexemesOf, queryTermWeights } from "../db/chunk-search-store.js";
import { AppError } from "../errors.js";
import { passageOf } from "../search/passage.js";
import { DEFAULT_SEARCH_METHOD, rankChunks, rankForQuestion, type SearchServices } from "../search/search-passages.js";
import type { AccountFactsSource } from "./account-facts.js";
import { ANSWERABILITY_DEPTH, answerabilityScore, answerableText, DEFAULT_ANSWERABILITY_THRESHOLD } from "./answerability.js";
import type { AskResult, CitationFailure, ModelAnswer, NumberedPassage } from "./answer-schema.js";
import type { Answerer, AnswerRequest } from "./answerer.js";
import { checkCitations } from "./check-citations.js";
import { extractiveSentences } from "./extractive-answer.js";

const isoDate = z.iso.date();

/** An ask request, as any front end passes it. */
export const askInputSchema = z.object({
  accountId: z.string().min(1),
  question: z.string().trim().min(1, "the question is empty"),
  /** Passages the answer may draw on. */
  passages: z.number().int().min(1).max(20).default(6),
  since: isoDate.optional(),
  until: isoDate.optional(),
  kind: z.enum(["ticket", "call"]).optional(),
  speakerRole: z.enum(["customer", "vendor"]).optional(),
  person: z.string().trim().min(1).optional(),
  /** `extractive` never calls a model, even when one is configured. */
  mode: z.enum(["auto", "extractive"]).default("auto"),
});

export type AskInput = z.input<typeof askInputSchema>;

export interface AskServices {
  readonly search: SearchServices;
  /** A model for written answers; without one, answers are extractive. */
  readonly answerer?: Answerer | undefined;
  readonly facts?: AccountFactsSource | undefined;
  /** The no-answer threshold on the answerability score (calibrated by `npm run bench:retrieval`). */
  readonly answerabilityThreshold?: number;
}

/** Counts kept across questions (a front end may report them): answers that failed the citation check. */
export const citationFailureCounter = { failedAttempts: 0, fallbacks: 0 };

function problemsOf(failures: readonly CitationFailure[]): string[] {
  return failures.map((failure) => failure.detail);
}

/**
 * The ask use case: retrieve the account's passages (hybrid search), decide whether they answer the
 * question at all, then answer, with a model when one is given (every citation checked, one repair, then
 * the extractive answer) or extractively (the passages' own sentences). Questions about people and time
 * also get the account's facts on record. Input object in, result object out.
 *
 * @example await askQuestion({ search: { database, embedder } }, { accountId: "brightpath-logistics", question: "do they need more seats?" })
 */
export async function askQuestion(services: AskServices, request: AskInput): Promise<AskResult> {
  const input = askInputSchema.parse(request);
  const { database } = services.search;
  const threshold = services.answerabilityThreshold ?? DEFAULT_ANSWERABILITY_THRESHOLD;
  const filters = { accountId: input.accountId, since: input.since, until: input.until, kind: input.kind, speakerRole: input.speakerRole, person: input.person };
  const matches = await rankForQuestion(services.search, input.question, DEFAULT_SEARCH_METHOD, filters, input.passages);
  const passages: NumberedPassage[] = matches.map((match, index) => ({ ...passageOf(match, index + 1), number: index + 1 }));
  const termWeights = await queryTermWeights(database, input.question, input.accountId);
  const lexemes = (texts: readonly string[]) => lexemesOf(database, texts);
  const score = answerabilityScore({ termWeights, passageLexemes: await lexemes(passages.slice(0, ANSWERABILITY_DEPTH).map(answerableText)) });
  const facts = services.facts === undefined ? [] : await services.facts.factsFor(input.accountId, input.question);
  const base = { accountId: input.accountId, question: input.question, facts, answerability: { score, threshold } };
  const check = { failedAttempts: 0, repaired: false, fellBack: false, failures: [] as CitationFailure[] };
  const answerer = input.mode === "extractive" ? undefined : services.answerer;
  const model = answerer === undefined ? null : { provider: answerer.provider, modelId: answerer.modelId, promptHash: answerer.promptHash };

  const nothingFound = async (): Promise<AskResult> => {
    // No word of the question matched: the nearest passages by meaning are still worth showing.
    const closest = passages.length > 0 ? passages : (await rankChunks(services.search, input.question, "vector", filters, 3)).map((match, index) => ({ ...passageOf(match, index + 1), number: index + 1 }));
    return {
      ...base,
      status: "nothing_found",
      answerKind: "none",
      sentences: [],
      passages: [],
      closest: closest.slice(0, 3).map(({ number: _number, ...passage }) => passage),
      citationCheck: check,
      model,
    };
  };
  if (passages.length === 0 || score < threshold) return nothingFound();

  const extractive = async (): Promise<AskResult> => {
    const sentences = await extractiveSentences(passages, termWeights, lexemes);
    if (sentences.length === 0) return nothingFound();
    return {
      ...base,
      status: "answered",
      answerKind: "extractive",
      sentences: sentences.map((sentence) => ({ text: sentence.text, citations: [sentence.passageNumber] })),
      passages,
      closest: [],
      citationCheck: check,
      model,
    };
  };
  if (answerer === undefined) return extractive();

  const answerRequest: AnswerRequest = { accountId: input.accountId, question: input.question, passages, facts };
  const texts = passages.map((passage) => passage.text);
  const fallBack = async (failures: readonly CitationFailure[]) => {
    check.failedAttempts += 1;
    check.fellBack = true;
    check.failures = [...failures];
    citationFailureCounter.fallbacks += 1;
    return extractive();
  };
  let answer: ModelAnswer;
  try {
    answer = await answerer.answer(answerRequest);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    citationFailureCounter.failedAttempts += 1;
    return fallBack([{ sentence: 0, kind: "no_citation", detail: `the model's answer could not be used: ${error.message}` }]);
  }
  let failures = checkCitations(answer, texts);
  if (failures.length > 0) {
    check.failedAttempts += 1;
    citationFailureCounter.failedAttempts += 1;
    try {
      answer = await answerer.repair(answerRequest, answer, problemsOf(failures));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return fallBack([...failures, { sentence: 0, kind: "no_citation", detail: `the repaired answer could not be used: ${error.message}` }]);
    }
    const remaining = checkCitations(answer, texts);
    if (remaining.length > 0) {
      citationFailureCounter.failedAttempts += 1;
      return fallBack([...failures, ...remaining]);
    }
    check.repaired = true;
    check.failures = failures;
    failures = [];
  }
  // The model found nothing that answers: say so rather than invent.
  if (answer.sentences.length === 0) return nothingFound();
  return {
    ...base,
    status: "answered",
    answerKind: "generated",
    sentences: answer.sentences.map((sentence) => ({ text: sentence.text, citations: sentence.citations })),
    passages,
    closest: [],
    citationCheck: check,
    model,
  };
}
