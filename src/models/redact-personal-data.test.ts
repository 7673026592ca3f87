import { describe, expect, it } from "vitest";
import { passesLuhn, Redactor } from "./redact-personal-data.js";

describe("Redactor", () => {
  it("replaces emails, phones, cards and account numbers with placeholders and restores them", () => {
    const session = new Redactor().session();
    const text =
      "Mail dana.okafor@brightpath.example or call +1 (555) 014-2233 / 555-014-2299. Card 4111 1111 1111 1111, account number 00123456789, IBAN GB82 WEST 1234 5698 7654 32.";
    const redacted = session.redact(text);
    expect(redacted).not.toMatch(/dana|555|4111|00123456789|GB82/);
    expect(redacted).toContain("[EMAIL_1]");
    expect(redacted).toContain("[PHONE_1]");
    expect(redacted).toContain("[CARD_1]");
    expect(redacted).toContain("[ACCOUNT_1]");
    expect(session.restore(redacted)).toBe(text);
  });

  it("keeps dates, times, percentages, ticket numbers and seat counts readable", () => {
    const text = "On 2026-05-14 at 00:23:41 we were at 112 of 120 seats, down 18%, ticket #4412, from 400 to 280.";
    expect(new Redactor().session().redact(text)).toBe(text);
  });

  it("gives one value one placeholder across the texts of a session", () => {
    const session = new Redactor().session();
    expect(session.redact("from sam@lumen.example")).toBe("from [EMAIL_1]");
    expect(session.redact("cc sam@lumen.example and jo@acme.example")).toBe("cc [EMAIL_1] and [EMAIL_2]");
    expect(session.restore("write to [EMAIL_2] and [EMAIL_9]")).toBe("write to jo@acme.example and [EMAIL_9]");
  });

  it("redacts configured patterns, and nothing when disabled", () => {
    const text = "Member KCU-88213 called from dana@acme.example.";
    expect(new Redactor({ extraPatterns: ["KCU-\\d+"] }).session().redact(text)).toBe("Member [REDACTED_1] called from [EMAIL_1].");
    expect(new Redactor({ enabled: false }).session().redact(text)).toBe(text);
  });

  it("checks card numbers with Luhn", () => {
    expect(passesLuhn("4111111111111111")).toBe(true);
    expect(passesLuhn("4111111111111112")).toBe(false);
  });
});
