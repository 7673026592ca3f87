import { describe, expect, it } from "vitest";
import { SIGNAL_CUES } from "./signal-cues.js";
import { SIGNAL_IDS } from "./signals.js";

describe("signal cue registry", () => {
  it("declares cues for exactly the taxonomy's signals", () => {
    expect(Object.keys(SIGNAL_CUES).sort()).toEqual([...SIGNAL_IDS].sort());
    for (const id of SIGNAL_IDS) expect(SIGNAL_CUES[id].cues.length, id).toBeGreaterThan(0);
  });

  it("writes every pattern in lower case without flags, because sentences are folded before matching", () => {
    for (const [id, entry] of Object.entries(SIGNAL_CUES)) {
      for (const pattern of [...entry.cues.map((cue) => cue.pattern), ...("exclusions" in entry ? entry.exclusions : [])]) {
        expect(pattern.flags, `${id}: ${pattern.source}`).toBe("");
        expect(pattern.source.replace(/\\[A-Za-z]/g, ""), `${id}: ${pattern.source}`).toBe(pattern.source.replace(/\\[A-Za-z]/g, "").toLowerCase());
      }
    }
  });
});
