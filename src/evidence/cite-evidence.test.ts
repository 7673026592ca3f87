import { describe, expect, it } from "vitest";
import type { QuotedEvidence } from "./evidence-record.js";
import { occurredAtOf, placeOf, toEvidenceFact } from "./cite-evidence.js";

const ticketText = "Ticket #1031: Seats (open)\n\n[comment 1] Luis Romero (customer), 2026-09-22T22:40:00Z:\nWe've used all 120 seats.\n\n[comment 3] Dana Okafor (customer), 2026-09-23T12:30:00Z:\nWe really are at 120 of 120.\n";

function ticketRow(quote: string): QuotedEvidence {
  const start = ticketText.indexOf(quote);
  return {
    id: "7",
    signalId: "seat_pressure",
    quote,
    quoteStart: start,
    quoteEnd: start + quote.length,
    speaker: "Dana Okafor",
    speakerRole: "customer",
    document: {
      sourceRef: "tickets/brightpath-logistics.json#1031",
      kind: "ticket",
      title: "Ticket #1031: Seats",
      occurredAt: "2026-09-22T22:40:00Z",
      fullText: ticketText,
      segments: [
        { start: ticketText.indexOf("We've"), end: ticketText.indexOf("We've") + 25, speaker: "Luis Romero", speakerRole: "customer", commentRef: "1" },
        { start: ticketText.indexOf("We really"), end: ticketText.indexOf("We really") + 28, speaker: "Dana Okafor", speakerRole: "customer", commentRef: "3" },
      ],
    },
  };
}

const callRow: QuotedEvidence = {
  id: "8",
  signalId: "org_growth",
  quote: "forty dispatchers",
  quoteStart: 20,
  quoteEnd: 37,
  speaker: "Dana Okafor",
  speakerRole: "customer",
  document: {
    sourceRef: "calls/brightpath-logistics/2026-08-12-monthly-check-in.vtt",
    kind: "call",
    title: "monthly check in",
    occurredAt: "2026-08-12T00:00:00Z",
    fullText: "[00:04:12] Dana Okafor: We're hiring about forty dispatchers\n",
    segments: [{ start: 24, end: 60, speaker: "Dana Okafor", speakerRole: "customer", callOffsetSeconds: 252 }],
  },
};

describe("citing a stored evidence row", () => {
  it("a ticket quote: the comment's own time and number", () => {
    const row = ticketRow("We really are at 120 of 120.");
    expect(placeOf(row)).toBe("ticket #1031 comment 3");
    expect(occurredAtOf(row)).toBe("2026-09-23T12:30:00.000Z");
  });

  it("a call quote: the call's date plus the turn's offset", () => {
    expect(placeOf({ ...callRow, quoteStart: 30 })).toBe("call 2026-08-12 00:04:12");
    expect(occurredAtOf({ ...callRow, quoteStart: 30 })).toBe("2026-08-12T00:04:12.000Z");
  });

  it("falls back to the document when the quote sits in no segment, and drops rows with unknown signals", () => {
    const outside = { ...callRow, quoteStart: 0 };
    expect(placeOf(outside)).toBe("call 2026-08-12");
    expect(occurredAtOf(outside)).toBe("2026-08-12T00:00:00Z");
    expect(toEvidenceFact({ ...callRow, signalId: "retired_signal" })).toBeUndefined();
    expect(toEvidenceFact({ ...callRow, quoteStart: 30 })).toMatchObject({ id: "8", signalId: "org_growth", place: "call 2026-08-12 00:04:12" });
  });
});
