import { z } from "@hono/zod-openapi";
import { ACCESS_ROLES } from "../../config/serve-config.js";
import { EXPANSION_TYPE_IDS } from "../../taxonomy/expansion-types.js";
import { SIGNAL_IDS } from "../../taxonomy/signals.js";

/*
 * The API's contract: every request is validated by these schemas and the OpenAPI document is generated
 * from the same ones, so the two cannot disagree. Responses describe what the use cases return.
 */

const SIGNAL_CATEGORIES = ["usage", "relationship", "value", "risk"] as const;
const VERDICTS = ["ready", "fix_footprint", "no_pull", "insufficient_evidence"] as const;
const HYPOTHESIS_STATUSES = ["draft", "approved", "rejected", "stale"] as const;
const SPEAKER_ROLES = ["customer", "vendor", "unknown"] as const;

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/, { error: "must be a lowercase slug like 'brightpath-logistics'" });
const numericId = z.string().regex(/^[1-9][0-9]{0,17}$/, { error: "must be a positive whole number" });
const isoDate = z.iso.date({ error: "must be a date like 2026-11-23" });
/** Free text a person types: kept verbatim (no trimming of the inside), bounded. */
const comment = z.string().max(2000, { error: "must be at most 2000 characters" });

export const accountParamsSchema = z.object({
  accountId: slug.openapi({ param: { name: "accountId", in: "path" }, example: "brightpath-logistics" }),
});

export const hypothesisParamsSchema = z.object({
  hypothesisId: numericId.openapi({ param: { name: "hypothesisId", in: "path" }, example: "12" }),
});

export const evidenceParamsSchema = z.object({
  evidenceId: numericId.openapi({ param: { name: "evidenceId", in: "path" }, example: "41" }),
});

export const accountSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    tier: z.string(),
    arr: z.number(),
    health: z.enum(["green", "yellow", "red", "unknown"]),
    health_trend: z.enum(["up", "flat", "down", "unknown"]),
    licensed_seats: z.number().int().optional(),
    renewal_date: z.string().optional(),
    champion: z.string().optional(),
    economic_buyer: z.string().optional(),
    domains: z.array(z.string()),
    add_ons: z.array(z.string()),
  })
  .openapi("Account");

export const evidenceQuerySchema = z.strictObject({
  signal: z.enum(SIGNAL_IDS as [string, ...string[]]).optional(),
  category: z.enum(SIGNAL_CATEGORIES).optional(),
  role: z.enum(SPEAKER_ROLES).optional().openapi({ description: "Whose words; customer-side rows are what the rules count." }),
  from: isoDate.optional().openapi({ description: "Only evidence said or written on or after this day." }),
  to: isoDate.optional().openapi({ description: "Only evidence said or written on or before this day." }),
  disputed: z
    .enum(["exclude", "include", "only"])
    .default("exclude")
    .openapi({ description: "Disputed rows are hidden by default; `include` marks them, `only` lists just them." }),
});

export type EvidenceQuery = z.infer<typeof evidenceQuerySchema>;

export const evidenceSchema = z
  .object({
    id: z.string(),
    accountId: z.string(),
    signalId: z.string(),
    quote: z.string(),
    quoteStart: z.number().int(),
    quoteEnd: z.number().int(),
    speaker: z.string().nullable(),
    speakerRole: z.enum(SPEAKER_ROLES),
    documentKind: z.enum(["ticket", "call"]),
    sourceRef: z.string(),
    documentTitle: z.string().nullable(),
    occurredAt: z.string().nullable(),
    status: z.enum(["active", "disputed"]),
    citation: z.string().openapi({ description: 'Where the words are, for people: "ticket #1042 comment 3, Dana Okafor (customer)".' }),
  })
  .openapi("Evidence");

export type EvidenceView = z.infer<typeof evidenceSchema>;

export const evidenceContextSchema = z
  .object({
    evidence: evidenceSchema,
    /** The surrounding words: the comment the quote is in, or the call turns before and after it. */
    passages: z.array(
      z.object({
        speaker: z.string(),
        speakerRole: z.enum(SPEAKER_ROLES),
        place: z.string().openapi({ description: 'The comment or call time: "comment 3", "00:23:41".' }),
        text: z.string(),
        containsQuote: z.boolean(),
        quoteStart: z.number().int().optional().openapi({ description: "Offset of the quote inside `text` when it is there." }),
        quoteEnd: z.number().int().optional(),
      }),
    ),
  })
  .openapi("EvidenceContext");

export type EvidenceContextView = z.infer<typeof evidenceContextSchema>;

export const gateSchema = z
  .object({
    gate: z.string(),
    status: z.enum(["pass", "fail", "unknown"]),
    reasons: z.array(z.string()),
    evidenceIds: z.array(z.string()),
  })
  .openapi("Gate");

export type GateView = z.infer<typeof gateSchema>;

export const hypothesisSchema = z
  .object({
    id: z.string(),
    accountId: z.string(),
    expansionType: z.enum(EXPANSION_TYPE_IDS as [string, ...string[]]),
    verdict: z.enum(VERDICTS),
    status: z.enum(HYPOTHESIS_STATUSES),
    statusReason: z.string().nullable(),
    sections: z.array(z.object({ name: z.string(), title: z.string(), text: z.string(), evidenceIds: z.array(z.string()) })),
    evidenceIds: z.array(z.string()),
    gates: z.array(gateSchema).openapi({ description: "The gates of the readiness run the hypothesis was drafted from." }),
    rulesVersion: z.string(),
    asOf: z.string().nullable(),
    reviewedBy: z.string().nullable(),
    reviewedAt: z.string().nullable(),
    reviewComment: z.string().nullable(),
    overrideReason: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi("Hypothesis");

export type HypothesisView = z.infer<typeof hypothesisSchema>;

export const hypothesisQuerySchema = z.strictObject({
  account: slug.optional(),
  status: z.enum([...HYPOTHESIS_STATUSES, "all"]).default("draft"),
});



export const readinessSchema = z
  .object({
    accountId: z.string(),
    asOf: z.string(),
    verdict: z.enum(VERDICTS),
    rulesVersion: z.string(),
    gates: z.array(gateSchema),
    expansionTypes: z.array(z.object({ type: z.string(), evidenceIds: z.array(z.string()), signals: z.array(z.string()) })),
  })
  .openapi("Readiness");

export type ReadinessView = z.infer<typeof readinessSchema>;

export const readinessQuerySchema = z.strictObject({ asOf: isoDate.optional() });

export const recordReadinessBodySchema = z.strictObject({ asOf: isoDate.optional() }).openapi("RecordReadinessRequest");

export const recordedReadinessSchema = z
  .object({
    assessmentId: z.string().nullable(),
    changed: z.boolean().openapi({ description: "False when nothing that feeds the rules changed since the latest stored run: nothing new was stored." }),
    readiness: readinessSchema,
    hypotheses: z.array(z.object({ id: z.string(), expansionType: z.string(), status: z.string(), change: z.string() })),
  })
  .openapi("RecordedReadiness");

export type RecordedReadinessView = z.infer<typeof recordedReadinessSchema>;

/** The reviewer is never in a body: it comes from the token. A body naming one is refused, field named. */
export const approveBodySchema = z
  .strictObject({
    comment: comment.optional(),
    overrideReason: comment.optional().openapi({ description: "Required when the verdict is not ready: why the rules are overruled." }),
  })
  .openapi("ApproveRequest");

export const rejectBodySchema = z.strictObject({ comment: comment.min(1, { error: "say why the hypothesis is rejected" }) }).openapi("RejectRequest");

export const disputeBodySchema = z.strictObject({ comment: comment.optional() }).openapi("DisputeRequest");

export const disputeOutcomeSchema = z
  .object({ evidenceId: z.string(), reviewer: z.string(), staleHypotheses: z.array(z.string()) })
  .openapi("DisputeOutcome");

export type DisputeOutcomeView = z.infer<typeof disputeOutcomeSchema>;

export const historyEntrySchema = z
  .object({
    occurredAt: z.string(),
    actor: z.string(),
    action: z.string(),
    subjectType: z.string(),
    subjectId: z.string(),
    details: z.record(z.string(), z.unknown()),
  })
  .openapi("HistoryEntry");

export type HistoryEntryView = z.infer<typeof historyEntrySchema>;

export const searchQuerySchema = z.strictObject({
  q: z.string().trim().min(1, { error: "say what to search for" }).max(500),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

export const searchHitSchema = z
  .object({ sourceRef: z.string(), citation: z.string(), text: z.string(), score: z.number() })
  .openapi("SearchHit");

export type SearchHitView = z.infer<typeof searchHitSchema>;

export const askBodySchema = z
  .strictObject({ question: z.string().trim().min(1, { error: "ask a question" }).max(1000, { error: "must be at most 1000 characters" }) })
  .openapi("AskRequest");

export const answerSchema = z
  .object({
    question: z.string(),
    sentences: z.array(z.object({ text: z.string(), citations: z.array(z.object({ label: z.string(), quote: z.string() })) })),
    insufficient: z.boolean().openapi({ description: "True when the account's sources do not answer the question." }),
  })
  .openapi("Answer");

export type AnswerView = z.infer<typeof answerSchema>;

export const reportQuerySchema = z.strictObject({ format: z.enum(["html", "markdown"]).default("html"), asOf: isoDate.optional() });

export const portfolioQuerySchema = z.strictObject({ asOf: isoDate.optional().openapi({ description: "Decide readiness as of this day (default today); nothing is recorded." }) });

export const portfolioEntrySchema = z
  .object({
    accountId: z.string(),
    name: z.string(),
    renewalDate: z.string().nullable(),
    arr: z.number(),
    verdict: z.enum(VERDICTS),
    expansionTypes: z.array(z.string()),
    blockingRisks: z.array(z.string()),
    champion: z.string().nullable(),
    championStatus: z.string(),
    awaitingReview: z.number().int().openapi({ description: "Draft hypotheses waiting for a person." }),
  })
  .openapi("PortfolioEntry");

export type PortfolioEntryView = z.infer<typeof portfolioEntrySchema>;

export const uploadBodySchema = z
  .strictObject({
    files: z
      .array(
        z.strictObject({
          kind: z.enum(["tickets", "call"]).openapi({ description: "`tickets`: a JSON or CSV tickets file; `call`: one transcript (WebVTT, SRT, text or JSON)." }),
          name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,120}$/, { error: "must be a plain file name like 2026-11-04-sync.vtt" }),
          content: z.string().min(1, { error: "must not be empty" }),
        }),
      )
      .min(1, { error: "send at least one file" })
      .max(50, { error: "at most 50 files per upload" }),
  })
  .openapi("UploadRequest");

export type UploadFile = z.infer<typeof uploadBodySchema>["files"][number];

export const uploadOutcomeSchema = z
  .object({ indexed: z.number().int(), unchanged: z.number().int(), chunks: z.number().int() })
  .openapi("UploadOutcome");

export type UploadOutcomeView = z.infer<typeof uploadOutcomeSchema>;

export const principalSchema = z
  .object({ reviewer: z.string(), role: z.enum(ACCESS_ROLES), accounts: z.union([z.literal("*"), z.array(z.string())]) })
  .openapi("Principal");

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    problems: z
      .array(z.object({ file: z.string(), record: z.string().optional(), line: z.number().int().optional(), field: z.string().optional(), reason: z.string() }))
      .optional(),
  })
  .openapi("Problem");
