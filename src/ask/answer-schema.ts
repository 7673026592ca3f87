import { z } from "zod";
import { passageCitationSchema, passageSchema } from "../search/passage.js";

/** What the model returns (prompts/ask.system.md describes it): sentences, each citing passages. */
export const modelAnswerSchema = z.strictObject({
  sentences: z
    .array(
      z.strictObject({
        text: z.string().trim().min(1),
        citations: z.array(z.number().int()).min(1, "every sentence cites at least one passage"),
        quotes: z.array(z.string()).default([]),
      }),
    )
    .max(8),
});

export type ModelAnswer = z.infer<typeof modelAnswerSchema>;

/** The JSON schema sent as the strict response format (every field required, as strict mode wants). */
export const MODEL_ANSWER_RESPONSE_FORMAT = {
  type: "json_schema" as const,
  json_schema: {
    name: "cited_answer",
    strict: true,
    schema: {
      type: "object",
      additionalProperties: false,
      required: ["sentences"],
      properties: {
        sentences: {
          type: "array",
          items: {
            type: "object",
            additionalProperties: false,
            required: ["text", "citations", "quotes"],
            properties: {
              text: { type: "string" },
              citations: { type: "array", items: { type: "integer" } },
              quotes: { type: "array", items: { type: "string" } },
            },
          },
        },
      },
    },
  },
};

/** A fact on record about the account that answers part of a question about people or time. */
export const accountFactSchema = z.object({
  label: z.string(),
  value: z.string(),
  /** Where it comes from: the accounts file, a document, or an evidence row. */
  source: z.string(),
});

export type AccountFact = z.infer<typeof accountFactSchema>;

export const answerSentenceSchema = z.object({
  text: z.string(),
  /** Passage numbers ([1] is the first of `passages`). */
  citations: z.array(z.number().int().positive()),
});

export const citationFailureSchema = z.object({
  sentence: z.number().int().nonnegative(),
  kind: z.enum(["unknown_passage", "quote_not_found", "no_citation"]),
  detail: z.string(),
});

export type CitationFailure = z.infer<typeof citationFailureSchema>;

/** What `ask` returns to any front end. */
export const askResultSchema = z.object({
  accountId: z.string(),
  question: z.string(),
  /** `answered`: the answer below; `nothing_found`: the history holds no answer, `closest` lists what came nearest. */
  status: z.enum(["answered", "nothing_found"]),
  /** `generated` by the model (citations checked), or `extractive`: the passages' own sentences. */
  answerKind: z.enum(["generated", "extractive", "none"]),
  sentences: z.array(answerSentenceSchema),
  /** The passages the answer may cite, numbered from 1 in this order. */
  passages: z.array(passageSchema.extend({ number: z.number().int().positive() })),
  /** When nothing was found: the closest passages, which are not an answer. */
  closest: z.array(passageSchema),
  facts: z.array(accountFactSchema),
  answerability: z.object({ score: z.number(), threshold: z.number() }),
  citationCheck: z.object({
    /** Attempts that failed the check: 0, 1 (repaired) or 2 (fell back to the extractive answer). */
    failedAttempts: z.number().int().nonnegative(),
    repaired: z.boolean(),
    fellBack: z.boolean(),
    failures: z.array(citationFailureSchema),
  }),
  model: z.object({ provider: z.string(), modelId: z.string(), promptHash: z.string() }).nullable(),
});

export type AskResult = z.infer<typeof askResultSchema>;
export type NumberedPassage = AskResult["passages"][number];
export { passageCitationSchema };
