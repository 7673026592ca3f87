import { describe, expect, it } from "vitest";
import { callDocument, ticketDocument } from "../ingest/canonical-document.js";
import type { RoleDirectory } from "../ingest/speaker-role.js";
import { createTicket } from "../../test/support/factories.js";
import { chunkDocument, documentSpanOf, sentenceSpans } from "./chunk-document.js";

const directory: RoleDirectory = { vendorEmailDomains: ["lumen.example"], participants: [{ name: "Priya", role: "vendor" }, { name: "Dana", role: "customer" }], unmatchedSpeakerRole: "unknown" };

function call(turns: Array<[string, string]>) {
  return callDocument(
    {
      file: "c.vtt",
      accountId: "acme",
      format: "vtt",
      date: "2026-05-14",
      participants: [],
      title: "Call",
      turns: turns.map(([speaker, text], index) => ({ speaker, start: index * 10, text })),
    },
    directory,
    "calls/acme/c.vtt",
  );
}

const sentence = (n: number) => `Sentence number ${n} talks about seats and dashboards at some length.`;

describe("sentenceSpans", () => {
  it("finds sentence boundaries without swallowing the spaces between them", () => {
    const text = "We need seats. Do we? Yes! Fine";
    expect(sentenceSpans(text, 0, text.length).map(([start, end]) => text.slice(start, end))).toEqual(["We need seats.", "Do we?", "Yes!", "Fine"]);
  });
});

describe("chunkDocument", () => {
  it("merges short turns of a call up to the budget and keeps their roles honest", () => {
    const document = call([["Priya", "Shall we start?"], ["Dana", "Yes please."], ["Dana", "We need forty more seats."]]);
    const chunks = chunkDocument(document, { maxTokens: 256, overlapSentences: 1 });
    expect(chunks).toHaveLength(1);
    expect(chunks[0]).toMatchObject({ speakerRole: "unknown", callOffsetSeconds: 0 });
    expect(chunks[0]?.speaker).toBeUndefined();
    expect(chunks[0]?.text).toBe("Shall we start?\nYes please.\nWe need forty more seats.");
  });

  it("keeps speaker labels out of the text and as turns that point back at the document", () => {
    const document = call([["Priya", "Shall we start?"], ["Dana", "We need forty more seats."]]);
    const [chunk] = chunkDocument(document);
    expect(chunk?.text).not.toMatch(/\[\d\d:|Priya|Dana/);
    expect(chunk?.turns.map((turn) => [turn.speaker, turn.speakerRole, turn.callOffsetSeconds])).toEqual([
      ["Priya", "vendor", 0],
      ["Dana", "customer", 10],
    ]);
    for (const turn of chunk?.turns ?? []) {
      expect(chunk?.text.slice(turn.textStart, turn.textEnd)).toBe(document.fullText.slice(turn.documentStart, turn.documentEnd));
    }
    const at = chunk?.text.indexOf("forty") ?? -1;
    const span = chunk === undefined ? undefined : documentSpanOf(chunk, at, at + "forty more seats".length);
    expect(span?.turn.speaker).toBe("Dana");
    expect(document.fullText.slice(span?.start, span?.end)).toBe("forty more seats");
    expect(chunk === undefined ? "none" : documentSpanOf(chunk, 0, chunk.text.length)).toBeUndefined();
  });

  it("keeps one speaker's chunk attributed to that speaker", () => {
    const document = call([["Dana", "We need forty more seats."]]);
    expect(chunkDocument(document)[0]).toMatchObject({ speaker: "Dana", speakerRole: "customer" });
  });

  it("never splits inside a sentence, overlaps one sentence, and every offset slices to the chunk text", () => {
    const long = Array.from({ length: 12 }, (_, index) => sentence(index)).join(" ");
    const document = call([["Dana", long], ["Priya", "Thanks."]]);
    const chunks = chunkDocument(document, { maxTokens: 60, overlapSentences: 1 });
    expect(chunks.length).toBeGreaterThan(2);
    for (const chunk of chunks) {
      expect(document.fullText.slice(chunk.startOffset, chunk.endOffset)).toBe(chunk.text);
      expect(chunk.text.length).toBeLessThanOrEqual(60 * 4);
    }
    const danaChunks = chunks.filter((chunk) => chunk.speaker === "Dana");
    for (const chunk of danaChunks) {
      expect(chunk.text).toMatch(/^Sentence number \d+ .*length\.$/);
    }
    const lastOfFirst = danaChunks[0]?.text.split(". ").at(-1);
    expect(danaChunks[1]?.text.startsWith(lastOfFirst ?? "")).toBe(true);
    expect(chunks.at(-1)).toMatchObject({ speaker: "Priya", text: "Thanks." });
  });

  it("chunks tickets by comment with the comment reference", () => {
    const ticket = createTicket("9", ["We ran out of seats.", "Looking."]);
    const chunks = chunkDocument(ticketDocument(ticket, directory, "t.json"));
    expect(chunks.map((chunk) => [chunk.commentRef, chunk.speakerRole, chunk.text])).toEqual([
      ["1", "customer", "We ran out of seats."],
      ["2", "vendor", "Looking."],
    ]);
  });
});
