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
    expect(parsed.problems).toEqual([expect.objectContaining({ file: "call.vtt", record: "cue at 00:00:01", field: "speaker" })]);
  });
});

describe("malformed cues", () => {
  const webvtt = [
    "WEBVTT",
    "",
    "00:00:03.000 --> 00:00:09.500",
    "<v Priya Raman>Shall we start with the recall work?</v>",
    "",
    "00:00:10.200 --> 00:00:2x.000",
    "<v Grace Whitfield>Broken end time.</v>",
    "",
    "00:00:34.500 00:00:40.000",
    "<v Priya Raman>No arrow.</v>",
    "",
    "00:00:41.000 --> 00:00:58.000",
    "<v Tom Okoro>Eastside wants in.</v>",
  ].join("\n");

  it("WebVTT: reports each bad cue by line and field and keeps the cues around it", async () => {
    const parsed = await format("vtt").parse(webvtt, "review.vtt");
    expect(parsed.turns.map((turn) => turn.speaker)).toEqual(["Priya Raman", "Tom Okoro"]);
    expect(parsed.problems).toEqual([
      expect.objectContaining({ file: "review.vtt", line: 6, field: "timing", reason: expect.stringMatching(/00:00:2x\.000/) }),
      expect.objectContaining({ file: "review.vtt", line: 9, field: "timing", reason: expect.stringMatching(/no "start --> end" timing line/) }),
    ]);
  });

  it("SRT: reports a cue with a bad timestamp by line and keeps the next one", async () => {
    const parsed = await format("srt").parse(
      ["1", "00:00:02,000 --> 00:00:07,000", "Priya Raman: Renewal is in February.", "", "2", "00:00:0x,000 --> 00:00:12,000", "Grace Whitfield: Broken start.", "", "3", "00:00:12,500 --> 00:00:24,000", "Grace Whitfield: Budget is fine."].join("\n"),
      "renewal.srt",
    );
    expect(parsed.turns.map((turn) => turn.text)).toEqual(["Renewal is in February.", "Budget is fine."]);
    expect(parsed.problems).toEqual([expect.objectContaining({ file: "renewal.srt", line: 6, field: "timing" })]);
  });

  it("plain text: a bracketed but invalid timestamp is a problem, not a continuation of the previous turn", async () => {
    const parsed = await format("txt").parse(
      "[00:00:05] Marcus Lee: Morning Grace.\n[00:7:15] Grace Whitfield: Malformed.\n[00:75:00] Grace Whitfield: Minutes out of range.\n[00:01:02] Marcus Lee: Great.\n",
      "check-in.txt",
    );
    expect(parsed.turns).toEqual([
      { speaker: "Marcus Lee", start: 5, text: "Morning Grace." },
      { speaker: "Marcus Lee", start: 62, text: "Great." },
    ]);
    expect(parsed.problems).toEqual([
      expect.objectContaining({ line: 2, field: "timestamp", reason: expect.stringMatching(/\[00:7:15\]/) }),
      expect.objectContaining({ line: 3, field: "timestamp" }),
    ]);
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
  it("skips a bad turn, naming it and its field, and keeps the rest of the call", async () => {
    const parsed = await format("json").parse(
      JSON.stringify({
        account_id: "acme",
        title: "Kick-off",
        started_at: "2026-09-01",
        turns: [
          { speaker: "A", start: "soon", text: "hi" },
          { speaker: "", start: 4, text: "Mm-hmm." },
          { speaker: "Bea", start: 9, text: "We need the night shift on it too." },
        ],
      }),
      "call.json",
    );
    expect(parsed.turns).toEqual([{ speaker: "Bea", start: 9, text: "We need the night shift on it too." }]);
    expect(parsed.problems).toEqual([
      expect.objectContaining({ record: "turn 1", field: "start" }),
      expect.objectContaining({ record: "turn 2", field: "speaker", reason: expect.stringMatching(/this turn was skipped/) }),
    ]);
  });

  it("refuses a transcript whose metadata is wrong, naming the field", async () => {
    const parsed = await format("json").parse(JSON.stringify({ account_id: "acme", title: "", started_at: "2026-09-01", turns: [{ speaker: "A", start: 1, text: "hi" }] }), "call.json");
    expect(parsed.turns).toEqual([]);
    expect(parsed.problems).toEqual([expect.objectContaining({ record: "transcript", field: "title" })]);
  });

  it("refuses text that is not JSON", async () => {
    await expect(format("json").parse("{ nope", "call.json")).rejects.toBeInstanceOf(InputError);
  });
});

describe("blank turns", () => {
  it("are skipped with a warning in every format, and the rest of the call is kept", async () => {
    const vtt = await format("vtt").parse(
      ["WEBVTT", "", "00:00:01.000 --> 00:00:02.000", "<v Dana></v>", "", "00:00:03.000 --> 00:00:04.000", "<v Dana>We need seats.</v>", ""].join("\n"),
      "call.vtt",
    );
    const srt = await format("srt").parse(["1", "00:00:01,000 --> 00:00:02,000", "Dana:", "", "2", "00:00:03,000 --> 00:00:04,000", "Dana: We need seats.", ""].join("\n"), "call.srt");
    const text = await format("txt").parse("[00:00:01] Dana:\n[00:00:03] Dana: We need seats.\n", "call.txt");
    const json = await format("json").parse(
      JSON.stringify({
        account_id: "acme",
        title: "Call",
        started_at: "2026-05-14",
        turns: [
          { speaker: "Dana", start: 1, text: "  " },
          { speaker: "Dana", start: 3, text: "We need seats." },
        ],
      }),
      "call.json",
    );
    for (const parsed of [vtt, srt, text, json]) {
      expect(parsed.problems).toEqual([]);
      expect(parsed.turns.map((turn) => turn.text)).toEqual(["We need seats."]);
      expect(parsed.warnings).toHaveLength(1);
      expect(parsed.warnings?.[0]?.reason).toMatch(/Dana says nothing in this turn; it was skipped/);
    }
  });
});
