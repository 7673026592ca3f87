import { describe, expect, it } from "vitest";
import type { CanonicalDocument } from "../ingest/canonical-document.js";
import { SIGNALS } from "../taxonomy/signals.js";
import { extractDocuments } from "./extract-documents.js";
import { OfflineExtractor, offlineCueHash, sentenceCandidates } from "./offline-extractor.js";
import { ticketWith } from "../../test/support/factories.js";

function signalsIn(text: string, speakerRole: "customer" | "vendor" | "unknown" = "customer"): string[] {
  return sentenceCandidates({ text, speakerRole }).map((candidate) => candidate.signalId);
}

// The cue families' logic, without the trained classifier (retraining must not move these).
async function signalsOfDocument(document: CanonicalDocument): Promise<string[]> {
  return (await extractDocuments([document], new OfflineExtractor({ classifier: false }))).evidence.map((item) => item.signalId);
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

  it("keeps vendor speech with the vendor's role, never as the customer's, and skips pitches and questions to the listener", async () => {
    const { evidence } = await extractDocuments(
      [ticketWith("1", [["vendor", "From our side, logins are falling on the night shift. You could always add a few more seats."]])],
      new OfflineExtractor(),
    );
    expect(evidence.map((item) => [item.signalId, item.speakerRole])).toEqual([["shallow_adoption", "vendor"]]);
    expect(signalsIn("You could always add a few more seats before renewal.", "vendor")).toEqual([]);
    expect(signalsIn("You could always add a few more seats before renewal.", "unknown")).toEqual([]);
    expect(signalsIn("Your active users dipped a bit this month, anything we should know?", "unknown")).toEqual([]);
    expect(signalsIn("We ran out of seats last week.", "unknown")).toEqual(["seat_pressure"]);
  });

  it("does not report a resolved past issue as an open risk", () => {
    expect(signalsIn("The setup dragged in spring but everyone's been live since June.")).toEqual([]);
    expect(signalsIn("Logins dipped over the holidays but they're back to normal.")).toEqual([]);
    expect(signalsIn("Three of my managers can't find their dashboard after the menu change.")).toEqual(["adoption_friction"]);
  });

  it("does not count a worry that did not come true, unless the sentence says it did", () => {
    expect(signalsIn("We were a bit worried this would turn into another upsell call.")).toEqual([]);
    expect(signalsIn("I was worried it'd be a hard sell, and it was.")).toEqual(["upsell_pushback"]);
    expect(signalsIn("I was hoping for a working session, not another pricing conversation, and I'm tired of the upsell.")).toContain("upsell_pushback");
  });

  it("reads only results as outcomes: not a business downturn, not another tool's result, not a comparison", () => {
    expect(signalsIn("Bookings were down twelve percent in March at the ski lodges.")).toEqual([]);
    expect(signalsIn("Our payroll system saves finance about ten hours a month.")).toEqual([]);
    expect(signalsIn("Since the new rota went live, it's been under three percent.")).toEqual(["measurable_outcome"]);
    expect(signalsIn("Against nine percent last year, that's a big improvement.")).toEqual(["measurable_outcome"]);
    expect(signalsIn("The weekly payroll file now lands by Monday noon instead of Wednesday.")).toEqual(["measurable_outcome"]);
    expect(signalsIn("Before, it took the two of us most of a Friday.")).toEqual(["measurable_outcome"]);
    expect(signalsIn("The projection was better than what we got out of the old spreadsheet model.")).not.toContain("value_unproven");
  });

  it("hears a champion who runs office hours or volunteers a pilot", () => {
    expect(signalsIn("I started hosting drop-ins for the shift leads every Monday.")).toEqual(["champion_engaged"]);
    expect(signalsIn("Riverside can be the pilot site for the new layout.")).toEqual(["champion_engaged"]);
  });

  it("calls a workaround for what the current plan already does an enablement gap, from the sentences around it", async () => {
    const gap = ticketWith("77", [
      ["customer", "Right now I copy the totals into a spreadsheet by hand every Friday. Sam said we can do exports like that on our plan, but I can't find the button."],
    ]);
    expect(await signalsOfDocument(gap)).toEqual(["adoption_friction", "adoption_friction"]);

    const upgrade = ticketWith("77", [["customer", "Right now I copy the totals into a spreadsheet by hand every Friday. Can a higher plan do that for us?"]]);
    expect(await signalsOfDocument(upgrade)).toEqual(["tier_workaround", "higher_tier_interest"]);

    // Negated, it says the opposite: the plan does not do it.
    const notIncluded = ticketWith("77", [["customer", "Right now I copy the totals into a spreadsheet by hand every Friday. That isn't included in our plan."]]);
    expect(await signalsOfDocument(notIncluded)).toEqual(["tier_workaround"]);
  });

  it("fires on no negative example of the taxonomy", () => {
    for (const signal of SIGNALS) {
      for (const example of signal.negativeExamples) {
        // Vendor look-alikes are said by the vendor (kept with the vendor's role, so never customer-side);
        // the rest by the customer.
        if (/vendor/i.test(example.why)) continue;
        expect(signalsIn(example.text, "customer"), `${signal.id}: ${example.text}`).not.toContain(signal.id);
      }
    }
  });

  it("recognises most positive examples of the taxonomy", () => {
    const examples = SIGNALS.flatMap((signal) => signal.positiveExamples.map((text) => ({ id: signal.id, text })));
    const found = examples.filter((example) => signalsIn(example.text).includes(example.id));
    expect(found.length / examples.length).toBeGreaterThanOrEqual(0.8);
  });

  it("quotes the customer's sentence verbatim and never the vendor's, through the citation check", async () => {
    const document = ticketWith("77", [
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
    expect(new OfflineExtractor({ classifier: false }).promptHash).toBe(offlineCueHash());
    // The trained classifier's weights are part of what the extractor is.
    expect(new OfflineExtractor().promptHash).not.toBe(offlineCueHash());
  });
});
