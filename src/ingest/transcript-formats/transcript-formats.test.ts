import { describe, expect, it } from "vitest";
import { InputError } from "../../errors.js";
import { TRANSCRIPT_FORMATS } from "./index.js";

function format(extension: string) {
  const found = TRANSCRIPT_FORMATS.get(extension);
  if (found === undefined) throw new Error(`no format ${extension}`);
  return found;
}

describe("WebVTT", () => {
  it("takes speakers from voice tags and strips markup and entities", async () => {
    const parsed = await format("vtt").parse(
      [
        "WEBVTT",
        "",
        "NOTE recorded on the quarterly call",
        "",
        "00:23:41.000 --> 00:23:58.000",
        "<v Dana Okafor>We'll need <b>forty</b> more seats &amp; a second workspace.</v>",
        "",
        "00:23:58.500 --> 00:24:03.000",
        "<v.vendor Priya Raman>Got it.",
        "Let me write that down.",
        "",
      ].join("\n"),
      "call.vtt",
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.turns).toEqual([
      { speaker: "Dana Okafor", start: 1421, text: "We'll need forty more seats & a second workspace." },
      { speaker: "Priya Raman", start: 1438.5, text: "Got it. Let me write that down." },
    ]);
  });

  it("reports a cue without a speaker by its number and keeps the rest", async () => {
    const parsed = await format("vtt").parse(
      ["WEBVTT", "", "00:00:01.000 --> 00:00:02.000", "[music]", "", "00:00:03.000 --> 00:00:04.000", "Dana Okafor: Hello."].join("\n"),
      "call.vtt",
    );
    expect(parsed.turns).toEqual([{ speaker: "Dana Okafor", start: 3, text: "Hello." }]);
    expect(parsed.problems).toEqual([expect.objectContaining({ file: "call.vtt", record: "cue 1", field: "speaker" })]);
  });
});

describe("SRT", () => {
  it("reads numbered cues whose text starts with the speaker", async () => {
    const parsed = await format("srt").parse(
      ["1", "00:00:04,000 --> 00:00:10,953", "Priya Raman: Hi everyone,", "good afternoon.", "", "2", "00:00:12,487 --> 00:00:18,538", "Ray Castellano: Hi, yes, that's me."].join("\n"),
      "call.srt",
    );
    expect(parsed.turns).toEqual([
      { speaker: "Priya Raman", start: 4, text: "Hi everyone, good afternoon." },
      { speaker: "Ray Castellano", start: 12.487, text: "Hi, yes, that's me." },
    ]);
  });
});

describe("plain text", () => {
  it("reads '[hh:mm:ss] Name: text' lines and joins continuation lines", async () => {
    const parsed = await format("txt").parse(
      "[00:00:05] Owen Whitaker: Morning all.\nStill here.\n\n[01:02] Farah Siddiqui: Hi Owen.\n",
      "call.txt",
    );
    expect(parsed.turns).toEqual([
      { speaker: "Owen Whitaker", start: 5, text: "Morning all. Still here." },
      { speaker: "Farah Siddiqui", start: 62, text: "Hi Owen." },
    ]);
  });

  it("names the line of anything it cannot read", async () => {
    const parsed = await format("txt").parse("no timestamp here\n[00:00:09] just words without a speaker\n", "call.txt");
    expect(parsed.turns).toEqual([]);
    expect(parsed.problems.map((problem) => problem.line)).toEqual([1, 2]);
  });
});

describe("JSON", () => {
  it("validates the whole transcript and names the bad field", async () => {
    const parsed = await format("json").parse(
      JSON.stringify({ account_id: "acme", title: "Kick-off", started_at: "2026-09-01", turns: [{ speaker: "A", start: "soon", text: "hi" }] }),
      "call.json",
    );
    expect(parsed.turns).toEqual([]);
    expect(parsed.problems).toEqual([expect.objectContaining({ field: "turns.0.start" })]);
  });

  it("refuses text that is not JSON", async () => {
    await expect(format("json").parse("{ nope", "call.json")).rejects.toBeInstanceOf(InputError);
  });
});
