import { jsonFormat } from "./json-format.js";
import { plainTextFormat } from "./plain-text-format.js";
import { srtFormat } from "./srt-format.js";
import type { TranscriptFormat } from "./transcript-format.js";
import { webvttFormat } from "./webvtt-format.js";

export type { ParsedTranscript, TranscriptFormat } from "./transcript-format.js";

/** Every transcript format, by file extension. A new format adds itself here. */
export const TRANSCRIPT_FORMATS: ReadonlyMap<string, TranscriptFormat> = new Map(
  [webvttFormat, srtFormat, plainTextFormat, jsonFormat].map((format) => [format.extension, format]),
);
