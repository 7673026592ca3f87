import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { saveAccounts } from "../src/db/account-store.js";
import { replaceDocument } from "../src/db/document-store.js";
import { listDisputedEvidence } from "../src/db/evidence-label-store.js";
import { exportDisputes } from "../src/evals/export-disputes.js";
import { disputeEvidence } from "../src/hypotheses/review-hypothesis.js";
import { parseGoldCase } from "../src/evals/load-gold.js";
import { callDocument, ticketDocument, type CanonicalDocument } from "../src/ingest/canonical-document.js";
import type { RoleDirectory } from "../src/ingest/speaker-role.js";
import { loadVendorProfile, roleDirectoryOf } from "../src/ingest/vendor-profile.js";
import { startPgliteEngine, type TestEngine } from "./support/engines.js";
import { createAccount, createTicket } from "./support/factories.js";

const production: RoleDirectory = { vendorEmailDomains: ["lumen.example"], participants: [], unmatchedSpeakerRole: "unknown" };

const ticket = ticketDocument(
  createTicket("9001", [
    "We're fine for now.\nHonestly the seats question can wait until spring.",
    "You could add twenty seats before renewal, most teams your size do.",
    "We're fine for now.",
  ]),
  production,
  "tickets/acme.json",
);
const call = callDocument(
  {
    file: "calls/acme/2026-10-01-check-in.txt",
    accountId: "acme",
    format: "txt",
    date: "2026-10-01",
    title: "Check in",
    turns: [
      { speaker: "Sam Ortiz", start: 4, text: "Would marketing want logins too?" },
      { speaker: "Dana Okafor", start: 9, text: "If we ever grow marketing, maybe, but not this year." },
    ],
  },
  { ...production, participants: [{ name: "Sam Ortiz", role: "vendor" }, { name: "Dana Okafor", role: "customer" }] },
  "calls/acme/2026-10-01-check-in.txt",
);

let engine: TestEngine;
let directory: RoleDirectory;

async function store(document: CanonicalDocument): Promise<number> {
  return engine.database.transaction((transaction) => replaceDocument(transaction, { ...document, chunks: [] }));
}

/** Stores an evidence row; a disputed one goes through the reviewers' `evidence dispute` path. Returns its id. */
async function addEvidence(documentId: number, document: CanonicalDocument, quote: string, signalId: string, status: "active" | "disputed"): Promise<string> {
  const start = document.fullText.indexOf(quote);
  const segment = document.segments.find((item) => item.start <= start && item.end >= start + quote.length);
  const [row] = await engine.database.query<{ id: string }>(
    `insert into evidence (account_id, document_id, signal_id, quote, quote_start, quote_end, alignment, speaker, speaker_role,
                           extractor_provider, extractor_model)
     values ('acme', $1, $2, $3, $4, $5, 'exact', $6, $7, 'offline', 'cue-patterns') returning id::text as id`,
    [documentId, signalId, quote, start, start + quote.length, segment?.speaker ?? null, segment?.speakerRole ?? "unknown"],
  );
  const id = row?.id ?? "";
  if (status === "disputed") await disputeEvidence(engine.database, id, { reviewer: "Maya", comment: `not ${signalId}` });
  return id;
}

beforeAll(async () => {
  engine = await startPgliteEngine();
  directory = roleDirectoryOf(await loadVendorProfile("evals/gold/vendor.json"));
  await engine.database.transaction((transaction) => saveAccounts(transaction, [createAccount({ id: "acme" })], "accounts.json"));
  const ticketId = await store(ticket);
  const callId = await store(call);
  await addEvidence(ticketId, ticket, "the seats question can wait until spring", "seat_pressure", "disputed");
  await addEvidence(ticketId, ticket, "You could add twenty seats before renewal", "seat_pressure", "active");
  await addEvidence(ticketId, ticket, "We're fine for now.", "champion_engaged", "disputed");
  await addEvidence(callId, call, "If we ever grow marketing, maybe", "org_growth", "disputed");
});
afterAll(() => engine.stop());

describe("evidence eval export-disputes", () => {
  it("lists only disputed rows, with their documents", async () => {
    const disputes = await listDisputedEvidence(engine.database);
    expect(disputes.map((item) => item.quote).sort()).toEqual(["If we ever grow marketing, maybe", "We're fine for now.", "the seats question can wait until spring"]);
    expect(disputes.find((item) => item.documentKind === "call")?.fullText).toBe(call.fullText);
    expect(disputes.every((item) => item.reviewer === "Maya")).toBe(true);
    expect(await listDisputedEvidence(engine.database, "someone-else")).toEqual([]);
  });

  it("keeps a dispute whose evidence row is gone (re-indexing a document drops its rows, not the label)", async () => {
    const [row] = await engine.database.query<{ id: string }>("select id::text as id from evidence where quote = 'If we ever grow marketing, maybe'");
    await engine.database.query("delete from evidence where id = $1", [row?.id]);
    const disputes = await listDisputedEvidence(engine.database);
    expect(disputes.find((item) => item.quote === "If we ever grow marketing, maybe")).toMatchObject({ signalId: "org_growth", comment: "not org_growth", documentKind: "call" });
  });

  it("writes a gold case of hard negatives that the gold loader reads back at the same words", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), "disputes-"));
    const exported = await exportDisputes(await listDisputedEvidence(engine.database), folder, directory);
    expect(exported.files).toEqual([path.join(folder, "disputed-acme.yaml")]);
    expect(exported.negatives).toBe(2);
    // The repeated quote cannot be pinned to one place in the gold format: skipped, with the reason.
    expect(exported.skipped).toHaveLength(1);
    expect(exported.skipped[0]?.reason).toMatch(/occurs 2 times/);

    const raw = parseYaml(await readFile(path.join(folder, "disputed-acme.yaml"), "utf8"));
    const parsed = await parseGoldCase(raw, "disputed-acme.yaml", directory);
    if (!parsed.success) throw new Error(JSON.stringify(parsed.problems));
    const goldCase = parsed.data;
    expect(goldCase.negativesOnly).toBe(true);
    expect(goldCase.labels).toEqual([]);
    expect(goldCase.hardNegatives.map((negative) => [negative.looksLike, negative.kind, negative.quote])).toEqual([
      ["org_growth", "disputed", "If we ever grow marketing, maybe"],
      ["seat_pressure", "disputed", "the seats question can wait until spring"],
    ]);
    for (const negative of goldCase.hardNegatives) {
      const document = goldCase.documents.find((item) => item.sourceRef === negative.sourceRef);
      expect(document?.fullText.slice(negative.start, negative.end)).toBe(negative.quote);
      // The customer who said it is still the customer, so a customer-side prediction there is scored.
      const segment = document?.segments.find((item) => item.start <= negative.start && item.end >= negative.end);
      expect(segment?.speakerRole).toBe("customer");
    }
    // The rebuilt ticket keeps its comments, authors and line breaks.
    const rebuilt = goldCase.documents.find((item) => item.kind === "ticket");
    expect(rebuilt?.segments.map((segment) => [segment.speaker, segment.speakerRole])).toEqual([
      ["Dana", "customer"],
      ["Sam", "vendor"],
      ["Dana", "customer"],
    ]);
    expect(rebuilt?.fullText).toContain("We're fine for now.\nHonestly the seats question");
  });
});
