import type { InputProblem } from "../../errors.js";
import { formatCallOffset, type TranscriptTurn } from "../transcript-schema.js";
import { readCaptionCues } from "./caption-cues.js";
import { blankTurnSpeaker, blankTurnWarning, splitSpeaker, type TranscriptFormat } from "./transcript-format.js";

/** SRT has no speaker markup; the convention is cue text that starts with `Name: `. */
export const srtFormat: TranscriptFormat = {
  extension: "srt",
  description: "SRT, cue text starting with 'Name: '",
  async parse(text, file) {
    const { cues, problems } = await readCaptionCues(text, "srt", file);
    const turns: TranscriptTurn[] = [];
    const warnings: InputProblem[] = [];
    for (const cue of cues) {
      const named = splitSpeaker(cue.text.replace(/<[^>]*>/g, ""));
      const blank = named === undefined ? blankTurnSpeaker(cue.text.replace(/<[^>]*>/g, "")) : undefined;
      if (blank !== undefined) {
        warnings.push(blankTurnWarning(file, `cue at ${formatCallOffset(cue.start)}`, blank));
      } else if (named === undefined) {
        problems.push({ file, record: `cue at ${formatCallOffset(cue.start)}`, field: "speaker", reason: "cue text does not start with 'Name: '" });
      } else {
        turns.push({ speaker: named.speaker, start: cue.start, text: named.text });
      }
    }
    return { turns, problems, warnings };
  },
};
