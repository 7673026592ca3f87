import { z } from "zod";
import { accountIdSchema, accountSchema } from "../ingest/account-schema.js";
import { speakerRoleSchema } from "../ingest/speaker-role.js";
import { SIGNAL_IDS, type SignalId } from "../taxonomy/signals.js";

const signalIdSchema = z.enum(SIGNAL_IDS as [SignalId, ...SignalId[]]);
const documentIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "must be a short id like '4821' or 'qbr-october'");
const timestampSchema = z.iso.datetime({ offset: true });

/** `Name <email>`: who wrote a ticket comment. The role comes from the gold vendor profile, as in production. */
const authorSchema = z
  .string()
  .regex(/^[^<>]+<[^<>\s]+@[^<>\s]+>$/, "must be 'Name <email>'")
  .transform((value) => {
    const [, name = "", email = ""] = /^([^<>]+)<([^<>]+)>$/.exec(value) ?? [];
    return { name: name.trim(), email: email.trim() };
  });

const ticketCommentSchema = z.strictObject({
  by: authorSchema,
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
  documents: z.array(goldDocumentSchema).min(1),
  labels: z.array(goldLabelSchema).default([]),
  hard_negatives: z.array(hardNegativeSchema).default([]),
  readiness: goldReadinessSchema.optional(),
});

export type GoldCaseFile = z.infer<typeof goldCaseSchema>;
export type GoldDocumentFile = z.infer<typeof goldDocumentSchema>;
export type HardNegativeKind = (typeof HARD_NEGATIVE_KINDS)[number];
