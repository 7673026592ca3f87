import { z } from "zod";
import type { InputProblem } from "../errors.js";
import { accountIdSchema } from "./account-schema.js";
import { recordName, validateRecord, type RecordCandidate } from "./validate-records.js";

/**
 * A Zendesk ticket export, the subset of fields this tool reads (data/README.md, "Zendesk export").
 * Everything else Zendesk writes (url, priority, custom fields, html_body, metadata...) is ignored, so
 * the schemas are open objects. Ids are Zendesk's numbers; authors are user ids resolved through the
 * side-loaded `users` list, and the account comes from the ticket's organization's `external_id`.
 */
const zendeskId = z.number().int().positive();
const timestampSchema = z.iso.datetime({ offset: true });

const zendeskUserSchema = z.object({
  id: zendeskId,
  name: z.string().trim().min(1),
  email: z.email().nullish(),
  // Zendesk's roles: end-users are the vendor's customers; agents and admins are the vendor's staff.
  role: z.enum(["end-user", "agent", "admin"]),
  organization_id: zendeskId.nullish(),
});

const zendeskOrganizationSchema = z.object({
  id: zendeskId,
  name: z.string().trim().min(1),
  external_id: accountIdSchema.nullish(),
});

const zendeskCommentSchema = z
  .object({
    id: zendeskId,
    author_id: zendeskId,
    body: z.string().optional(),
    plain_body: z.string().optional(),
    public: z.boolean().default(true),
    created_at: timestampSchema,
    via: z.object({ channel: z.string() }).loose().optional(),
  })
  .refine((comment) => (comment.plain_body ?? comment.body ?? "").trim() !== "", {
    message: "a comment needs a body or plain_body",
    path: ["body"],
  });

const zendeskTicketSchema = z.object({
  id: zendeskId,
  subject: z.string().trim().min(1),
  status: z.enum(["new", "open", "pending", "hold", "solved", "closed"]),
  created_at: timestampSchema,
  tags: z.array(z.string()).default([]),
  requester_id: zendeskId,
  organization_id: zendeskId.nullish(),
  via: z.object({ channel: z.string() }).loose().optional(),
  comments: z.array(z.unknown()).optional(),
});

/** A separately listed comment (some exports put all comments in one top-level list). */
const listedCommentSchema = z.object({ ticket_id: zendeskId }).loose();

type ZendeskUser = z.infer<typeof zendeskUserSchema>;
type ZendeskComment = z.infer<typeof zendeskCommentSchema>;

/**
 * True for `{ "tickets": [...] }` as Zendesk shapes it: with side-loaded `users`, or tickets that carry
 * a numeric id and a `requester_id`. The native format has string ids and authors inline.
 */
export function isZendeskExport(value: unknown): boolean {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  if (!Array.isArray(record.tickets)) return false;
  if (Array.isArray(record.users)) return true;
  const first = record.tickets[0] as Record<string, unknown> | undefined;
  return typeof first === "object" && first !== null && typeof first.id === "number" && "requester_id" in first;
}

/**
 * Turns a Zendesk export into tickets in this tool's own shape, ready for the shared ticket schema.
 * Problems name the Zendesk record and field ("ticket 35436", "comments.2.author_id"); a bad ticket is
 * left out, the others are kept. Private comments (internal notes) are not the customer's words and
 * were never shown to them, so they are skipped.
 */
export function ticketsFromZendesk(file: string, value: unknown): { candidates: RecordCandidate[]; problems: InputProblem[] } {
  const exported = value as Record<string, unknown>;
  const problems: InputProblem[] = [];

  const users = new Map<number, ZendeskUser>();
  for (const [index, item] of asList(exported.users).entries()) {
    const result = validateRecord(zendeskUserSchema, item, { file, record: `user ${recordName(item, index)}` });
    if (result.success) users.set(result.data.id, result.data);
    else problems.push(...result.problems);
  }
  const accountByOrganization = new Map<number, string>();
  for (const [index, item] of asList(exported.organizations).entries()) {
    const result = validateRecord(zendeskOrganizationSchema, item, { file, record: `organization ${recordName(item, index)}` });
    if (!result.success) problems.push(...result.problems);
    else if (result.data.external_id !== undefined && result.data.external_id !== null) {
      accountByOrganization.set(result.data.id, result.data.external_id);
    }
  }
  const listedComments = new Map<number, unknown[]>();
  for (const [index, item] of asList(exported.comments).entries()) {
    const result = validateRecord(listedCommentSchema, item, { file, record: `comment ${recordName(item, index)}` });
    if (!result.success) {
      problems.push(...result.problems);
      continue;
    }
    listedComments.set(result.data.ticket_id, [...(listedComments.get(result.data.ticket_id) ?? []), item]);
  }

  const candidates: RecordCandidate[] = [];
  for (const [index, item] of asList(exported.tickets).entries()) {
    const record = `ticket ${recordName(item, index)}`;
    const ticket = validateRecord(zendeskTicketSchema, item, { file, record });
    if (!ticket.success) {
      problems.push(...ticket.problems);
      continue;
    }
    const { data } = ticket;
    const ticketProblems: InputProblem[] = [];
    const rawComments = data.comments ?? listedComments.get(data.id) ?? [];
    const commentField = data.comments === undefined ? "comments (top-level list)" : "comments";
    const comments: ZendeskComment[] = [];
    for (const [position, rawComment] of rawComments.entries()) {
      const comment = validateRecord(zendeskCommentSchema, rawComment, { file, record });
      if (!comment.success) {
        ticketProblems.push(...comment.problems.map((problem) => ({ ...problem, field: `${commentField}.${position}${problem.field === undefined ? "" : `.${problem.field}`}` })));
        continue;
      }
      if (!users.has(comment.data.author_id)) {
        ticketProblems.push({
          file,
          record,
          field: `${commentField}.${position}.author_id`,
          reason: `user ${comment.data.author_id} is not in the export's "users" list (export with users side-loaded)`,
        });
        continue;
      }
      comments.push(comment.data);
    }
    const organizationId = data.organization_id ?? users.get(data.requester_id)?.organization_id ?? undefined;
    const accountId = organizationId === undefined || organizationId === null ? undefined : accountByOrganization.get(organizationId);
    if (accountId === undefined) {
      ticketProblems.push({
        file,
        record,
        field: "organization_id",
        reason:
          organizationId === undefined || organizationId === null
            ? "the ticket and its requester have no organization, so it belongs to no account"
            : `organization ${organizationId} is not in the "organizations" list with an external_id naming the account`,
      });
    }
    const publicComments = comments.filter((comment) => comment.public).sort((a, b) => a.created_at.localeCompare(b.created_at));
    if (ticketProblems.length === 0 && publicComments.length === 0) {
      ticketProblems.push({ file, record, field: "comments", reason: "no public comments (internal notes are not indexed)" });
    }
    if (ticketProblems.length > 0) {
      problems.push(...ticketProblems);
      continue;
    }
    candidates.push({
      record,
      value: {
        id: String(data.id),
        account_id: accountId,
        subject: data.subject,
        status: data.status === "hold" ? "on_hold" : data.status,
        created_at: data.created_at,
        tags: data.tags,
        comments: publicComments.map((comment) => {
          const author = users.get(comment.author_id) as ZendeskUser;
          return {
            id: String(comment.id),
            created_at: comment.created_at,
            author: {
              name: author.name,
              ...(author.email === undefined || author.email === null ? {} : { email: author.email }),
              role: author.role === "end-user" ? "customer" : "vendor",
            },
            body: (comment.plain_body ?? comment.body ?? "").trim(),
          };
        }),
      },
    });
  }
  return { candidates, problems };
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
