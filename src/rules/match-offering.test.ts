import { beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../../test/support/factories.js";
import { loadVendorProfile, type VendorProfile } from "../ingest/vendor-profile.js";
import { labelOfferings, matchOffering, stem } from "./match-offering.js";
import type { EvidenceFact } from "./readiness-contract.js";

let profile: VendorProfile;
beforeAll(async () => {
  profile = await loadVendorProfile(new URL("../../data/demo/vendor.json", import.meta.url).pathname);
});

const business = createAccount({ id: "cedarline-health", tier: "business" });

describe("matchOffering (demo vendor profile: Team < Business < Enterprise; Forecast, Embed, Alerts)", () => {
  it("stems so that forms of one word meet", () => {
    expect(stem("forecasting")).toBe(stem("forecast"));
    expect(stem("sources")).toBe(stem("source"));
    expect(stem("planning")).toBe(stem("planned"));
  });

  it("an ask for forecasting and scenario planning is the Forecast add-on: cross-sell", () => {
    const quote =
      "can Lumen do any forecasting itself, or scenario planning, like projecting visits forward by clinic and asking what happens if we change opening hours?";
    expect(matchOffering(quote, profile, business)).toEqual({
      kind: "add_on",
      id: "forecast",
      name: "Lumen Forecast",
      relation: "add_on",
      matched: ["Lumen Forecast", "scenario planning"],
    });
  });

  it("an ask for row-level security from a Business account is the Enterprise tier", () => {
    const match = matchOffering("Could each clinic manager get row-level security so they only see their own site?", profile, business);
    expect(match).toMatchObject({ kind: "tier", id: "enterprise", relation: "higher_tier", matched: ["row-level security"] });
  });

  it("an ask for what the plan already has is an enablement gap", () => {
    const match = matchOffering("How do I get scheduled reports to go out on Thursdays?", profile, business);
    expect(match).toMatchObject({ id: "business", relation: "current_plan" });
    const kestrel = createAccount({ id: "kestrel-credit-union", tier: "enterprise", add_ons: ["alerts"] });
    expect(matchOffering("Can we get anomaly detection on the fraud queue?", profile, kestrel)).toMatchObject({ id: "alerts", relation: "owned_add_on" });
  });

  it("a tier's name counts only as '<name> tier' or '<name> plan': 'team' is an everyday word", () => {
    expect(matchOffering("Our team keeps asking for a way to see this.", profile, business)).toBeUndefined();
    expect(matchOffering("What does the Enterprise tier add for us?", profile, business)).toMatchObject({ id: "enterprise", relation: "higher_tier" });
  });

  it("one-word capabilities and ties match nothing, so the rules count both types", () => {
    expect(matchOffering("We copy the dashboards into slides every week.", profile, business)).toBeUndefined();
    expect(matchOffering("We want an audit log and scenario planning.", profile, business)).toBeUndefined();
  });

  it("a quote that names nothing takes the one offering the customer names in the same document, and only then", () => {
    const fact = (id: string, signalId: EvidenceFact["signalId"], sourceRef: string, quote: string, speakerRole: EvidenceFact["speakerRole"] = "customer"): EvidenceFact => ({
      id, signalId, sourceRef, quote, speakerRole, speaker: "Malik Haddad", occurredAt: "2026-09-09",
    });
    const labelled = labelOfferings(
      [
        fact("1", "tier_workaround", "calls/a.vtt", "Every month an analyst uploads the volumes into the other tool by hand."),
        fact("2", "higher_tier_interest", "calls/a.vtt", "Can Lumen do the forecasting piece itself?"),
        fact("3", "tier_workaround", "calls/b.vtt", "We rebuild it all in spreadsheets."),
        fact("4", "tier_workaround", "calls/c.vtt", "We paste it into slides by hand."),
        fact("5", "higher_tier_interest", "calls/c.vtt", "We want an audit log."),
        fact("6", "higher_tier_interest", "calls/c.vtt", "And scenario planning would help."),
        fact("7", "tier_workaround", "calls/d.vtt", "We retype it every week."),
        fact("8", "higher_tier_interest", "calls/d.vtt", "You could get scenario planning with Forecast.", "vendor"),
      ],
      profile,
      business,
    );
    const offeringOf = (id: string) => labelled.find((item) => item.id === id)?.offering;
    expect(offeringOf("1")).toMatchObject({ id: "forecast", relation: "add_on", inferredFrom: "2" });
    expect(offeringOf("2")?.inferredFrom).toBeUndefined();
    // Nothing named in its document, two different offerings named, or only the vendor naming one: no label.
    expect(offeringOf("3")).toBeUndefined();
    expect(offeringOf("4")).toBeUndefined();
    expect(offeringOf("7")).toBeUndefined();
  });
});

describe("issue 16, class 8: offerings are matched as names and phrases, not common words", () => {
  const parts = {
    product: "Tessera",
    vendor: "Tessera Labs",
    vendor_email_domains: ["tessera.example"],
    unmatched_speaker_role: "unknown" as const,
    tiers: [{ id: "core", name: "Core", capabilities: ["work orders"] }],
    add_ons: [{ id: "parts", name: "Tessera Parts", capabilities: ["spare parts inventory", "supplier reorders"] }],
    participants: [],
  };
  const core = createAccount({ id: "harbour", tier: "core" });

  it("a common word that shares a stem with an add-on's name matches nothing", () => {
    expect(matchOffering("Honestly the boring part is copying the list by hand.", parts, core)).toBeUndefined();
    expect(matchOffering("We reorder from the supplier when stock runs low.", parts, core)).toBeUndefined();
  });

  it("the add-on's full name, its name written as a name, or a capability as a phrase does", () => {
    expect(matchOffering("Could Tessera Parts handle this for us?", parts, core)).toMatchObject({ id: "parts", relation: "add_on" });
    expect(matchOffering("Is that something Parts does?", parts, core)).toMatchObject({ id: "parts" });
    expect(matchOffering("We track the spare parts inventory in a notebook.", parts, core)).toMatchObject({ id: "parts", matched: ["spare parts inventory"] });
  });
});
