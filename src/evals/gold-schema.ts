import { z } from "zod";
import { accountIdSchema, accountSchema } from "../ingest/account-schema.js";
import { speakerRoleSchema } from "../ingest/speaker-role.js";
import { SIGNAL_IDS, type SignalId } from "../taxonomy/signals.js";

const signalIdSchema = z.enum(SIGNAL_IDS as [SignalId, ...SignalId[]]);
const documentIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "must be a short id like '4821' or 'qbr-october'");
const timestampSchema = z.iso.datetime({ offset: true });

/**
 * `Name <email>`: who wrote a ticket comment. The role comes from the gold vendor profile, as in
 * production. A bare `Name` (exported disputes, whose source kept no email) needs `role` beside it.
 */
const authorSchema = z
  .string()
  .regex(/^[^<>]+(<[^<>\s]+@[^<>\s]+>)?$/, "must be 'Name <email>' or a name")
  .transform((value) => {
    const [, name = "", email] = /^([^<>]+?)\s*(?:<([^<>]+)>)?$/.exec(value.trim()) ?? [];
    return { name: name.trim(), ...(email === undefined ? {} : { email: email.trim() }) };
  });

const ticketCommentSchema = z.strictObject({
  by: authorSchema,
  role: speakerRoleSchema.exclude(["unknown"]).optional(),
  at: timestampSchema.optional(),
  body: z.string().trim().min(1),
});

const goldTicketSchema = z.strictObject({
  id: documentIdSchema,
  kind: z.literal("ticket"),
  subject: z.string().trim().min(1),
  status: z.enum(["new", "open", "pending", "on_hold", "solved", "closed"]),
  created_at: timestampSchema,
  comments: z.array(ticketCommentSchema).min(1),
});

/** A call excerpt, written as the plain-text transcript format: `[hh:mm:ss] Name: words` per line. */
const goldCallSchema = z.strictObject({
  id: documentIdSchema,
  kind: z.literal("call"),
  title: z.string().trim().min(1),
  date: z.iso.date(),
  transcript: z.string().trim().min(1),
});

export const goldDocumentSchema = z.discriminatedUnion("kind", [goldTicketSchema, goldCallSchema]);

/** Something a customer said that an extractor must find: the signal, the exact words, who said them. */
export const goldLabelSchema = z.strictObject({
  signal: signalIdSchema,
  document: documentIdSchema,
  quote: z.string().trim().min(1),
  speaker_role: speakerRoleSchema,
});

export const HARD_NEGATIVE_KINDS = ["vendor_speech", "negation", "hypothetical", "resolved", "sarcasm", "not_the_signal", "disputed"] as const;

/** Words that look like a signal but are not one; an extractor that reports them as that signal is wrong. */
export const hardNegativeSchema = z.strictObject({
  looks_like: signalIdSchema,
  document: documentIdSchema,
  quote: z.string().trim().min(1),
  kind: z.enum(HARD_NEGATIVE_KINDS),
  why: z.string().trim().min(1),
});

/** What the readiness rules should conclude for the whole account, from its facts, usage and documents. */
export const goldReadinessSchema = z.strictObject({
  account: accountSchema.omit({ id: true }),
  usage: z.array(z.strictObject({ date: z.iso.date(), metric: z.string().regex(/^[a-z][a-z0-9_]*$/), value: z.number().finite() })).default([]),
  as_of: z.iso.date(),
  expected_verdict: z.enum(["ready", "fix_footprint", "no_pull", "insufficient_evidence"]),
  why: z.string().trim().min(1),
});

/** One gold case: an account's documents with their labels, and optionally the verdict its whole record deserves. */
export const goldCaseSchema = z.strictObject({
  id: accountIdSchema,
  account_id: accountIdSchema,
  description: z.string().trim().min(1),
  /** Speakers this case adds to the gold vendor profile's participant list (exported disputes need them). */
  participants: z.array(z.strictObject({ name: z.string().trim().min(1), role: speakerRoleSchema })).default([]),
  documents: z.array(goldDocumentSchema).min(1),
  labels: z.array(goldLabelSchema).default([]),
  hard_negatives: z.array(hardNegativeSchema).default([]),
  /**
   * Only the hard negatives of this case are scored: its documents are not fully labelled (exported
   * disputes), so a prediction elsewhere in them is neither right nor wrong.
   */
  negatives_only: z.boolean().default(false),
  readiness: goldReadinessSchema.optional(),
});

/**
 * Which part of the gold set a case belongs to. `tune` cases (`cases/`) are the ones people looked at while
 * tuning extractors; `holdout` cases (`holdout/`) were written afterwards and must never be tuned on, so
 * their scores stay an honest, out-of-sample number.
 */
export const GOLD_SPLITS = ["tune", "holdout"] as const;
export type GoldSplit = (typeof GOLD_SPLITS)[number];

export type GoldCaseFile = z.infer<typeof goldCaseSchema>;
export type GoldDocumentFile = z.infer<typeof goldDocumentSchema>;
export type HardNegativeKind = (typeof HARD_NEGATIVE_KINDS)[number];
