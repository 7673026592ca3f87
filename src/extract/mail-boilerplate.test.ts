import { describe, expect, it } from "vitest";
import { isInMailFurniture, isMailBoilerplate, mailFurnitureSpans } from "./mail-boilerplate.js";

describe("isMailBoilerplate", () => {
  it.each([
    "> From: Odile Brandt <odile.brandt@quillmoor.example>",
    "From: Odile Brandt <odile.brandt@quillmoor.example>",
    "Subject: RE: overtime export",
    "On Tue, 4 Nov 2026 at 09:12, Teodor Vance wrote:",
    "-----Original Message-----",
    "Head of Estates | Quillmoor Housing Association",
    "Chief Operating Officer, Halden & Pryce",
    "Ferrow Cold Storage Ltd",
    "Regional Lead (North), Ashby Veterinary Partners",
    "m: +44 7700 900123",
  ])("treats %j as mail furniture", (line) => {
    expect(isMailBoilerplate(line)).toBe(true);
  });

  it.each([
    "We pay Tillwise about four hundred a month for the purchase side.",
    "- Overtime disputes: nine this quarter, down from thirty-one.",
    "thanks again, the night team can finally see their rota",
    "Finance froze all new software spend until April",
    "Can the Yardley team get logins too?",
  ])("keeps %j as something somebody said", (line) => {
    expect(isMailBoilerplate(line)).toBe(false);
  });
});

describe("mailFurnitureSpans", () => {
  it("marks the thread quoted back, but not a colleague's note forwarded under its From: header", () => {
    const reply = "Thanks, that works.\n> I'll raise the quote for forty more seats today.\nHead of Estates | Quillmoor";
    expect(mailFurnitureSpans(reply).map(([from, to]) => reply.slice(from, to))).toEqual(["> I'll raise the quote for forty more seats today.", "Head of Estates | Quillmoor"]);
    const forwarded = "Passing this on.\n> From: Omar Reyes <omar.reyes@quillmoor.example>\n> The lettings team keeps asking when they can have logins too.";
    expect(mailFurnitureSpans(forwarded).map(([from, to]) => forwarded.slice(from, to))).toEqual(["> From: Omar Reyes <omar.reyes@quillmoor.example>"]);
    const quote = "The lettings team keeps asking";
    expect(isInMailFurniture(forwarded, forwarded.indexOf(quote), forwarded.indexOf(quote) + quote.length)).toBe(false);
    expect(isInMailFurniture(reply, reply.indexOf("I'll raise"), reply.indexOf("today.") + 6)).toBe(true);
  });
});
