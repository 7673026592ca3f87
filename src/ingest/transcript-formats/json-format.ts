import { InputError } from "../../errors.js";
import { jsonTranscriptTurns, transcriptJsonSchema } from "../transcript-schema.js";
import { validateRecord } from "../validate-records.js";
import type { TranscriptFormat } from "./transcript-format.js";

/** JSON with participants and turns (see data/README.md); metadata valid as a whole, turns one by one. */
export const jsonFormat: TranscriptFormat = {
  extension: "json",
  description: "JSON with participants and turns",
  async parse(text, file) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new InputError([{ file, reason: `invalid JSON: ${(error as Error).message}` }], { cause: error });
    }
    const result = validateRecord(transcriptJsonSchema, value, { file, record: "transcript" });
    if (!result.success) return { turns: [], problems: result.problems };
    return jsonTranscriptTurns(result.data.turns, file);
  },
};
