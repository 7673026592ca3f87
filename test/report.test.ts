import { cp, readFile, writeFile } from "node:fs/promises";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listEvidence } from "../src/db/evidence-store.js";
import { activeEvidence } from "../src/db/readiness-input-store.js";
import type { QuotedEvidence } from "../src/evidence/evidence-record.js";
import { disputedEvidence } from "../src/db/report-history-store.js";
import { placeOf } from "../src/evidence/cite-evidence.js";
import type { AccountReport, PortfolioReport } from "../src/report/report-model.js";
import { chromiumAvailable, launchChromium, openHtml, pdfPageCount } from "./support/chromium.js";
import { DEMO_AS_OF } from "./support/demo-evidence.js";
import { startPgliteEngine, type TestEngine } from "./support/engines.js";
import { htmlProblems, quotesInHtml, quotesInMarkdown, referencesIn, type RenderedQuote } from "./support/report-quotes.js";
import { runInProcess } from "./support/run-cli.js";

const DEMO = path.resolve("data/demo");
const READY = "brightpath-logistics";
const FIX = "kestrel-credit-union";
const INSUFFICIENT = "alder-architects";
const ACCOUNTS = [READY, FIX, INSUFFICIENT];

/** A source folder with three of the demo accounts (one per verdict), so indexing stays quick. */
async function threeAccountFolder(): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), "evidence-report-"));
  await cp(path.join(DEMO, "vendor.json"), path.join(folder, "vendor.json"));
  const accounts = JSON.parse(await readFile(path.join(DEMO, "accounts.json"), "utf8")) as { id: string }[];
  await writeFile(path.join(folder, "accounts.json"), JSON.stringify(accounts.filter((account) => ACCOUNTS.includes(account.id))));
  const usage = (await readFile(path.join(DEMO, "usage.csv"), "utf8")).split("\n");
  await writeFile(path.join(folder, "usage.csv"), [usage[0], ...usage.slice(1).filter((line) => ACCOUNTS.some((id) => line.startsWith(`${id},`)))].join("\n"));
  for (const id of ACCOUNTS) {
    await cp(path.join(DEMO, "tickets", `${id}.json`), path.join(folder, "tickets", `${id}.json`));
    await cp(path.join(DEMO, "calls", id), path.join(folder, "calls", id), { recursive: true });
  }
  return folder;
}

describe("evidence report and evidence portfolio (three demo accounts, offline extraction)", () => {
  let engine: TestEngine;
  let folder: string;
  const html = new Map<string, string>();
  const markdown = new Map<string, string>();
  const models = new Map<string, AccountReport>();

  async function run(...args: string[]): Promise<string> {
    const written: string[] = [];
    await runInProcess(engine.database, args, { write: (text) => written.push(text), workingDirectory: folder });
    return written.join("");
  }

  beforeAll(async () => {
    engine = await startPgliteEngine();
    folder = await threeAccountFolder();
    await run("index", folder);
    await run("extract");
    for (const id of ACCOUNTS) {
      await run("readiness", id, "--as-of", DEMO_AS_OF);
      models.set(id, JSON.parse(await run("--json", "report", id, "--as-of", DEMO_AS_OF)) as AccountReport);
      await run("report", id, "--as-of", DEMO_AS_OF, "--out", `out/${id}.html`);
      html.set(id, await readFile(path.join(folder, "out", `${id}.html`), "utf8"));
      markdown.set(id, await run("report", id, "--as-of", DEMO_AS_OF, "--format", "md"));
    }
  });

  afterAll(async () => {
    await engine?.stop();
  });

  it("reports each verdict with its facts, gates, people, signals and next actions", () => {
    const ready = models.get(READY);
    expect(ready?.readiness.verdict).toBe("ready");
    expect(ready?.account).toMatchObject({ name: "Brightpath Logistics", arr: 96000, licensedSeats: 120, activeUsers: { value: 112 }, renewalDate: "2027-03-31", champion: "Dana Okafor", economicBuyer: "Marcus Hale" });
    expect(ready?.readiness.expansionTypes.map((support) => support.type)).toContain("volume");
    expect(ready?.hypotheses.length).toBeGreaterThan(0);
    expect(ready?.hypotheses.every((brief) => brief.approval.status === "draft")).toBe(true);
    expect(ready?.nextActions).toEqual([]);
    expect(ready?.people.champion.status).toBe("active");

    const fix = models.get(FIX);
    expect(fix?.readiness.verdict).toBe("fix_footprint");
    expect(fix?.readiness.gates.find((gate) => gate.id === "champion_active")?.status).toBe("fail");
    expect(fix?.people.champion.status).toBe("leaving");
    expect(fix?.nextActions.map((action) => action.gate)).toContain("champion_active");

    const insufficient = models.get(INSUFFICIENT);
    expect(insufficient?.readiness.verdict).toBe("insufficient_evidence");
    expect(insufficient?.account.activeUsers).toBeNull();
    expect(insufficient?.timeline.usage).toEqual([]);
    expect(insufficient?.roi.gaps.join(" ")).toContain("No usage numbers");
    expect(insufficient?.nextActions.filter((action) => action.status === "unknown").map((action) => action.gate)).toEqual(["healthy_footprint", "measurable_outcome", "champion_active"]);

    for (const id of ACCOUNTS) {
      const page = html.get(id) ?? "";
      for (const section of ["facts", "next-actions", "readiness", "changes", "people", "signals", "timeline", "expansion", "roi"]) {
        expect(page, `${id} #${section}`).toContain(`<section id="${section}">`);
      }
      expect(page).toContain(models.get(id)?.readiness.rulesVersion);
      const text = markdown.get(id) ?? "";
      for (const heading of ["## Account facts", "## Next customer actions", "## Readiness, gate by gate", "## What changed", "## People", "## Signals, in their words", "## Over time", "## Expansion brief", "## ROI frame"]) {
        expect(text, `${id} ${heading}`).toContain(`\n${heading}\n`);
      }
    }
    expect(html.get(READY)).toContain("READY FOR AN EXPANSION CONVERSATION");
    expect(html.get(FIX)).toContain("FIX THE FOOTPRINT FIRST");
    expect(html.get(INSUFFICIENT)).toContain("INSUFFICIENT EVIDENCE");
    expect(html.get(READY)).toContain("112 of 120 active (93%)");
  });

  it("quotes only stored evidence, word for word as in its source document, at the place it cites", async () => {
    for (const id of ACCOUNTS) {
      const stored = new Map<string, QuotedEvidence>((await activeEvidence(engine.database, id)).map((row) => [row.id, row]));
      for (const row of await disputedEvidence(engine.database, id)) stored.set(row.evidence.id, row.evidence);
      const rendered: [string, RenderedQuote[]][] = [
        ["html", quotesInHtml(html.get(id) ?? "")],
        ["md", quotesInMarkdown(markdown.get(id) ?? "")],
      ];
      for (const [format, quotes] of rendered) {
        if (id !== INSUFFICIENT) expect(quotes.length, `${id} ${format}`).toBeGreaterThan(5);
        for (const quote of quotes) {
          const row = stored.get(quote.evidenceId);
          const where = `${id} ${format} #${quote.evidenceId}`;
          expect(row, where).toBeDefined();
          if (row === undefined) continue;
          expect(quote.quote, where).toBe(row.quote);
          // The stored quote is the document's own words at its offsets (the citation check allows only
          // case, quote marks and whitespace to differ), and the cited place is where those offsets are.
          const fold = (text: string) => text.toLowerCase().replace(/[\u2018\u2019\u201C\u201D"']/g, "'").replace(/\s+/g, " ").trim();
          expect(fold(row.document.fullText.slice(row.quoteStart, row.quoteEnd)), where).toBe(fold(row.quote));
          expect(quote.caption, where).toContain(placeOf(row));
        }
      }
      // Every customer-side quote the rules read appears somewhere in the report.
      const shown = new Set(quotesInHtml(html.get(id) ?? "").map((quote) => quote.evidenceId));
      expect([...stored.keys()].filter((evidenceId) => !shown.has(evidenceId)), id).toEqual([]);
    }
  });

  it("writes valid, self-contained HTML: no script, no external reference", async () => {
    for (const id of ACCOUNTS) {
      const page = html.get(id) ?? "";
      expect(await htmlProblems(page), id).toEqual([]);
      expect(referencesIn(page).filter((reference) => !reference.startsWith("#")), id).toEqual([]);
      expect(page, id).not.toMatch(/<(script|link|img|iframe|object|embed)\b/i);
    }
  });

  it("prints to PDF through chromium on A4 and Letter in a few pages, asking the network for nothing", async () => {
    if (!chromiumAvailable()) {
      if (process.env.CI !== undefined) throw new Error("chromium is missing at /usr/bin/chromium; .ci/run installs it with apt-get");
      console.warn("SKIPPED: the PDF print test needs Debian's chromium at /usr/bin/chromium (apt-get install -y chromium)");
      return;
    }
    const browser = await launchChromium();
    try {
      const ranges: Record<string, [number, number]> = { [READY]: [4, 12], [FIX]: [4, 14], [INSUFFICIENT]: [2, 6] };
      for (const id of ACCOUNTS) {
        const { page, requested, close } = await openHtml(browser, html.get(id) ?? "");
        for (const format of ["A4", "Letter"] as const) {
          const { pages } = await pdfPageCount(page, format);
          const [low, high] = ranges[id] ?? [1, 1];
          expect(pages, `${id} ${format}`).toBeGreaterThanOrEqual(low);
          expect(pages, `${id} ${format}`).toBeLessThanOrEqual(high);
        }
        expect(requested, id).toEqual([]);
        await close();
      }
    } finally {
      await browser.close();
    }
  });

  it("lists the portfolio soonest renewal first, filters by renewal, and links each report", async () => {
    const all = JSON.parse(await run("--json", "portfolio", "--as-of", DEMO_AS_OF)) as PortfolioReport;
    expect(all.rows.map((row) => [row.accountId, row.renewalDate, row.verdict])).toEqual([
      [FIX, "2027-01-31", "fix_footprint"],
      [READY, "2027-03-31", "ready"],
      [INSUFFICIENT, "2027-09-30", "insufficient_evidence"],
    ]);
    expect(all.rows.find((row) => row.accountId === FIX)?.championStatus).toBe("leaving");
    expect(all.rows.find((row) => row.accountId === READY)?.awaitingReview).toBeGreaterThan(0);

    const soon = JSON.parse(await run("--json", "portfolio", "--as-of", DEMO_AS_OF, "--renewal-before", "2027-04-01")) as PortfolioReport;
    expect(soon.rows.map((row) => row.accountId)).toEqual([FIX, READY]);

    const table = await run("portfolio", "--as-of", DEMO_AS_OF, "--renewal-before", "2027-02-01");
    expect(table).toContain("1 account renewing before 2027-02-01");
    expect(table).toContain(FIX);
    expect(table).not.toContain(READY);

    const md = await run("portfolio", "--as-of", DEMO_AS_OF, "--format", "md");
    expect(md.indexOf(FIX)).toBeLessThan(md.indexOf(READY));
    expect(md).toContain(`(${READY}.html)`);

    await run("portfolio", "--as-of", DEMO_AS_OF, "--out", "portfolio/index.html", "--with-reports");
    const page = await readFile(path.join(folder, "portfolio", "index.html"), "utf8");
    expect(await htmlProblems(page)).toEqual([]);
    for (const id of ACCOUNTS) {
      expect(page).toContain(`href="${id}.html"`);
      expect(await readFile(path.join(folder, "portfolio", `${id}.html`), "utf8")).toContain("<!DOCTYPE html>");
    }
    await expect(run("portfolio", "--renewal-before", "next spring")).rejects.toThrow(/--renewal-before "next spring" is not a date/);
  });

  it("says what changed after a dispute and a new document: disputed and new evidence, gates moved, stale hypotheses", async () => {
    const departing = (await listEvidence(engine.database, { accountId: FIX, signalId: "champion_departing" })).filter((row) => row.speakerRole === "customer");
    expect(departing.length).toBeGreaterThan(0);
    for (const row of departing) await run("dispute", String(row.id), "--reviewer", "Maya Chen", "--comment", "Owen is on leave, not leaving");

    // A new ticket: the customer asks for more seats, with markup in the text that must stay text.
    const ticketsFile = path.join(folder, "tickets", `${FIX}.json`);
    const tickets = JSON.parse(await readFile(ticketsFile, "utf8")) as unknown[];
    tickets.push({
      id: "4090",
      account_id: FIX,
      subject: "More seats for the merged branches <script>alert(1)</script>",
      status: "open",
      created_at: "2026-11-21T09:00:00Z",
      comments: [
        {
          id: "1",
          created_at: "2026-11-21T09:00:00Z",
          author: { name: "Ray Castellano", email: "ray.castellano@kestrelcu.example", role: "customer" },
          body: "<script>alert(1)</script> We've used all 180 seats and people are sharing logins. We're going to need more seats for the two new branches.",
        },
        {
          // The champion, engaged again: with the departure disputed, the champion gate can move off fail.
          id: "2",
          created_at: "2026-11-21T10:00:00Z",
          author: { name: "Owen Whitaker", email: "owen.whitaker@kestrelcu.example", role: "customer" },
          body: "I'll set up a session with both branch managers next week and we'll get their teams started.",
        },
      ],
    });
    await writeFile(ticketsFile, JSON.stringify(tickets, null, 2));
    await run("index", folder);
    await run("extract", "--account", FIX);

    const report = JSON.parse(await run("--json", "report", FIX, "--as-of", DEMO_AS_OF)) as AccountReport;
    const changes = report.changes;
    expect(changes.basis).toBe("last assessment");
    expect(changes.disputed.map((dispute) => dispute.quote.evidenceId).sort()).toEqual(departing.map((row) => String(row.id)).sort());
    expect(changes.disputed[0]?.by).toBe("Maya Chen");
    expect(changes.newEvidence.some((quote) => quote.place.startsWith("ticket #4090"))).toBe(true);
    expect(changes.gatesMoved.find((gate) => gate.gate === "champion_active")).toMatchObject({ from: "fail" });
    expect(changes.hypothesisEvents.some((event) => event.change === "stale" && event.by === "Maya Chen")).toBe(true);

    const page = await run("report", FIX, "--as-of", DEMO_AS_OF);
    expect(page.toLowerCase()).not.toContain("<script");
    expect(await htmlProblems(page)).toEqual([]);
    const markdownPage = await run("report", FIX, "--as-of", DEMO_AS_OF, "--format", "md");
    expect(markdownPage).toContain("Marked wrong by Maya Chen");
    // --since counts from a day instead: only what was said from then on.
    const since = JSON.parse(await run("--json", "report", FIX, "--as-of", DEMO_AS_OF, "--since", "2026-11-15")) as AccountReport;
    expect(since.changes.basis).toBe("flag");
    expect(since.changes.newEvidence.every((quote) => quote.occurredAt >= "2026-11-15")).toBe(true);
    expect(since.changes.newEvidence.length).toBeGreaterThan(0);
  });
});
