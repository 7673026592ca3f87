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
    options: { type: "vtt" | "srt"; strict?: boolean; errors?: boolean },
  ): Promise<{
    cues: Array<{ startTime: number; text: string }>;
    errors: Array<{ message: string; line?: number }>;
  }>;
}

let library: Promise<MediaCaptions> | undefined;

/**
 * Reads WebVTT or SRT cues with media-captions, keeping its parse errors as problems, not exceptions:
 * a malformed cue is reported by line and skipped, the cues around it are kept.
 */
export async function readCaptionCues(
  text: string,
  type: "vtt" | "srt",
  file: string,
): Promise<{ cues: CaptionCue[]; problems: InputProblem[] }> {
  library ??= import("media-captions") as unknown as Promise<MediaCaptions>;
  // Without `errors: true` media-captions drops a cue with a bad timestamp silently.
  const result = await (await library).parseText(text, { type, strict: false, errors: true });
  const problems: InputProblem[] = result.errors.map((error) => ({
    file,
    ...(error.line === undefined ? {} : { line: error.line }),
    field: "timing",
    reason: `invalid ${type.toUpperCase()} cue skipped: ${error.message}`,
  }));
  const reported = new Set(problems.map((problem) => problem.line));
  for (const block of blocksWithoutTiming(text, type)) {
    if (!reported.has(block.line)) {
      problems.push({ file, line: block.line, field: "timing", reason: `invalid ${type.toUpperCase()} cue skipped: no "start --> end" timing line` });
    }
  }
  return {
    cues: result.cues.map((cue, index) => ({ index: index + 1, start: cue.startTime, text: cue.text })),
    problems,
  };
}

/**
 * Blocks (separated by blank lines) that hold text but no timing line: media-captions skips them without
 * a word (a cue whose arrow is missing, a timing line typed wrong), yet they are words someone said.
 */
function blocksWithoutTiming(text: string, type: "vtt" | "srt"): Array<{ line: number }> {
  const lines = text.split(/\r\n|\n|\r/);
  const found: Array<{ line: number }> = [];
  let start = 0;
  for (let index = 0; index <= lines.length; index += 1) {
    if (index < lines.length && (lines[index] ?? "").trim() !== "") continue;
    const block = lines.slice(start, index).map((line) => line.trim());
    const first = block[0];
    const isHeader = type === "vtt" && start === 0 && first?.startsWith("WEBVTT") === true;
    const isAside = type === "vtt" && first !== undefined && /^(NOTE|STYLE|REGION)(\s|$)/.test(first);
    if (first !== undefined && !isHeader && !isAside && !block.some((line) => line.includes("-->"))) found.push({ line: start + 1 });
    start = index + 1;
  }
  return found;
}

