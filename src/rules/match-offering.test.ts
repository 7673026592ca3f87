import { beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../../test/support/factories.js";
import { loadVendorProfile, type VendorProfile } from "../ingest/vendor-profile.js";
import { matchOffering, stem } from "./match-offering.js";

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
});
