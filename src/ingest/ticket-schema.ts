import { z } from "zod";
import { accountIdSchema } from "./account-schema.js";
import { speakerRoleSchema } from "./speaker-role.js";

const timestampSchema = z.iso.datetime({ offset: true });

export const ticketAuthorSchema = z.strictObject({
  name: z.string().trim().min(1),
  email: z.email().optional(),
  role: speakerRoleSchema.exclude(["unknown"]).optional(),
});

export const ticketCommentSchema = z.strictObject({
  id: z.string().trim().min(1),
  created_at: timestampSchema,
  author: ticketAuthorSchema,
  body: z.string().trim().min(1, "a comment needs a body"),
});

export const ticketSchema = z.strictObject({
  id: z.string().trim().min(1),
  account_id: accountIdSchema,
  subject: z.string().trim().min(1),
  status: z.enum(["new", "open", "pending", "on_hold", "solved", "closed"]),
  created_at: timestampSchema,
  tags: z.array(z.string()).default([]),
  comments: z.array(ticketCommentSchema).min(1, "a ticket needs at least one comment"),
});

export type Ticket = z.infer<typeof ticketSchema>;
export type TicketComment = z.infer<typeof ticketCommentSchema>;

/** The CSV export: one row per comment; rows of one ticket share ticket_id, subject and status. */
export const TICKET_CSV_COLUMNS = [
  "ticket_id",
  "account_id",
  "subject",
  "status",
  "ticket_created_at",
  "comment_id",
  "author_name",
  "author_email",
  "author_role",
  "created_at",
  "body",
] as const;
