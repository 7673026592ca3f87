import { describe, expect, it } from "vitest";
import { callFileName, formatCallOffset, transcriptJsonSchema, transcriptTurnSchema } from "./transcript-schema.js";

describe("call offsets", () => {
  it("reads hh:mm:ss, mm:ss, fractions and plain seconds", () => {
    expect(transcriptTurnSchema.parse({ speaker: "A", start: "00:23:41", text: "x" }).start).toBe(1421);
    expect(transcriptTurnSchema.parse({ speaker: "A", start: "23:41", text: "x" }).start).toBe(1421);
    expect(transcriptTurnSchema.parse({ speaker: "A", start: "00:00:05,500", text: "x" }).start).toBe(5.5);
    expect(transcriptTurnSchema.parse({ speaker: "A", start: 12, text: "x" }).start).toBe(12);
  });

  it("refuses a malformed time and names the field", () => {
    const result = transcriptTurnSchema.safeParse({ speaker: "A", start: "1h23", text: "x" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["start"]);
  });

  it("formats seconds back for citations", () => {
    expect(formatCallOffset(1421.7)).toBe("00:23:41");
  });
});

describe("JSON transcripts", () => {
  it("need an account, a title, a start and at least one turn", () => {
    const result = transcriptJsonSchema.safeParse({ account_id: "acme", title: "Kick-off", started_at: "2026-05-14", turns: [] });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual(["turns"]);
  });
});

describe("callFileName", () => {
  it("takes the date and a readable title from the file name", () => {
    expect(callFileName("2026-05-14-quarterly-review.vtt")).toEqual({ date: "2026-05-14", title: "Quarterly review" });
  });

  it("returns undefined when the name has no valid date", () => {
    expect(callFileName("quarterly-review.vtt")).toBeUndefined();
    expect(callFileName("2026-13-40-review.vtt")).toBeUndefined();
  });
});
