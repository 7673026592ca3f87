import type { InputProblem } from "../../errors.js";
import type { TranscriptTurn } from "../transcript-schema.js";

export interface ParsedTranscript {
  readonly turns: TranscriptTurn[];
  /** Cues or lines that could not be read; the rest of the call is still usable. */
  readonly problems: InputProblem[];
}

/** One transcript file format: declares its extension and turns file text into speaker turns. */
export interface TranscriptFormat {
  readonly extension: "vtt" | "srt" | "txt" | "json";
  readonly description: string;
  parse(text: string, file: string): Promise<ParsedTranscript>;
}

/** `Name: words` at the start of a cue or line, the convention for formats without voice tags. */
const NAMED_LINE = /^([\p{L}][\p{L}\p{M}'’. -]{0,60}?):\s+([\s\S]+)$/u;

export function splitSpeaker(text: string): { speaker: string; text: string } | undefined {
  const match = NAMED_LINE.exec(text.trim());
  if (match === null || match[1] === undefined || match[2] === undefined) return undefined;
  return { speaker: match[1].trim(), text: match[2].replace(/\s+/g, " ").trim() };
}
