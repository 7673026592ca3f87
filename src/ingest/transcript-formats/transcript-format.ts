import type { InputProblem } from "../../errors.js";
import type { TranscriptTurn } from "../transcript-schema.js";

export interface ParsedTranscript {
  readonly turns: TranscriptTurn[];
  /** Cues or lines that could not be read; the rest of the call is still usable. */
  readonly problems: InputProblem[];
  /** Turns skipped without harm (a speaker with no words): reported, never a reason to refuse the call. */
  readonly warnings?: InputProblem[];
}

/** One transcript file format: declares its extension and turns file text into speaker turns. */
export interface TranscriptFormat {
  readonly extension: "vtt" | "srt" | "txt" | "json";
  readonly description: string;
  parse(text: string, file: string): Promise<ParsedTranscript>;
}

/** `Name: words` at the start of a cue or line, the convention for formats without voice tags. */
const NAMED_LINE = /^([\p{L}][\p{L}\p{M}'’. -]{0,60}?):\s+([\s\S]+)$/u;

/** `Name:` with nothing after it: a turn whose words are missing (real transcripts have them). */
const BLANK_NAMED_LINE = /^([\p{L}][\p{L}\p{M}'’. -]{0,60}?):\s*$/u;

/** The speaker of a blank `Name:` turn, else undefined. */
export function blankTurnSpeaker(text: string): string | undefined {
  return BLANK_NAMED_LINE.exec(text.trim())?.[1]?.trim();
}

/** The warning for a skipped blank turn. */
export function blankTurnWarning(file: string, record: string, speaker: string): InputProblem {
  return { file, record, field: "text", reason: `${speaker} says nothing in this turn; it was skipped` };
}

export function splitSpeaker(text: string): { speaker: string; text: string } | undefined {
  const match = NAMED_LINE.exec(text.trim());
  if (match === null || match[1] === undefined || match[2] === undefined) return undefined;
  return { speaker: match[1].trim(), text: match[2].replace(/\s+/g, " ").trim() };
}
