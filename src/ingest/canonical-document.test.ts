import { describe, expect, it } from "vitest";
import { callDocument, ticketDocument } from "./canonical-document.js";
import type { RoleDirectory } from "./speaker-role.js";
import { createTicket } from "../../test/support/factories.js";

const directory: RoleDirectory = {
  vendorEmailDomains: ["lumen.example"],
  participants: [{ name: "Priya Raman", role: "vendor" }],
  unmatchedSpeakerRole: "unknown",
};

const ticket = createTicket("1001", ["We ran out of seats.", "You could add some."]);

describe("ticketDocument", () => {
  it("keeps each comment's exact words at its segment offsets, with roles from the directory", () => {
    const document = ticketDocument(ticket, directory, "tickets/acme.json");
    expect(document.sourceRef).toBe("tickets/acme.json#1001");
    expect(document.segments.map((segment) => document.fullText.slice(segment.start, segment.end))).toEqual([
      "We ran out of seats.",
      "You could add some.",
    ]);
    expect(document.segments.map((segment) => [segment.commentRef, segment.speakerRole])).toEqual([
      ["1", "customer"],
      ["2", "vendor"],
    ]);
    expect(document.fullText).toContain("[comment 2] Sam (vendor), 2026-06-02T15:00:00Z:\nYou could add some.");
  });

  it("changes its hash when a role changes, not otherwise", () => {
    const first = ticketDocument(ticket, directory, "t.json");
    expect(ticketDocument(ticket, directory, "t.json").contentHash).toBe(first.contentHash);
    const renamed = ticketDocument(ticket, { ...directory, vendorEmailDomains: ["other.example"] }, "t.json");
    expect(renamed.contentHash).not.toBe(first.contentHash);
  });
});

describe("callDocument", () => {
  it("writes one timestamped line per turn and points segments at the spoken words", () => {
    const document = callDocument(
      {
        file: "calls/acme/2026-05-14-review.vtt",
        accountId: "acme",
        format: "vtt",
        date: "2026-05-14",
        participants: [],
        title: "Review",
        turns: [
          { speaker: "Priya Raman", start: 5, text: "Shall we start?" },
          { speaker: "Dana", start: 1421, text: "We need forty more seats." },
        ],
      },
      directory,
      "calls/acme/2026-05-14-review.vtt",
    );
    expect(document.fullText).toBe("[00:00:05] Priya Raman: Shall we start?\n[00:23:41] Dana: We need forty more seats.\n");
    const second = document.segments[1];
    expect(second && document.fullText.slice(second.start, second.end)).toBe("We need forty more seats.");
    expect(document.segments.map((segment) => segment.speakerRole)).toEqual(["vendor", "unknown"]);
    expect(second?.callOffsetSeconds).toBe(1421);
  });
});
