import { describe, expect, it } from "vitest";
import { isMailBoilerplate } from "./mail-boilerplate.js";

describe("isMailBoilerplate", () => {
  it.each([
    "> Thanks Priya, I'll raise the quote for forty more seats this afternoon.",
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
