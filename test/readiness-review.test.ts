import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveAccounts } from "../src/db/account-store.js";
import * as auditHistory from "../src/db/audit-history-store.js";
import { listAuditEvents } from "../src/db/audit-history-store.js";
import * as auditStore from "../src/db/audit-store.js";
import { appendAuditEvent } from "../src/db/audit-store.js";
import { listEvidenceLabels } from "../src/db/evidence-label-store.js";
import { findHypothesis, listHypotheses } from "../src/db/hypothesis-store.js";
import { saveUsage } from "../src/db/usage-store.js";
import { ConfigError, ConflictError, NotFoundError } from "../src/errors.js";
import { assessAccount } from "../src/hypotheses/assess-account.js";
import { recordReadiness } from "../src/hypotheses/record-readiness.js";
import { renderReadiness } from "../src/hypotheses/render-readiness.js";
import { approveHypothesis, disputeEvidence, rejectHypothesis } from "../src/hypotheses/review-hypothesis.js";
import { loadRules, parseRules } from "../src/rules/load-rules.js";
import { readFile } from "node:fs/promises";
import { DEFAULT_RULES_FILE } from "../src/rules/load-rules.js";
import { createAccount } from "./support/factories.js";
import { insertEvidence, storeCall, storeTicket } from "./support/evidence-factory.js";
import { describeEachEngine, startPgliteEngine, type TestEngine } from "./support/engines.js";

const AS_OF = "2026-11-23";

describe("readiness, hypotheses and review on PGlite", () => {
  let engine: TestEngine;
  const ids: Record<string, string> = {};
  let ticketRef: string;
  let callRef: string;

  beforeAll(async () => {
    engine = await startPgliteEngine();
    const database = engine.database;
    await database.transaction(async (transaction) => {
      await saveAccounts(transaction, [createAccount({ id: "acme", name: "Acme Freight", health: "green", health_trend: "up", licensed_seats: 100 })], "accounts.json");
      await saveAccounts(transaction, [createAccount({ id: "quiet", name: "Quiet Co", health: "yellow", health_trend: "flat" })], "accounts.json");
      await saveUsage(transaction, [{ account_id: "acme", date: "2026-10-31", metric: "active_users", value: 60 }], "usage.csv");
    });
    ticketRef = await storeTicket(database, {
      accountId: "acme",
      id: "4412",
      createdAt: "2026-09-01T10:00:00Z",
      comments: [
        { speaker: "Sam Ortiz", role: "vendor", text: "Most teams your size add seats before peak season." },
        { speaker: "Dana Okafor", role: "customer", at: "2026-09-03T08:15:00Z", text: "Our warehouse team keeps asking when they can get into the dashboards." },
        { speaker: "Dana Okafor", role: "customer", at: "2026-11-02T09:00:00Z", text: "Late deliveries are down 18% since the dashboards went live." },
      ],
    });
    callRef = await storeCall(database, {
      accountId: "acme",
      date: "2026-10-20",
      title: "Quarterly review",
      turns: [
        { speaker: "Priya Raman", role: "vendor", offsetSeconds: 5, text: "Thanks for joining, everyone." },
        { speaker: "Luis Romero", role: "customer", offsetSeconds: 1421, text: "The warehouse leads asked me for logins again this week." },
        { speaker: "Dana Okafor", role: "customer", offsetSeconds: 1500, text: "I ran two training sessions for the night shift last week." },
      ],
    });
    ids.pushFromVendor = await insertEvidence(database, { sourceRef: ticketRef, signalId: "seat_pressure", quote: "Most teams your size add seats before peak season." });
    ids.teamTicket = await insertEvidence(database, { sourceRef: ticketRef, signalId: "other_team_interest", quote: "Our warehouse team keeps asking when they can get into the dashboards." });
    ids.outcome = await insertEvidence(database, { sourceRef: ticketRef, signalId: "measurable_outcome", quote: "Late deliveries are down 18% since the dashboards went live." });
    ids.teamCall = await insertEvidence(database, { sourceRef: callRef, signalId: "other_team_interest", quote: "The warehouse leads asked me for logins again this week." });
    ids.champion = await insertEvidence(database, { sourceRef: callRef, signalId: "champion_engaged", quote: "I ran two training sessions for the night shift last week." });
  });

  afterAll(async () => {
    await engine?.stop();
  });

  it("assesses an account from the database: places and times come from the documents", async () => {
    const assessment = await assessAccount(engine.database, "acme", { asOf: AS_OF });
    expect(assessment.result.verdict).toBe("ready");
    expect(assessment.result.expansionTypes.map((support) => support.type)).toEqual(["new_department"]);
    const byId = new Map(assessment.input.evidence.map((fact) => [fact.id, fact]));
    expect(byId.get(ids.teamTicket ?? "")).toMatchObject({ place: "ticket #4412 comment 2", occurredAt: "2026-09-03T08:15:00.000Z", speaker: "Dana Okafor" });
    expect(byId.get(ids.teamCall ?? "")).toMatchObject({ place: "call 2026-10-20 00:23:41", occurredAt: "2026-10-20T00:23:41.000Z", speaker: "Luis Romero" });
    expect(assessment.notCustomerSide).toBe(1);
    const text = renderReadiness(assessment);
    expect(text).toContain("Verdict: READY for an expansion conversation: new_department");
    expect(text).toContain(`#${ids.teamCall} other_team_interest: Luis Romero (customer), call 2026-10-20 00:23:41`);
    expect(text).toContain('"Late deliveries are down 18% since the dashboards went live."');
    expect(text).toContain("1 evidence row said by the vendor or unknown speakers did not count");
  });

  it("refuses an account it does not know", async () => {
    await expect(assessAccount(engine.database, "nobody", { asOf: AS_OF })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("stores the result and a draft per supported expansion type, each section citing evidence, with audit events", async () => {
    const recorded = await recordReadiness(engine.database, await assessAccount(engine.database, "acme", { asOf: AS_OF }), { actor: "cli" });
    expect(recorded.hypotheses).toEqual([{ id: expect.any(String), expansionType: "new_department", status: "draft", change: "drafted" }]);
    const hypothesis = await findHypothesis(engine.database, recorded.hypotheses[0]?.id ?? "");
    expect(hypothesis).toMatchObject({ status: "draft", verdict: "ready", assessmentId: recorded.assessmentId, asOf: AS_OF });
    expect(hypothesis?.evidenceIds).toEqual([ids.teamTicket, ids.outcome, ids.teamCall, ids.champion].sort((a, b) => Number(a) - Number(b)));
    const content = hypothesis?.content as Record<string, { text: string; evidenceIds: string[] }>;
    expect(content.provenValue?.evidenceIds).toEqual([ids.outcome]);
    expect(content.provenValue?.text).toContain("Late deliveries are down 18%");
    expect(content.accountLearning?.evidenceIds).toEqual([ids.teamTicket, ids.teamCall]);
    expect(content.nextCustomerAction?.text).toContain("introduces the head of the other team");
    expect(content.stakeholderPull?.text).toContain("Luis Romero (other_team_interest)");
    const events = await listAuditEvents(engine.database);
    expect(events.map((event) => event.action)).toEqual(["readiness.assessed", "hypothesis.drafted"]);
    expect(events[0]?.details).toMatchObject({ verdict: "ready", assessmentId: recorded.assessmentId });
  });

  it("a second run with nothing new changes nothing and drafts nothing", async () => {
    const before = await listHypotheses(engine.database, { accountId: "acme" });
    const recorded = await recordReadiness(engine.database, await assessAccount(engine.database, "acme", { asOf: AS_OF }), { actor: "cli" });
    expect(recorded.hypotheses.map((item) => item.change)).toEqual(["unchanged"]);
    expect(await listHypotheses(engine.database, { accountId: "acme" })).toEqual(before);
  });

  it("approves a ready draft, recording who, what, the verdict and the evidence set", async () => {
    const [draft] = await listHypotheses(engine.database, { accountId: "acme", status: "draft" });
    const approved = await approveHypothesis(engine.database, draft?.id ?? "", { reviewer: "Maya (CSM lead)", comment: "Intro to the warehouse lead next week" });
    expect(approved).toMatchObject({ status: "approved", reviewedBy: "Maya (CSM lead)", reviewComment: "Intro to the warehouse lead next week", overrideReason: null });
    const [event] = (await listAuditEvents(engine.database, { subjectType: "hypothesis", subjectId: approved.id })).filter((item) => item.action === "hypothesis.approved");
    expect(event).toMatchObject({ actor: "Maya (CSM lead)", details: { from: "draft", to: "approved", verdict: "ready", evidenceIds: [...approved.evidenceIds] } });
    await expect(approveHypothesis(engine.database, approved.id, { reviewer: "Maya" })).rejects.toBeInstanceOf(ConflictError);
    await expect(approveHypothesis(engine.database, "999999", { reviewer: "Maya" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(approveHypothesis(engine.database, approved.id, { reviewer: "  " })).rejects.toBeInstanceOf(ConfigError);
  });

  it("new evidence makes the approval stale, says why, and drafts anew", async () => {
    const [approved] = await listHypotheses(engine.database, { accountId: "acme", status: "approved" });
    ids.pushback = await insertEvidence(engine.database, { sourceRef: ticketRef, signalId: "adoption_friction", quote: "Late deliveries are down 18%" });
    const recorded = await recordReadiness(engine.database, await assessAccount(engine.database, "acme", { asOf: AS_OF }), { actor: "cli" });
    expect(recorded.staled).toEqual([{ id: approved?.id, expansionType: "new_department", reason: `evidence changed (new evidence #${ids.pushback})` }]);
    expect(await findHypothesis(engine.database, approved?.id ?? "")).toMatchObject({ status: "stale", statusReason: `evidence changed (new evidence #${ids.pushback})` });
    expect(recorded.hypotheses).toEqual([expect.objectContaining({ change: "drafted", status: "draft" })]);
    const staleEvents = (await listAuditEvents(engine.database, { subjectId: approved?.id ?? "" })).filter((event) => event.action === "hypothesis.stale");
    expect(staleEvents).toHaveLength(1);
    await expect(approveHypothesis(engine.database, approved?.id ?? "", { reviewer: "Maya" })).rejects.toThrow(/stale \(evidence changed/);
  });

  it("a rules change that alters the verdict makes the approval stale and names the rules versions", async () => {
    const [draft] = await listHypotheses(engine.database, { accountId: "acme", status: "draft" });
    await approveHypothesis(engine.database, draft?.id ?? "", { reviewer: "Maya" });
    const strict = parseRules(
      (await readFile(DEFAULT_RULES_FILE, "utf8")).replace("passing_health: [green]", "passing_health: [green]\n  # stricter: nothing below green\n").replace("passing_when_trending_up: [yellow]", "passing_when_trending_up: []").replace("block_at: 3", "block_at: 1").replace("    adoption_friction: 1", "    adoption_friction: 5"),
      "strict-rules.yaml",
    );
    const recorded = await recordReadiness(engine.database, await assessAccount(engine.database, "acme", { asOf: AS_OF, rules: strict }), { actor: "cli" });
    const defaultVersion = (await loadRules()).rulesVersion;
    expect(recorded.staled[0]?.reason).toBe(`verdict changed from ready to fix_footprint; after a rules change from ${defaultVersion} to ${strict.rulesVersion}`);
    // The new draft carries the verdict, so approving it overrules the rules and needs a reason.
    const newDraft = recorded.hypotheses[0];
    await expect(approveHypothesis(engine.database, newDraft?.id ?? "", { reviewer: "Maya" })).rejects.toThrow(/--override-reason/);
    const overridden = await approveHypothesis(engine.database, newDraft?.id ?? "", { reviewer: "Maya", overrideReason: "Friction ticket is about a report layout, fixed" });
    expect(overridden).toMatchObject({ status: "approved", verdict: "fix_footprint", overrideReason: "Friction ticket is about a report layout, fixed" });
    const events = await listAuditEvents(engine.database, { subjectId: overridden.id });
    expect(events.at(-1)).toMatchObject({ action: "hypothesis.approved", details: { verdict: "fix_footprint", overrideReason: "Friction ticket is about a report layout, fixed" } });
  });

  it("rejects with a comment, and a rejected hypothesis is not re-drafted while nothing changed", async () => {
    const [approved] = await listHypotheses(engine.database, { accountId: "acme", status: "approved" });
    await expect(rejectHypothesis(engine.database, approved?.id ?? "", { reviewer: "Jo" })).rejects.toThrow(/--comment/);
    const rejected = await rejectHypothesis(engine.database, approved?.id ?? "", { reviewer: "Jo", comment: "Finance is frozen until April" });
    expect(rejected).toMatchObject({ status: "rejected", reviewedBy: "Jo", reviewComment: "Finance is frozen until April" });
    const strict = parseRules(
      (await readFile(DEFAULT_RULES_FILE, "utf8")).replace("passing_health: [green]", "passing_health: [green]\n  # stricter: nothing below green\n").replace("passing_when_trending_up: [yellow]", "passing_when_trending_up: []").replace("block_at: 3", "block_at: 1").replace("    adoption_friction: 1", "    adoption_friction: 5"),
      "strict-rules.yaml",
    );
    const recorded = await recordReadiness(engine.database, await assessAccount(engine.database, "acme", { asOf: AS_OF, rules: strict }), { actor: "cli" });
    expect(recorded.hypotheses).toEqual([{ id: rejected.id, expansionType: "new_department", status: "rejected", change: "kept" }]);
    await expect(rejectHypothesis(engine.database, rejected.id, { reviewer: "Jo", comment: "again" })).rejects.toBeInstanceOf(ConflictError);
  });

  it("a dispute removes the row from the rules' input, keeps it as a label, survives re-extraction, and stales open hypotheses", async () => {
    const recorded = await recordReadiness(engine.database, await assessAccount(engine.database, "acme", { asOf: AS_OF }), { actor: "cli" });
    const open = recorded.hypotheses.find((item) => item.status === "draft");
    expect(open).toBeDefined();
    const outcome = await disputeEvidence(engine.database, ids.pushback ?? "", { reviewer: "Maya", comment: "This is an outcome, not friction" });
    expect(outcome.staleHypotheses).toEqual([open?.id]);
    expect(await findHypothesis(engine.database, open?.id ?? "")).toMatchObject({ status: "stale", statusReason: expect.stringContaining(`evidence #${ids.pushback} was disputed by Maya`) });
    const assessment = await assessAccount(engine.database, "acme", { asOf: AS_OF });
    expect(assessment.input.evidence.map((fact) => fact.id)).not.toContain(ids.pushback);
    expect(assessment.result.verdict).toBe("ready");
    expect(await listEvidenceLabels(engine.database, "acme")).toEqual([
      expect.objectContaining({ evidenceId: ids.pushback, label: "wrong", signalId: "adoption_friction", quote: "Late deliveries are down 18%", reviewer: "Maya", comment: "This is an outcome, not friction" }),
    ]);
    await expect(disputeEvidence(engine.database, ids.pushback ?? "", { reviewer: "Maya" })).rejects.toBeInstanceOf(ConflictError);
    // Re-indexing a changed document drops its evidence rows; the extractor then writes the same wrong span
    // as a new, active row. The label, kept by document and span, still holds.
    await engine.database.query("delete from evidence where id = $1", [ids.pushback]);
    const again = await insertEvidence(engine.database, { sourceRef: ticketRef, signalId: "adoption_friction", quote: "Late deliveries are down 18%" });
    expect(again).not.toBe(ids.pushback);
    expect((await assessAccount(engine.database, "acme", { asOf: AS_OF })).input.evidence.map((fact) => fact.id)).not.toContain(again);
    await expect(disputeEvidence(engine.database, "424242", { reviewer: "Maya" })).rejects.toBeInstanceOf(NotFoundError);
    const [event] = await listAuditEvents(engine.database, { subjectType: "evidence", subjectId: ids.pushback ?? "" });
    expect(event).toMatchObject({ actor: "Maya", action: "evidence.disputed", details: { staleHypotheses: [open?.id], signalId: "adoption_friction" } });
  });

  it("an account with nothing pulling stores its result and no hypothesis", async () => {
    const assessment = await assessAccount(engine.database, "quiet", { asOf: AS_OF });
    const recorded = await recordReadiness(engine.database, assessment, { actor: "cli" });
    expect(assessment.result.verdict).toBe("fix_footprint");
    expect(recorded.hypotheses).toEqual([]);
    const [stored] = await engine.database.query<{ verdict: string }>("select verdict from readiness_assessments where id = $1", [recorded.assessmentId]);
    expect(stored?.verdict).toBe("fix_footprint");
  });
});

describeEachEngine("the audit trail", (start) => {
  let engine: TestEngine;
  beforeAll(async () => {
    engine = await start();
  });
  afterAll(async () => {
    await engine?.stop();
  });

  it("is append-only: the stores offer no way to change it, and the database refuses update, delete and truncate", async () => {
    // Nothing exported by the audit stores can change a written event.
    expect(Object.keys(auditStore)).toEqual(["appendAuditEvent"]);
    expect(Object.keys(auditHistory).sort()).toEqual(["listAccountAuditEvents", "listAuditEvents"]);
    const id = await appendAuditEvent(engine.database, { actor: "Maya", action: "hypothesis.approved", subjectType: "hypothesis", subjectId: "1", details: { verdict: "ready" } });
    const before = await listAuditEvents(engine.database);
    await expect(engine.database.query("update audit_events set actor = 'someone else' where id = $1", [id])).rejects.toThrow(/append-only/);
    await expect(engine.database.query("delete from audit_events where id = $1", [id])).rejects.toThrow(/append-only/);
    await expect(engine.database.query("truncate audit_events")).rejects.toThrow(/append-only/);
    await expect(engine.database.transaction((transaction) => transaction.query("delete from audit_events"))).rejects.toThrow(/append-only/);
    expect(await listAuditEvents(engine.database)).toEqual(before);
  });
});
