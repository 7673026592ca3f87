import { describe, expect, it } from "vitest";
import type { RoleDirectory } from "../ingest/speaker-role.js";
import { parseGoldCase } from "./load-gold.js";

const directory: RoleDirectory = {
  vendorEmailDomains: ["halyard.example"],
  participants: [{ name: "Maya Lindqvist", role: "vendor" }, { name: "Nora Vance", role: "customer" }],
  unmatchedSpeakerRole: "unknown",
};

function caseWith(labels: unknown[], hardNegatives: unknown[] = []) {
  return {
    id: "acme",
    account_id: "acme",
    description: "test",
    documents: [
      {
        id: "call-1",
        kind: "call",
        title: "Check-in",
        date: "2026-10-01",
        transcript: "[00:00:01] Maya Lindqvist: You could add more seats.\n[00:00:05] Nora Vance: We will need more seats in January. We will need more seats.",
      },
      { id: "42", kind: "ticket", subject: "Seats", status: "open", created_at: "2026-10-02T09:00:00Z", comments: [{ by: "Nora Vance <nora@acme.example>", body: "Our billing team borrows my login." }] },
    ],
    labels,
    hard_negatives: hardNegatives,
  };
}

describe("reading a gold case", () => {
  it("locates each quote in its document with the speaker and role", async () => {
    const parsed = await parseGoldCase(
      caseWith([{ signal: "unlicensed_team_usage", document: "42", quote: "Our billing team borrows my login.", speaker_role: "customer" }], [{ looks_like: "seat_pressure", document: "call-1", quote: "You could add more seats.", kind: "vendor_speech", why: "vendor" }]),
      "acme.yaml",
      directory,
    );
    if (!parsed.success) throw new Error(JSON.stringify(parsed.problems));
    const [label] = parsed.data.labels;
    const ticket = parsed.data.documents.find((document) => document.kind === "ticket");
    expect(ticket?.fullText.slice(label?.start, label?.end)).toBe("Our billing team borrows my login.");
    expect(label).toMatchObject({ speaker: "Nora Vance", speakerRole: "customer", sourceRef: "gold/acme/42#42" });
    expect(parsed.data.hardNegatives[0]).toMatchObject({ speaker: "Maya Lindqvist", kind: "vendor_speech" });
  });

  it("names the file, case and field of a quote that is missing, repeated or spoken by another role", async () => {
    const parsed = await parseGoldCase(
      caseWith([
        { signal: "seat_pressure", document: "call-1", quote: "We need seats", speaker_role: "customer" },
        { signal: "seat_pressure", document: "call-1", quote: "We will need more seats", speaker_role: "customer" },
        { signal: "seat_pressure", document: "call-1", quote: "You could add more seats", speaker_role: "customer" },
        { signal: "seat_pressure", document: "nope", quote: "x y z", speaker_role: "customer" },
      ]),
      "acme.yaml",
      directory,
    );
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(parsed.problems.map((problem) => [problem.file, problem.record, problem.field])).toEqual([
      ["acme.yaml", "acme", "labels.0.quote"],
      ["acme.yaml", "acme", "labels.1.quote"],
      ["acme.yaml", "acme", "labels.2.speaker_role"],
      ["acme.yaml", "acme", "labels.3.quote"],
    ]);
    expect(parsed.problems[0]?.reason).toMatch(/not found verbatim/);
    expect(parsed.problems[1]?.reason).toMatch(/occurs 2 times/);
    expect(parsed.problems[2]?.reason).toMatch(/resolves to vendor/);
  });

  it("rejects an unknown signal id through the schema", async () => {
    const parsed = await parseGoldCase(caseWith([{ signal: "seat_presure", document: "42", quote: "Our billing team", speaker_role: "customer" }]), "acme.yaml", directory);
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(parsed.problems[0]?.field).toBe("labels.0.signal");
  });
});
