import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findHypothesis, history, listEvidence, listHypotheses, recordReadiness, type Services } from "../src/app/index.js";
import { listen, type RunningServer } from "../src/http/serve.js";
import { artifactPath, launchChromium } from "./support/browser.js";
import { startPgliteEngine, type TestEngine } from "./support/engines.js";
import { HOSTILE_TEXT, REVIEW_AS_OF, seedReviewAccounts, type ReviewFixture } from "./support/review-fixture.js";
import { REVIEWER_NAME, reviewServices, TOKENS } from "./support/review-server.js";

/**
 * The review page in Debian's chromium, as a reviewer uses it: sign in with a token, open the queue,
 * approve a hypothesis with a comment, dispute an evidence row, ask a question; then the database and the
 * audit trail must say what the pages said. Screenshots go to test-artifacts/ (gitignored).
 */
describe("review page in a real browser", () => {
  let engine: TestEngine;
  let services: Services;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let fixture: ReviewFixture;

  beforeAll(async () => {
    engine = await startPgliteEngine();
    const built = await reviewServices(engine.database);
    services = built.services;
    fixture = await seedReviewAccounts(services);
    await recordReadiness(services, { accountId: "acme", asOf: REVIEW_AS_OF, actor: "test" });
    server = await listen(built.app, { host: "127.0.0.1", port: 0 });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await services?.close();
    await engine?.stop();
  });

  it("signs in with a token and shows the queue with verdict, gates and quotes in context", async () => {
    await page.goto(`${server.url}/`);
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    await page.getByLabel("Token").fill(TOKENS.reviewer.token);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${server.url}/`);
    expect(await page.textContent("h1")).toBe("Review queue");
    const card = page.locator("article.card").first();
    expect(await card.textContent()).toContain("Ready for an expansion conversation");
    expect(await card.locator("ul.gates > li").count()).toBe(5);
    expect(await card.locator("mark").allTextContents()).toContain("The warehouse leads asked me for logins again this week.");
    await page.screenshot({ path: artifactPath("review-queue.png"), fullPage: true });
  });

  it("approves a hypothesis with a comment, recorded under the token's reviewer", async () => {
    const card = page.locator("article.card").first();
    const hypothesisId = (await card.getAttribute("data-hypothesis-id")) ?? "";
    await card.getByLabel(/Comment/).fill(`Intro to the warehouse lead booked. ${HOSTILE_TEXT}`);
    await card.getByRole("button", { name: "Approve" }).click();
    await page.waitForURL(`${server.url}/?done=approved`);
    expect(await page.getByRole("status").textContent()).toContain("Hypothesis approved");

    const stored = await findHypothesisOrFail(hypothesisId);
    expect(stored).toMatchObject({ status: "approved", reviewedBy: REVIEWER_NAME, reviewComment: `Intro to the warehouse lead booked. ${HOSTILE_TEXT}` });
    const approvals = (await history(services, "acme")).filter((event) => event.action === "hypothesis.approved");
    expect(approvals).toEqual([expect.objectContaining({ actor: REVIEWER_NAME, subjectId: hypothesisId })]);
  });

  it("disputes an evidence row from the account page", async () => {
    await page.goto(`${server.url}/accounts/acme`);
    expect(await page.textContent("h1")).toBe("Acme Freight");
    // The hostile quote is on the page as text: no script ran, no image was injected.
    expect(await page.locator(`#evidence-${fixture.evidence.hostile}`).textContent()).toContain('<script>alert("pwned")</script>');
    expect(await page.locator("img").count()).toBe(0);
    await page.screenshot({ path: artifactPath("review-account.png"), fullPage: true });

    const row = page.locator(`#evidence-${fixture.evidence.outcome}`);
    await row.locator("summary").click();
    await row.getByLabel("What is wrong with it?").fill("Measured before the rollout");
    await row.getByRole("button", { name: `Dispute #${fixture.evidence.outcome}` }).click();
    await page.waitForURL(/done=disputed/);
    expect(await page.getByRole("status").textContent()).toContain("Evidence disputed");

    const rows = await listEvidence(services, { accountId: "acme" });
    expect(rows.find((evidence) => evidence.id === fixture.evidence.outcome)?.status).toBe("disputed");
    const disputes = (await history(services, "acme")).filter((event) => event.action === "evidence.disputed");
    expect(disputes).toEqual([expect.objectContaining({ actor: REVIEWER_NAME, subjectId: fixture.evidence.outcome })]);
    // The approval rested on that row: it is stale now, and says why.
    expect((await listHypotheses(services, { accountId: "acme", status: "stale" })).length).toBeGreaterThan(0);
  });

  it("asks a question and shows the answer with its sources", async () => {
    await page.goto(`${server.url}/accounts/acme`);
    await page.getByLabel("Question").fill("What did they say about the warehouse team?");
    await page.getByRole("button", { name: "Ask" }).click();
    await page.waitForURL(/\/accounts\/acme\/ask\?question=/);
    expect(await page.textContent("h1")).toBe("What did they say about the warehouse team?");
    await page.screenshot({ path: artifactPath("review-answer.png"), fullPage: true });
    expect(await page.locator("ol.sources li").count()).toBeGreaterThan(0);
  });

  async function findHypothesisOrFail(id: string) {
    const hypothesis = await findHypothesis(services, id);
    if (hypothesis === undefined) throw new Error(`hypothesis ${id} is gone`);
    return hypothesis;
  }
});
