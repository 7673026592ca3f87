import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { history, indexFolders, listHypotheses, recordReadiness, type Services } from "../src/app/index.js";
import { writeTempFiles } from "./support/temp-files.js";
import { startPgliteEngine, type TestEngine } from "./support/engines.js";
import { HOSTILE_TEXT, REVIEW_AS_OF, seedReviewAccounts, type ReviewFixture } from "./support/review-fixture.js";
import { REVIEWER_NAME, reviewServices, TOKENS } from "./support/review-server.js";

/** A source folder of one more account, "initech", so the upload has a vendor profile to index with. */
function writeInitechFolder(): Promise<string> {
  return writeTempFiles({
    "vendor.json": JSON.stringify({ product: "Lumen", vendor: "Lumen Metrics", vendor_email_domains: ["lumen.example"], participants: [{ name: "Priya Raman", role: "vendor" }], tiers: [{ id: "team", name: "Team", capabilities: ["dashboards"] }] }),
    "accounts.json": JSON.stringify([{ id: "initech", name: "Initech", tier: "team", arr: 1000, health: "green" }]),
    "tickets/initech.json": JSON.stringify([]),
  });
}

/**
 * The API over the real application core on PGlite: the same use cases as the CLI, with access checks in
 * front. (Access, validation and error mapping alone are covered in src/http/app.test.ts.)
 */
describe("HTTP API on the application core", () => {
  let engine: TestEngine;
  let services: Services;
  let app: Awaited<ReturnType<typeof reviewServices>>["app"];
  let fixture: ReviewFixture;
  let draftId: string;

  beforeAll(async () => {
    engine = await startPgliteEngine();
    ({ services, app } = await reviewServices(engine.database));
    fixture = await seedReviewAccounts(services);
    await recordReadiness(services, { accountId: "acme", asOf: REVIEW_AS_OF, actor: "test" });
    const [draft] = await listHypotheses(services, { accountId: "acme", status: "draft" });
    draftId = draft?.id ?? "";
  });

  afterAll(async () => {
    await services?.close();
    await engine?.stop();
  });

  const call = (path: string, options: { token?: string; json?: unknown } = {}) =>
    Promise.resolve(
      app.request(path, {
        method: options.json === undefined ? "GET" : "POST",
        headers: {
          ...(options.token === undefined ? {} : { authorization: `Bearer ${options.token}` }),
          ...(options.json === undefined ? {} : { "content-type": "application/json" }),
        },
        ...(options.json === undefined ? {} : { body: JSON.stringify(options.json) }),
      }),
    );

  it("indexes uploaded tickets and transcripts incrementally, and stores nothing from an upload with a bad record", async () => {
    await indexFolders(services, { folders: [await writeInitechFolder()] });
    const upload = (files: Array<{ kind: "tickets" | "call"; name: string; content: string }>, token = TOKENS.reviewer.token) =>
      call("/api/accounts/initech/sources", { token, json: { files } });
    const goodTicket = { id: "9001", account_id: "initech", subject: "Seats", status: "open", created_at: "2026-11-01T10:00:00Z", comments: [{ id: "1", created_at: "2026-11-01T10:00:00Z", author: { name: "Ravi Iyer", role: "customer" }, body: "We will need 20 more seats for the new hub." }] };
    const badTicket = { ...goodTicket, id: "9002", comments: [{ id: "1", created_at: "2026-11-02T10:00:00Z", author: { name: "Ravi Iyer", role: "customer" } }] };

    const refused = await upload([{ kind: "tickets", name: "initech-new.json", content: JSON.stringify([goodTicket, badTicket]) }]);
    expect(refused.status).toBe(422);
    const problem = (await refused.json()) as { problems: Array<{ file: string; record?: string; field?: string }> };
    expect(problem.problems).toEqual([expect.objectContaining({ file: "initech-new.json", record: expect.stringContaining("9002"), field: expect.stringContaining("body") })]);

    const call1 = "[00:00:05] Ravi Iyer: The finance team wants their own dashboards.\n[00:00:12] Priya Raman: I can show them next week.\n";
    const first = await upload([
      { kind: "tickets", name: "initech-new.json", content: JSON.stringify([goodTicket]) },
      { kind: "call", name: "2026-11-20-sync.txt", content: call1 },
    ]);
    expect(first.status).toBe(200);
    // The good ticket of the refused upload was not stored: it is new now.
    expect(await first.json()).toMatchObject({ indexed: 2, unchanged: 0 });
    const again = await upload([{ kind: "call", name: "2026-11-20-sync.txt", content: call1 }]);
    expect(await again.json()).toMatchObject({ indexed: 0, unchanged: 1 });
    expect((await upload([{ kind: "call", name: "x.txt", content: call1 }], TOKENS.reader.token)).status).toBe(403);
    expect((await upload([{ kind: "call", name: "x.txt", content: call1 }], TOKENS.globexOnly.token)).status).toBe(404);
  });

  it("lists evidence with citations and filters, hiding accounts outside the token's scope", async () => {
    const response = await call("/api/accounts/acme/evidence?signal=other_team_interest&role=customer", { token: TOKENS.reviewer.token });
    expect(response.status).toBe(200);
    const { evidence } = (await response.json()) as { evidence: Array<{ id: string; citation: string }> };
    expect(evidence.map((row) => row.id).sort()).toEqual([fixture.evidence.teamTicket, fixture.evidence.teamCall].sort());
    expect(evidence.map((row) => row.citation)).toEqual(expect.arrayContaining([expect.stringContaining("ticket #4412"), expect.stringContaining("00:23:41")]));
    expect((await call("/api/accounts/acme/evidence", { token: TOKENS.globexOnly.token })).status).toBe(404);
    expect((await call(`/api/evidence/${fixture.evidence.outcome}`, { token: TOKENS.globexOnly.token })).status).toBe(404);
  });

  it("shows a quote in its context: the comment before and the one it is in, with speakers and places", async () => {
    const response = await call(`/api/evidence/${fixture.evidence.teamCall}`, { token: TOKENS.reader.token });
    const context = (await response.json()) as { passages: Array<{ speaker: string; place: string; text: string; containsQuote: boolean; quoteStart?: number; quoteEnd?: number }> };
    expect(context.passages.map((passage) => [passage.speaker, passage.place, passage.containsQuote])).toEqual([
      ["Priya Raman", "00:23:20", false],
      ["Luis Romero", "00:23:41", true],
      ["Dana Okafor", "00:25:00", false],
    ]);
    const quoted = context.passages[1];
    expect(quoted?.text.slice(quoted.quoteStart, quoted.quoteEnd)).toBe("The warehouse leads asked me for logins again this week.");
  });

  it("decides readiness read-only, with gates and reasons", async () => {
    const response = await call(`/api/accounts/acme/readiness?asOf=${REVIEW_AS_OF}`, { token: TOKENS.reader.token });
    const readiness = (await response.json()) as { verdict: string; gates: Array<{ gate: string; reasons: string[] }> };
    expect(readiness.verdict).toBe("ready");
    expect(readiness.gates.map((gate) => gate.gate)).toEqual(["healthy_footprint", "measurable_outcome", "champion_active", "customer_pull", "blocking_risks"]);
    expect(readiness.gates.every((gate) => gate.reasons.length > 0)).toBe(true);
  });

  it("approves as the token's reviewer, with SQL- and HTML-looking text stored verbatim, and audits it", async () => {
    const refused = await call(`/api/hypotheses/${draftId}/approve`, { token: TOKENS.reader.token, json: { comment: "ok" } });
    expect(refused.status).toBe(403);
    const response = await call(`/api/hypotheses/${draftId}/approve`, { token: TOKENS.reviewer.token, json: { comment: HOSTILE_TEXT } });
    expect(response.status).toBe(200);
    const { hypothesis } = (await response.json()) as { hypothesis: { status: string; reviewedBy: string; reviewComment: string; gates: unknown[] } };
    expect(hypothesis).toMatchObject({ status: "approved", reviewedBy: REVIEWER_NAME, reviewComment: HOSTILE_TEXT });
    expect(hypothesis.gates).toHaveLength(5);
    const events = await history(services, "acme");
    const approved = events.filter((event) => event.action === "hypothesis.approved");
    expect(approved).toHaveLength(1);
    expect(approved[0]).toMatchObject({ actor: REVIEWER_NAME, subjectId: draftId, details: expect.objectContaining({ comment: HOSTILE_TEXT }) });
    // The evidence table is still there, and the history endpoint reads the same trail.
    const trail = (await (await call("/api/accounts/acme/history", { token: TOKENS.reader.token })).json()) as { history: Array<{ action: string }> };
    expect(trail.history[0]?.action).toBe("hypothesis.approved");
    expect((await call("/api/accounts/acme/evidence", { token: TOKENS.reader.token })).status).toBe(200);
  });

  it("disputes a row, making hypotheses that cite it stale, then records readiness anew as the token's reviewer", async () => {
    const disputed = await call(`/api/evidence/${fixture.evidence.teamCall}/dispute`, { token: TOKENS.reviewer.token, json: { comment: "vendor prompted it" } });
    expect(disputed.status).toBe(200);
    const outcome = (await disputed.json()) as { reviewer: string; staleHypotheses: string[] };
    expect(outcome.reviewer).toBe(REVIEWER_NAME);
    expect(outcome.staleHypotheses).toContain(draftId);
    const only = (await (await call("/api/accounts/acme/evidence?disputed=only", { token: TOKENS.reader.token })).json()) as { evidence: Array<{ id: string }> };
    expect(only.evidence.map((row) => row.id)).toEqual([fixture.evidence.teamCall]);
    expect((await call(`/api/evidence/${fixture.evidence.teamCall}/dispute`, { token: TOKENS.reviewer.token, json: {} })).status).toBe(409);

    const recorded = await call("/api/accounts/acme/readiness", { token: TOKENS.reviewer.token, json: { asOf: REVIEW_AS_OF } });
    expect(recorded.status).toBe(200);
    expect(await recorded.json()).toMatchObject({ changed: true });
    const again = await call("/api/accounts/acme/readiness", { token: TOKENS.reviewer.token, json: { asOf: REVIEW_AS_OF } });
    expect(await again.json()).toMatchObject({ changed: false });
    const events = await history(services, "acme");
    expect(events.find((event) => event.action === "evidence.disputed")).toMatchObject({ actor: REVIEWER_NAME, subjectId: fixture.evidence.teamCall });
    expect(events.filter((event) => event.action === "readiness.assessed" && event.actor === REVIEWER_NAME)).toHaveLength(1);

    const withdrawn = await call(`/api/evidence/${fixture.evidence.teamCall}/withdraw-dispute`, { token: TOKENS.reviewer.token, json: {} });
    expect(withdrawn.status).toBe(200);
    const active = (await (await call("/api/accounts/acme/evidence?signal=other_team_interest", { token: TOKENS.reader.token })).json()) as { evidence: Array<{ id: string }> };
    expect(active.evidence.map((row) => row.id)).toContain(fixture.evidence.teamCall);
  });

  it("searches and asks one account's history, with citations", async () => {
    const search = (await (await call("/api/accounts/acme/search?q=warehouse%20logins", { token: TOKENS.reader.token })).json()) as { hits: Array<{ citation: string }> };
    expect(search.hits.length).toBeGreaterThan(0);
    const answer = await call("/api/accounts/acme/ask", { token: TOKENS.reader.token, json: { question: "What did they say about the warehouse team?" } });
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as { insufficient: boolean; sentences: Array<{ citations: Array<{ label: string }> }> };
    expect(body.insufficient).toBe(false);
    expect(body.sentences.every((sentence) => sentence.citations.length > 0)).toBe(true);
  });

  it("renders the report as HTML and Markdown, and the portfolio of the token's accounts only", async () => {
    const html = await call(`/api/accounts/acme/report?asOf=${REVIEW_AS_OF}`, { token: TOKENS.reader.token });
    expect(html.headers.get("content-type")).toContain("text/html");
    expect(await html.text()).toContain("Acme Freight");
    const markdown = await call(`/api/accounts/acme/report?format=markdown&asOf=${REVIEW_AS_OF}`, { token: TOKENS.reader.token });
    expect(await markdown.text()).toContain("Acme Freight");
    const portfolio = (await (await call(`/api/portfolio?asOf=${REVIEW_AS_OF}`, { token: TOKENS.globexOnly.token })).json()) as { accounts: Array<{ accountId: string }> };
    expect(portfolio.accounts.map((row) => row.accountId)).toEqual(["globex"]);
  });
});
