import { createHash } from "node:crypto";
import type { CallFile } from "./read-source-folder.js";
import { resolveSpeakerRole, type RoleDirectory, type SpeakerRole } from "./speaker-role.js";
import type { Ticket } from "./ticket-schema.js";
import { formatCallOffset } from "./transcript-schema.js";

/** A stretch of a document's text said or written by one person: what every citation points into. */
export interface Segment {
  readonly start: number;
  readonly end: number;
  readonly speaker: string;
  readonly speakerRole: SpeakerRole;
  /** Ticket comment id. */
  readonly commentRef?: string;
  /** Seconds from the start of the call. */
  readonly callOffsetSeconds?: number;
}

/** One ticket or call as the pipeline sees it: full text, and who said which part of it. */
export interface CanonicalDocument {
  readonly accountId: string;
  readonly kind: "ticket" | "call";
  readonly sourceRef: string;
  readonly title: string;
  readonly occurredAt: string;
  readonly fullText: string;
  readonly contentHash: string;
  readonly segments: readonly Segment[];
}

/** Appends labelled passages and remembers where each passage's own words sit in the text. */
class TextBuilder {
  private text = "";
  readonly segments: Segment[] = [];

  line(label: string): void {
    this.text += `${label}\n`;
  }

  passage(label: string, words: string, segment: Omit<Segment, "start" | "end">): void {
    this.text += label;
    const start = this.text.length;
    this.text += words;
    this.segments.push({ ...segment, start, end: this.text.length });
    this.text += "\n";
  }

  /** The text, its segments, and a hash of both: roles are hashed too, so a changed participant list re-indexes. */
  finish(): Pick<CanonicalDocument, "fullText" | "contentHash" | "segments"> {
    const contentHash = createHash("sha256").update(this.text).update(JSON.stringify(this.segments)).digest("hex");
    return { fullText: this.text, contentHash, segments: this.segments };
  }
}

/**
 * A ticket as one document: the subject, then each comment as `[comment N] Name (role):` and its body.
 *
 * @example ticketDocument(ticket, directory, "tickets/acme.json").segments[0]?.commentRef // "1"
 */
export function ticketDocument(ticket: Ticket, directory: RoleDirectory, sourceFile: string): CanonicalDocument {
  const builder = new TextBuilder();
  builder.line(`Ticket #${ticket.id}: ${ticket.subject} (${ticket.status})`);
  for (const comment of ticket.comments) {
    const speakerRole = resolveSpeakerRole(comment.author, directory);
    builder.line("");
    builder.passage(`[comment ${comment.id}] ${comment.author.name} (${speakerRole}), ${comment.created_at}:\n`, comment.body, {
      speaker: comment.author.name,
      speakerRole,
      commentRef: comment.id,
    });
  }
  return {
    accountId: ticket.account_id,
    kind: "ticket",
    sourceRef: `${sourceFile}#${ticket.id}`,
    title: `Ticket #${ticket.id}: ${ticket.subject}`,
    occurredAt: ticket.created_at,
    ...builder.finish(),
  };
}

/**
 * A call as one document: one `[hh:mm:ss] Name:` line per turn. The call's own participants (a JSON
 * transcript's, or a sidecar's) are matched before the vendor profile's.
 */
export function callDocument(call: CallFile, directory: RoleDirectory, sourceRef: string): CanonicalDocument {
  const builder = new TextBuilder();
  const callDirectory: RoleDirectory = { ...directory, participants: [...(call.participants ?? []), ...directory.participants] };
  for (const turn of call.turns) {
    const speakerRole = resolveSpeakerRole({ name: turn.speaker }, callDirectory);
    builder.passage(`[${formatCallOffset(turn.start)}] ${turn.speaker}: `, turn.text, {
      speaker: turn.speaker,
      speakerRole,
      callOffsetSeconds: turn.start,
    });
  }
  return { accountId: call.accountId, kind: "call", sourceRef, title: call.title, occurredAt: call.startedAt ?? call.date, ...builder.finish() };
}
