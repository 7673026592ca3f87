import { describe, expect, it } from "vitest";
import { ticketWith } from "../../test/support/factories.js";
import { callDocument } from "../ingest/canonical-document.js";
import type { VendorProfile } from "../ingest/vendor-profile.js";
import { extractDocuments } from "./extract-documents.js";
import { OfflineExtractor, sentenceCandidates } from "./offline-extractor.js";
import { assertedPart, foldSentence } from "./speech-context.js";

/**
 * Failure classes the development sets showed (other vendors, other ways of writing: spoken calls,
 * help-desk e-mail, board meetings, second-language English, chat). Every sentence here was written for
 * this test about a fictional vendor, "Quarry", selling a kitchen-compliance product; none comes from a
 * gold or development set. The cues alone are asked (no classifier), so a retrained classifier cannot
 * move these results.
 */
const vendor: VendorProfile = {
  product: "Quarry",
  vendor: "Quarry Works",
  vendor_email_domains: ["quarry.example"],
  unmatched_speaker_role: "unknown",
  tiers: [
    { id: "kitchen", name: "Kitchen", capabilities: ["temperature logs"] },
    { id: "group", name: "Group", capabilities: ["multi-site dashboards"] },
  ],
  add_ons: [{ id: "labels", name: "Quarry Labels", capabilities: ["allergen labels"] }],
  participants: [],
};

const cuesOnly = { ownNames: new Set(["quarry", "quarry works", "kitchen", "group", "quarry labels", "labels", "works"]) };
const signalsIn = (text: string, speakerRole: "customer" | "vendor" = "customer") => sentenceCandidates({ text, speakerRole }, [], cuesOnly).map((candidate) => candidate.signalId);

describe("reading styles nobody tuned on", () => {
  it("never takes mail furniture for evidence: quoted replies, headers, signatures", async () => {
    const body = [
      "Thanks Mo, that sorted it.",
      "> I'll raise a quote for thirty more seats this afternoon.",
      "From: Ines Okoro <ines.okoro@bramwell.example>",
      "Head of Catering | Bramwell Care Homes",
    ].join("\n");
    const { evidence } = await extractDocuments([ticketWith("31", [["customer", body]])], new OfflineExtractor({ vendor, classifier: false }));
    expect(evidence).toEqual([]);
  });

  it("voids only the imagined clause: what is said as fact before it still counts", () => {
    const sentence = "We already pay for Fridgewise to log the walk-in temperatures, so, perhaps, if this could replace it one day.";
    expect(assertedPart(foldSentence(sentence))).toBe("we already pay for fridgewise to log the walk-in temperatures");
    expect(signalsIn(sentence)).toContain("adjacent_tool");
    // An imagined clause on its own is still nothing.
    expect(signalsIn("If we ever bought Fridgewise we would drop the paper logs.")).not.toContain("adjacent_tool");
  });

  it("finds a tool named after its price or after what it is, but not a place called by name", () => {
    expect(signalsIn("We pay approx. £210 a month for Fridgewise for eleven kitchens.")).toContain("adjacent_tool");
    expect(signalsIn("For the allergen sheets we use a separate program, Labelly, which nobody likes.")).toContain("adjacent_tool");
    expect(signalsIn("We use it for the Leeds kitchen team now.")).not.toContain("adjacent_tool");
  });

  it("reads chat that drops the subject as the writer's own doing", () => {
    expect(signalsIn("trained the breakfast crew at 7, lunch team is thurs")).toContain("champion_engaged");
    expect(signalsIn("doing the night porters next wk")).not.toContain("adjacent_tool");
  });

  it("reads engagement put in the plain present or shown by sitting with a team", () => {
    expect(signalsIn("I collect the questions from the head chefs and I send them to you before Friday.")).toContain("champion_engaged");
    expect(signalsIn("I personally sat with the pastry team for a whole morning to set up their checklists.")).toContain("champion_engaged");
    expect(signalsIn("In March I made trainings for all the sous chefs.")).toContain("champion_engaged");
  });

  it("reads the champion bringing people to the vendor and long promises with a date at the end", () => {
    expect(signalsIn("Wednesday works, and I'll bring Priti and two of the shift supervisors.")).toContain("champion_engaged");
    expect(signalsIn("Let me get our sous chef on a call with you next week.")).toContain("champion_engaged");
    expect(signalsIn("I'll put together the list of every dish that still has a paper allergen card in all four kitchens, and send it across before our review.")).toContain("champion_engaged");
  });

  it("reads outcomes set against earlier numbers, in one sentence or as the later half", async () => {
    expect(signalsIn("It was about 1,200 wasted portions in March and it's been under 500 since the summer.")).toContain("measurable_outcome");
    expect(signalsIn("Last week it averaged nine minutes.")).not.toContain("measurable_outcome");
    expect(signalsIn("Probe checks missed: 4 in October vs. 19 in the spring audit.")).toContain("measurable_outcome");
    expect(signalsIn("Closing checks took us forty minutes with the old system and now it is about twelve.")).toContain("measurable_outcome");
    const { evidence } = await extractDocuments(
      [ticketWith("32", [["customer", "In June we logged twenty-two late deliveries. In October that number was six."]])],
      new OfflineExtractor({ vendor, classifier: false }),
    );
    expect(evidence.filter((item) => item.signalId === "measurable_outcome").map((item) => item.quote)).toContain("In October that number was six.");
    // A second number with no earlier one is no before/after.
    expect(signalsIn("In October that number was six.")).not.toContain("measurable_outcome");
  });

  it("reads polite declines and frozen money said plainly", () => {
    expect(signalsIn("I'm not in a position to buy another add-on while two kitchens still use paper.")).toContain("upsell_pushback");
    expect(signalsIn("Could the proposals pause until the basics work?")).toContain("upsell_pushback");
    // Not yet, until something is proven, is a deferral, not a decline.
    expect(signalsIn("We're not adding seats until the pilot proves out.")).not.toContain("upsell_pushback");
    expect(signalsIn("All discretionary spend is frozen until the new financial year.")).toContain("budget_pressure");
    expect(signalsIn("The trust has cut our catering allocation by eight percent.")).toContain("budget_pressure");
    expect(signalsIn("The trust has cut our catering allocation by eight percent.")).not.toContain("measurable_outcome");
  });

  it("reads stalled rollouts, thin use and doubted value in plain words", () => {
    expect(signalsIn("The two Harrogate kitchens were supposed to go live in May and still haven't.")).toContain("onboarding_stalled");
    expect(signalsIn("The label printer is still in its box under my desk.")).toContain("onboarding_stalled");
    expect(signalsIn("Honestly it's mainly the head chefs who touch it.")).toContain("shallow_adoption");
    expect(signalsIn("The line cooks have stopped logging temperatures in it.")).toContain("shallow_adoption");
    expect(signalsIn("What have we actually got for the eight thousand a year?")).toContain("value_unproven");
  });

  it("reads seats nearly gone however they are counted, and a colleague on someone else's login", () => {
    expect(signalsIn("We've got 38 of our 40 kitchen logins in use.")).toContain("seat_pressure");
    expect(signalsIn("we're at 19/20 now and two new chefs start monday")).toContain("seat_pressure");
    expect(signalsIn("Two of the porters are logging in with the head chef's login to tick the checks.")).toContain("unlicensed_team_usage");
    expect(signalsIn("Two of the porters share the head chef's login.")).toContain("seat_pressure");
    expect(signalsIn("I log in with my own login every morning.")).not.toContain("unlicensed_team_usage");
  });

  it("takes a screenshot for a workaround only when it is how the work is done", () => {
    expect(signalsIn("Every evening I screenshot the fridge log and email it to the area manager.")).toContain("tier_workaround");
    expect(signalsIn("Please find the screenshot attached.")).not.toContain("tier_workaround");
    expect(signalsIn("Each Monday I copy the allergen matrix into the other kitchens, dish by dish.")).toContain("tier_workaround");
  });

  it("reads another team asking and results shown to colleagues, in plain words", () => {
    expect(signalsIn("My pastry team keeps asking when they get it.")).toContain("other_team_interest");
    expect(signalsIn("I showed the waste numbers to the other head chefs at our monthly meeting.")).toContain("internal_advocacy");
    expect(signalsIn("Our top priority for 2027 is one food-safety standard across every site.")).toContain("strategic_initiative");
    expect(signalsIn("We're opening the Whitby kitchen in April.")).toContain("org_growth");
  });

  it("in the customer's own meeting, counts a result only when the words around it credit the product", async () => {
    const meeting = (withVendor: boolean) =>
      callDocument(
        {
          file: "m.txt",
          accountId: "bramwell",
          format: "txt",
          date: "2026-10-02",
          title: "Operations committee",
          turns: [
            { speaker: "Chair", start: 0, text: "Item four, the safety report." },
            { speaker: "Ines", start: 10, text: "Slips in the kitchens were down from nine to three this quarter, mostly thanks to the new mats." },
            ...(withVendor ? [{ speaker: "Mo", start: 20, text: "That's good to hear." }] : []),
            { speaker: "Chair", start: 30, text: "Item five, the compliance checks." },
            { speaker: "Ines", start: 40, text: "Since we went live with Quarry, missed probe checks fell from twenty a month to two." },
          ],
        },
        { vendorEmailDomains: ["quarry.example"], participants: [{ name: "Chair", role: "customer" }, { name: "Ines", role: "customer" }, { name: "Mo", role: "vendor" }], unmatchedSpeakerRole: "unknown" },
        "calls/bramwell/committee.txt",
      );
    const outcomes = async (withVendor: boolean) =>
      (await extractDocuments([meeting(withVendor)], new OfflineExtractor({ vendor, classifier: false }))).evidence.filter((item) => item.signalId === "measurable_outcome").map((item) => item.quote);
    expect(await outcomes(false)).toEqual(["Since we went live with Quarry, missed probe checks fell from twenty a month to two."]);
    // With the vendor on the call, the talk is about the account's use of the product: both count.
    expect(await outcomes(true)).toHaveLength(2);
  });
});
