import { z } from "zod";
import type { InputProblem } from "../errors.js";
import { accountIdSchema } from "./account-schema.js";
import { participantSchema } from "./speaker-role.js";

/** `hh:mm:ss`, `mm:ss` (optionally with fractions) or a number of seconds, as seconds. */
export const callOffsetSchema = z.union(
  [
    z.number().nonnegative(),
    z
      .string()
      .regex(/^(\d{1,2}:)?\d{1,2}:\d{2}([.,]\d{1,3})?$/, "must be hh:mm:ss, mm:ss or a number of seconds")
      .transform(parseCallOffset),
  ],
  { error: "must be hh:mm:ss, mm:ss or a number of seconds from the start of the call" },
);

export function parseCallOffset(text: string): number {
  const parts = text.replace(",", ".").split(":").map(Number);
  return parts.reduce((total, part) => total * 60 + part, 0);
}

export function formatCallOffset(seconds: number): string {
  const whole = Math.floor(seconds);
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${pad(Math.floor(whole / 3600))}:${pad(Math.floor((whole % 3600) / 60))}:${pad(whole % 60)}`;
}

/** One speaker turn, the unit every transcript format is parsed into. */
export const transcriptTurnSchema = z.strictObject({
  speaker: z.string().trim().min(1),
  start: callOffsetSchema,
  text: z.string().trim().min(1),
});

export type TranscriptTurn = z.infer<typeof transcriptTurnSchema>;

/**
 * A turn as a JSON transcript may hold it: real exports have turns with no words, which are skipped with
 * a warning (see blankTurnsOf) rather than refusing the whole call.
 */
const storedTurnSchema = transcriptTurnSchema.extend({ text: z.string().trim() });

/** The turns with words, and a warning naming each blank one. */
export function blankTurnsOf(
  turns: ReadonlyArray<{ speaker: string; start: number; text: string }>,
  file: string,
): { turns: TranscriptTurn[]; warnings: Array<{ file: string; record: string; field: string; reason: string }> } {
  const kept: TranscriptTurn[] = [];
  const warnings: Array<{ file: string; record: string; field: string; reason: string }> = [];
  turns.forEach((turn, index) => {
    if (turn.text === "") {
      warnings.push({ file, record: `turn ${index + 1} at ${formatCallOffset(turn.start)}`, field: "text", reason: `${turn.speaker} says nothing in this turn; it was skipped` });
    } else {
      kept.push(turn);
    }
  });
  return { turns: kept, warnings };
}

const callMetadataFields = {
  account_id: accountIdSchema,
  title: z.string().trim().min(1),
  started_at: z.union([z.iso.datetime({ offset: true }), z.iso.date()]),
  participants: z.array(participantSchema).default([]),
};

/**
 * A JSON transcript: everything in one file. The metadata is valid as a whole or not at all; the turns are
 * read one by one (see jsonTranscriptTurns), so one bad turn costs that turn, as a bad cue does in WebVTT.
 */
export const transcriptJsonSchema = z.strictObject({
  ...callMetadataFields,
  turns: z.array(z.unknown()).min(1, "a transcript needs at least one turn"),
});

/**
 * The usable turns of a JSON transcript: a turn that fails validation is a problem naming it (`turn 3`,
 * field `start`) and the rest of the call is kept; a turn with no words is skipped with a warning.
 */
export function jsonTranscriptTurns(
  rawTurns: readonly unknown[],
  file: string,
): { turns: TranscriptTurn[]; problems: InputProblem[]; warnings: InputProblem[] } {
  const valid: Array<z.output<typeof storedTurnSchema>> = [];
  const problems: InputProblem[] = [];
  rawTurns.forEach((raw, index) => {
    const result = storedTurnSchema.safeParse(raw);
    if (result.success) {
      valid.push(result.data);
      return;
    }
    for (const issue of result.error.issues) {
      problems.push({
        file,
        record: `turn ${index + 1}`,
        ...(issue.path.length === 0 ? {} : { field: issue.path.map(String).join(".") }),
        reason: `${issue.message}; this turn was skipped`,
      });
    }
  });
  const { turns, warnings } = blankTurnsOf(valid, file);
  return { turns, problems, warnings };
}

/** A `<file>.meta.json` sidecar next to a VTT, SRT or text transcript: adds or overrides metadata. */
export const transcriptSidecarSchema = z.strictObject({
  account_id: callMetadataFields.account_id.optional(),
  title: callMetadataFields.title.optional(),
  started_at: callMetadataFields.started_at.optional(),
  participants: callMetadataFields.participants,
});

export type TranscriptJson = z.infer<typeof transcriptJsonSchema>;
export type TranscriptSidecar = z.infer<typeof transcriptSidecarSchema>;

export const TRANSCRIPT_EXTENSIONS = [".vtt", ".srt", ".txt", ".json"] as const;

/** `2026-05-14-quarterly-review.vtt` -> date and title; undefined when the name does not follow it. */
export function callFileName(fileName: string): { date: string; title: string } | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})-(.+)\.(vtt|srt|txt|json)$/i.exec(fileName);
  if (match === null || match[1] === undefined || match[2] === undefined) return undefined;
  if (!z.iso.date().safeParse(match[1]).success) return undefined;
  const words = match[2].replace(/[-_]+/g, " ").trim();
  return { date: match[1], title: words.charAt(0).toUpperCase() + words.slice(1) };
}
