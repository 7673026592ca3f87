import { describe, expect, it } from "vitest";
import { callDocument, ticketDocument } from "../ingest/canonical-document.js";
import type { RoleDirectory } from "../ingest/speaker-role.js";
import { chunkDocument } from "../index/chunk-document.js";
import { createTicket } from "../../test/support/factories.js";
import { extractionChunksOf } from "./extraction-chunks.js";
import type { CandidateEvidence } from "./extractor.js";
import { foldText, verifyCandidates } from "./verify-citations.js";

const directory: RoleDirectory = {
  vendorEmailDomains: ["lumen.example"],
  participants: [
    { name: "Dana", role: "customer" },
    { name: "Priya", role: "vendor" },
  ],
  unmatchedSpeakerRole: "unknown",
};

const call = callDocument(
  {
    file: "c.vtt",
    accountId: "acme",
    format: "vtt",
    date: "2026-05-14",
    title: "Check-in",
    turns: [
      { speaker: "Priya", start: 10, text: "You could always add a few more seats before renewal." },
      { speaker: "Dana", start: 83, text: "Honestly we\u2019re at 112 of our 120 seats, and people share logins on nights." },
    ],
  },
  directory,
  "calls/acme/2026-05-14-check-in.vtt",
);
const [chunk] = extractionChunksOf(call, chunkDocument(call));
if (chunk === undefined) throw new Error("the call should make one chunk");

const candidate = (quote: string, signalId = "seat_pressure"): CandidateEvidence => ({ signalId: signalId as CandidateEvidence["signalId"], quote, confidence: 0.9 });

describe("verifyCandidates", () => {
  it("accepts an exact quote with document offsets and the speaker who said it", () => {
    const { accepted, rejected } = verifyCandidates(chunk, [candidate("people share logins on nights")]);
    expect(rejected).toEqual([]);
    const [evidence] = accepted;
    expect(evidence).toMatchObject({ alignment: "exact", speaker: "Dana", speakerRole: "customer", callOffsetSeconds: 83 });
    expect(call.fullText.slice(evidence?.quoteStart, evidence?.quoteEnd)).toBe("people share logins on nights");
  });

  it("accepts a quote that differs only in case, quote marks and spacing, and stores the source's own words", () => {
    const { accepted } = verifyCandidates(chunk, [candidate('"honestly  WE\'RE at 112 of our 120 seats"')]);
    expect(accepted[0]?.alignment).toBe("normalised");
    expect(accepted[0]?.quote).toBe("Honestly we\u2019re at 112 of our 120 seats");
    expect(call.fullText.slice(accepted[0]?.quoteStart, accepted[0]?.quoteEnd)).toBe(accepted[0]?.quote);
  });

  it("attributes vendor words to the vendor", () => {
    const { accepted } = verifyCandidates(chunk, [candidate("add a few more seats before renewal")]);
    expect(accepted[0]).toMatchObject({ speaker: "Priya", speakerRole: "vendor" });
  });

  it("rejects invented, paraphrased, cross-speaker, label-including, too short and unknown-signal quotes", () => {
    const { accepted, rejected } = verifyCandidates(chunk, [
      candidate("we need 40 more seats next quarter"),
      candidate("before renewal.\n[00:01:23] Dana: Honestly"),
      candidate("[00:01:23] Dana: Honestly we're at 112"),
      candidate("120 seats"),
      candidate("people share logins on nights", "wants_discount"),
    ]);
    expect(accepted).toEqual([]);
    expect(rejected.map((item) => item.reason)).toEqual(["quote_not_found", "spans_speakers", "outside_speech", "too_short", "unknown_signal"]);
  });

  it("keeps the same signal on the same span once", () => {
    const { accepted } = verifyCandidates(chunk, [candidate("people share logins on nights"), candidate("People share logins on nights")]);
    expect(accepted).toHaveLength(1);
  });

  it("rejects quotes from a quoted earlier message or a signature, whatever extractor made them", () => {
    const body = "Thanks, that works.\n> I'll send a quote for forty more seats today.\nOperations Director | Acme Freight";
    const ticket = ticketDocument(createTicket("4413", [body]), directory, "tickets/acme.json");
    const [ticketChunk] = extractionChunksOf(ticket, chunkDocument(ticket));
    if (ticketChunk === undefined) throw new Error("expected a chunk");
    const { accepted, rejected } = verifyCandidates(ticketChunk, [candidate("I'll send a quote for forty more seats today."), candidate("Operations Director | Acme Freight", "executive_alignment")]);
    expect(accepted).toEqual([]);
    expect(rejected.map((item) => item.reason)).toEqual(["mail_furniture", "mail_furniture"]);
  });

  it("finds a quote in a ticket comment and cites the comment", () => {
    const ticket = ticketDocument(createTicket("4412", ["We ran out of seats last week.", "You could add some."]), directory, "tickets/acme.json");
    const [ticketChunk] = extractionChunksOf(ticket, chunkDocument(ticket));
    if (ticketChunk === undefined) throw new Error("expected a chunk");
    const { accepted } = verifyCandidates(ticketChunk, [candidate("we ran out of seats")]);
    expect(accepted[0]).toMatchObject({ commentRef: "1", speakerRole: "customer", alignment: "normalised" });
  });
});

describe("foldText", () => {
  it("maps every folded character back to where it came from", () => {
    const folded = foldText("  We\u2019re   AT\n112 ");
    expect(folded.text).toBe("we're at 112");
    expect(folded.origins[0]).toBe(2);
    expect(folded.origins.at(-1)).toBe(15);
  });
});
