import type { InputProblem } from "../../errors.js";
import { formatCallOffset, type TranscriptTurn } from "../transcript-schema.js";
import { readCaptionCues } from "./caption-cues.js";
import { blankTurnSpeaker, blankTurnWarning, splitSpeaker, type TranscriptFormat } from "./transcript-format.js";

const VOICE_TAG = /^<v(?:\.[\w.-]+)?\s+([^>]+)>/;
const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&nbsp;": " ", "&lrm;": "", "&rlm;": "" };

/** Cue text without markup: voice, class and style tags go, entities are decoded. */
function plainCueText(text: string): string {
  return text
    .replace(/<[^>]*>/g, "")
    .replace(/&(amp|lt|gt|nbsp|lrm|rlm);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/\s+/g, " ")
    .trim();
}

/** WebVTT: the speaker comes from the `<v Name>` voice tag, or a `Name:` prefix when there is none. */
export const webvttFormat: TranscriptFormat = {
  extension: "vtt",
  description: "WebVTT with <v Speaker> voice tags",
  async parse(text, file) {
    const { cues, problems } = await readCaptionCues(text, "vtt", file);
    const turns: TranscriptTurn[] = [];
    const warnings: InputProblem[] = [];
    for (const cue of cues) {
      const voice = VOICE_TAG.exec(cue.text.trim())?.[1]?.trim();
      const spoken = plainCueText(cue.text);
      const named = voice === undefined ? splitSpeaker(spoken) : { speaker: voice, text: spoken };
      const blank = named === undefined ? blankTurnSpeaker(spoken) : named.text === "" ? named.speaker : undefined;
      if (blank !== undefined) {
        warnings.push(blankTurnWarning(file, `cue at ${formatCallOffset(cue.start)}`, blank));
      } else if (named === undefined) {
        problems.push({ file, record: `cue at ${formatCallOffset(cue.start)}`, field: "speaker", reason: "no <v Speaker> tag and no 'Name:' prefix" });
      } else if (named.text !== "") {
        turns.push({ speaker: named.speaker, start: cue.start, text: named.text });
      }
    }
    return { turns, problems, warnings };
  },
};
