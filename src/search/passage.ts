import { z } from "zod";
import type { ChunkMatch } from "../db/chunk-search-store.js";
import type { StoredTurn } from "../db/document-store.js";
import { formatCallOffset } from "../ingest/transcript-schema.js";

const speakerRoleSchema = z.enum(["customer", "vendor", "unknown"]);

/** Where a passage's words are in their source: enough to find them again, and to cite them. */
export const passageCitationSchema = z.object({
  accountId: z.string(),
  sourceRef: z.string(),
  documentKind: z.enum(["ticket", "call"]),
  title: z.string().nullable(),
  /** ISO timestamp of the ticket or call. */
  occurredAt: z.string().nullable(),
  /** The passage's span of the document's full text. */
  startOffset: z.number().int(),
  endOffset: z.number().int(),
  /** The first speaker of the passage (the only one, usually), their role, and where they said it. */
  speaker: z.string().nullable(),
  speakerRole: speakerRoleSchema,
  commentRef: z.string().nullable(),
  callOffsetSeconds: z.number().nullable(),
  /** As a CSM cites it: "ticket #4412, comment 3, Dana Okafor (customer)" or "call 2026-05-14 at 00:23:41, ...". */
  label: z.string(),
});

export type PassageCitation = z.infer<typeof passageCitationSchema>;

export const passageTurnSchema = z.object({
  speaker: z.string(),
  speakerRole: speakerRoleSchema,
  textStart: z.number().int(),
  textEnd: z.number().int(),
  documentStart: z.number().int(),
  documentEnd: z.number().int(),
  callOffsetSeconds: z.number().optional(),
  commentRef: z.string().optional(),
});

/** One search hit: the words (without speaker labels), who said which part, and its citation. */
export const passageSchema = z.object({
  rank: z.number().int().positive(),
  chunkId: z.number().int(),
  documentId: z.number().int(),
  text: z.string(),
  turns: z.array(passageTurnSchema),
  score: z.number(),
  citation: passageCitationSchema,
});

export type Passage = z.infer<typeof passageSchema>;

function ticketNumber(sourceRef: string): string {
  return sourceRef.slice(sourceRef.lastIndexOf("#") + 1);
}

/** "Dana Okafor (customer)", or every speaker of a merged exchange in order of first appearance. */
function speakersOf(turns: readonly StoredTurn[]): string {
  const seen = new Map<string, string>();
  for (const turn of turns) if (!seen.has(turn.speaker)) seen.set(turn.speaker, `${turn.speaker} (${turn.speakerRole})`);
  return seen.size === 0 ? "unknown speaker" : [...seen.values()].join(", ");
}

/**
 * The citation of a span of a passage: the turns it covers decide the speaker, comment and timestamp.
 *
 * @example citationOf(match).label // "call 2026-10-20 at 00:05:43, Dana Okafor (customer)"
 */
export function citationOf(match: ChunkMatch, turns: readonly StoredTurn[] = match.turns, span?: { start: number; end: number }): PassageCitation {
  const first = turns[0];
  const who = speakersOf(turns);
  const label =
    match.kind === "ticket"
      ? [`ticket #${ticketNumber(match.sourceRef)}`, first?.commentRef === undefined ? undefined : `comment ${first.commentRef}`, who].filter(Boolean).join(", ")
      : `call ${match.occurredAt?.slice(0, 10) ?? "undated"}${first?.callOffsetSeconds === undefined ? "" : ` at ${formatCallOffset(first.callOffsetSeconds)}`}, ${who}`;
  return {
    accountId: match.accountId,
    sourceRef: match.sourceRef,
    documentKind: match.kind,
    title: match.title,
    occurredAt: match.occurredAt,
    startOffset: span?.start ?? match.startOffset,
    endOffset: span?.end ?? match.endOffset,
    speaker: first?.speaker ?? null,
    speakerRole: turns.every((turn) => turn.speakerRole === first?.speakerRole) ? (first?.speakerRole ?? "unknown") : "unknown",
    commentRef: first?.commentRef ?? null,
    callOffsetSeconds: first?.callOffsetSeconds ?? null,
    label,
  };
}

export function passageOf(match: ChunkMatch, rank: number): Passage {
  return {
    rank,
    chunkId: match.chunkId,
    documentId: match.documentId,
    text: match.text,
    turns: match.turns.map((turn) => ({ ...turn })),
    score: match.score,
    citation: citationOf(match),
  };
}

/** Words a reader gets from a text (what "words read" counts). */
export function wordCount(text: string): number {
  return text.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}
