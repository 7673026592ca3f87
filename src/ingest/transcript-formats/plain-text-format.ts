import type { InputProblem } from "../../errors.js";
import { parseCallOffset, type TranscriptTurn } from "../transcript-schema.js";
import { blankTurnSpeaker, blankTurnWarning, splitSpeaker, type TranscriptFormat } from "./transcript-format.js";

const TIMESTAMPED_LINE = /^\[(\d{1,2}:[0-5]\d(?::[0-5]\d)?)\]\s*(.*)$/;
// Anything in brackets at the start of a line was meant as a timestamp, even when it is not a valid one.
const BRACKETED_START = /^\[([^\]]{1,20})\]/;

/** One turn per line, `[hh:mm:ss] Name: text`; a line without a timestamp continues the previous turn. */
export const plainTextFormat: TranscriptFormat = {
  extension: "txt",
  description: "plain text, '[hh:mm:ss] Name: text' per line",
  async parse(text, file) {
    const turns: TranscriptTurn[] = [];
    const problems: InputProblem[] = [];
    const warnings: InputProblem[] = [];
    const lines = text.split(/\r?\n/);
    for (const [index, raw] of lines.entries()) {
      const line = raw.trim();
      if (line === "") continue;
      const stamped = TIMESTAMPED_LINE.exec(line);
      const bracketed = BRACKETED_START.exec(line);
      if (stamped === null && bracketed !== null) {
        // Not a continuation of the previous turn: a turn whose timestamp is wrong.
        problems.push({ file, line: index + 1, field: "timestamp", reason: `invalid timestamp "[${bracketed[1]}]": expected [hh:mm:ss] or [mm:ss]` });
        continue;
      }
      if (stamped === null) {
        const previous = turns.at(-1);
        if (previous === undefined) problems.push({ file, line: index + 1, field: "timestamp", reason: "expected '[hh:mm:ss] Name: text'" });
        else turns[turns.length - 1] = { ...previous, text: `${previous.text} ${line}` };
        continue;
      }
      const named = splitSpeaker(stamped[2] ?? "");
      const blank = named === undefined ? blankTurnSpeaker(stamped[2] ?? "") : undefined;
      if (blank !== undefined) {
        warnings.push(blankTurnWarning(file, `line ${index + 1}`, blank));
        continue;
      }
      if (named === undefined) {
        problems.push({ file, line: index + 1, field: "speaker", reason: "expected 'Name: text' after the timestamp" });
        continue;
      }
      turns.push({ speaker: named.speaker, start: parseCallOffset(stamped[1] ?? "0"), text: named.text });
    }
    return { turns, problems, warnings };
  },
};
