import type { InputProblem } from "../../errors.js";

export interface CaptionCue {
  readonly index: number;
  readonly start: number;
  readonly text: string;
}

/**
 * The part of media-captions we use. Its published .d.ts re-exports without file extensions, which
 * NodeNext resolution cannot follow, so the shape is declared here and checked by the format tests.
 */
interface MediaCaptions {
  parseText(
    text: string,
    options: { type: "vtt" | "srt"; strict?: boolean },
  ): Promise<{
    cues: Array<{ startTime: number; text: string }>;
    errors: Array<{ message: string; line?: number }>;
  }>;
}

let library: Promise<MediaCaptions> | undefined;

/** Reads WebVTT or SRT cues with media-captions, keeping its parse errors as problems, not exceptions. */
export async function readCaptionCues(
  text: string,
  type: "vtt" | "srt",
  file: string,
): Promise<{ cues: CaptionCue[]; problems: InputProblem[] }> {
  library ??= import("media-captions") as unknown as Promise<MediaCaptions>;
  const result = await (await library).parseText(text, { type, strict: false });
  return {
    cues: result.cues.map((cue, index) => ({ index: index + 1, start: cue.startTime, text: cue.text })),
    problems: result.errors.map((error) => ({
      file,
      ...(error.line === undefined ? {} : { line: error.line }),
      reason: `invalid ${type.toUpperCase()}: ${error.message}`,
    })),
  };
}

