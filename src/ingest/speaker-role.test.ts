import { describe, expect, it } from "vitest";
import { resolveSpeakerRole, type RoleDirectory } from "./speaker-role.js";

const directory: RoleDirectory = {
  vendorEmailDomains: ["lumen.example"],
  participants: [
    { name: "Priya Raman", role: "vendor" },
    { name: "Dana Okafor", email: "dana@brightpath.example", role: "customer" },
    { name: "Chris Contractor", email: "chris@agency.example", role: "vendor" },
  ],
  unmatchedSpeakerRole: "unknown",
};

describe("resolveSpeakerRole", () => {
  it("uses the role stated on the record first", () => {
    expect(resolveSpeakerRole({ name: "Priya Raman", role: "customer" }, directory)).toBe("customer");
  });

  it("uses the explicit participant list by email, then by name, ignoring case", () => {
    expect(resolveSpeakerRole({ email: "CHRIS@agency.example" }, directory)).toBe("vendor");
    expect(resolveSpeakerRole({ name: "priya raman" }, directory)).toBe("vendor");
    expect(resolveSpeakerRole({ name: "Dana Okafor" }, directory)).toBe("customer");
  });

  it("falls back to the email domain: vendor domains and their subdomains are vendor, others customer", () => {
    expect(resolveSpeakerRole({ email: "sam@lumen.example" }, directory)).toBe("vendor");
    expect(resolveSpeakerRole({ email: "sam@support.lumen.example" }, directory)).toBe("vendor");
    expect(resolveSpeakerRole({ email: "sam@notlumen.example" }, directory)).toBe("customer");
  });

  it("gives strangers without an email the profile's default", () => {
    expect(resolveSpeakerRole({ name: "Someone" }, directory)).toBe("unknown");
    expect(resolveSpeakerRole({ name: "Someone" }, { ...directory, unmatchedSpeakerRole: "customer" })).toBe("customer");
  });
});
