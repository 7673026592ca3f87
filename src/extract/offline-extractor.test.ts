import { describe, expect, it } from "vitest";
import { ticketDocument } from "../ingest/canonical-document.js";
import type { RoleDirectory } from "../ingest/speaker-role.js";
import { ticketSchema } from "../ingest/ticket-schema.js";
import { SIGNALS } from "../taxonomy/signals.js";
import { extractDocuments } from "./extract-documents.js";
import { OfflineExtractor, offlineCueHash, sentenceCandidates } from "./offline-extractor.js";

const directory: RoleDirectory = { vendorEmailDomains: ["lumen.example"], participants: [], unmatchedSpeakerRole: "unknown" };

function signalsIn(text: string, speakerRole: "customer" | "vendor" | "unknown" = "customer"): string[] {
  return sentenceCandidates({ text, speakerRole }).map((candidate) => candidate.signalId);
}

/** A ticket whose comments are written by the given roles, in order. */
function ticket(comments: Array<[role: "customer" | "vendor", body: string]>) {
  return ticketDocument(
    ticketSchema.parse({
      id: "77",
      account_id: "acme",
      subject: "Seats",
      status: "open",
      created_at: "2026-06-02T14:10:00Z",
      comments: comments.map(([role, body], index) => ({
        id: String(index + 1),
        created_at: "2026-06-02T14:10:00Z",
        author: role === "customer" ? { name: "Dana Okafor", email: "dana@acme.example" } : { name: "Sam Ortiz", email: "sam@lumen.example" },
        body,
      })),
    }),
    directory,
    "tickets/acme.json",
  );
}

describe("OfflineExtractor", () => {
  it("finds the signal a customer states", () => {
    expect(signalsIn("We're going to need more seats once the second site opens.")).toContain("seat_pressure");
    expect(signalsIn("Late deliveries are down 18% since the dispatch dashboards went live.")).toEqual(["measurable_outcome"]);
    expect(signalsIn("How do other utilities use it for their regulatory filings?")).toEqual(["peer_usage_question"]);
  });

  it("does not count negated statements", () => {
    expect(signalsIn("We don't need more seats right now, about half of them are unused.")).toEqual([]);
    expect(signalsIn("Nobody outside ops has asked about it.")).toEqual([]);
    expect(signalsIn("We're not looking at any other tools, we just need this one working.")).toEqual([]);
    // A negation in another clause does not cancel the cue.
    expect(signalsIn("I don't know why, but we're going to need more seats.")).toContain("seat_pressure");
  });

  it("does not count hypotheticals", () => {
    expect(signalsIn("If we ever doubled the team we'd need more licences.")).toEqual([]);
    expect(signalsIn("Maybe someday marketing would use it, if we ever get there.")).toEqual([]);
    expect(signalsIn("If it works we might show the other studio.")).toEqual([]);
  });

  it("never reads vendor speech, and skips pitches and questions to the listener from unknown speakers", () => {
    expect(signalsIn("We ran out of seats last week.", "vendor")).toEqual([]);
    expect(signalsIn("You could always add a few more seats before renewal.", "unknown")).toEqual([]);
    expect(signalsIn("Your active users dipped a bit this month, anything we should know?", "unknown")).toEqual([]);
    expect(signalsIn("We ran out of seats last week.", "unknown")).toEqual(["seat_pressure"]);
  });

  it("does not report a resolved past issue as an open risk", () => {
    expect(signalsIn("The setup dragged in spring but everyone's been live since June.")).toEqual([]);
    expect(signalsIn("Logins dipped over the holidays but they're back to normal.")).toEqual([]);
    expect(signalsIn("Three of my managers can't find their dashboard after the menu change.")).toEqual(["adoption_friction"]);
  });

  it("fires on no negative example of the taxonomy", () => {
    for (const signal of SIGNALS) {
      for (const example of signal.negativeExamples) {
        // Vendor look-alikes are said by the vendor; the rest by the customer.
        const role = /vendor/i.test(example.why) ? "vendor" : "customer";
        expect(signalsIn(example.text, role), `${signal.id}: ${example.text}`).not.toContain(signal.id);
      }
    }
  });

  it("recognises most positive examples of the taxonomy", () => {
    const examples = SIGNALS.flatMap((signal) => signal.positiveExamples.map((text) => ({ id: signal.id, text })));
    const found = examples.filter((example) => signalsIn(example.text).includes(example.id));
    expect(found.length / examples.length).toBeGreaterThanOrEqual(0.8);
  });

  it("quotes the customer's sentence verbatim and never the vendor's, through the citation check", async () => {
    const document = ticket([
      ["vendor", "You should think about more seats. Most teams your size add twenty."],
      ["customer", "Thanks. Honestly, we ran out of seats in May and two leads share a login now. Budget isn't the issue."],
    ]);
    const outcome = await extractDocuments([document], new OfflineExtractor());
    expect(outcome.rejected).toEqual([]);
    expect(outcome.evidence.map((item) => [item.signalId, item.quote, item.speaker, item.speakerRole])).toEqual([
      ["seat_pressure", "Honestly, we ran out of seats in May and two leads share a login now.", "Dana Okafor", "customer"],
    ]);
    const [item] = outcome.evidence;
    expect(document.fullText.slice(item?.quoteStart, item?.quoteEnd)).toBe(item?.quote);
    expect(item?.commentRef).toBe("2");
  });

  it("has a stable content hash of its cues", () => {
    expect(offlineCueHash()).toMatch(/^[0-9a-f]{16}$/);
    expect(new OfflineExtractor().promptHash).toBe(offlineCueHash());
  });
});
