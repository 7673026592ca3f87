import { beforeAll, describe, expect, it } from "vitest";
import { loadRules } from "../rules/load-rules.js";
import type { LoadedRules } from "../rules/rules-schema.js";
import { FIXTURE_EVIDENCE, HOSTILE_QUOTE, reportSourcesFixture } from "../../test/support/report-fixture.js";
import { htmlProblems, quotesInHtml, quotesInMarkdown, referencesIn } from "../../test/support/report-quotes.js";
import { buildAccountReport } from "./build-account-report.js";
import { renderAccountHtml } from "./render-account-html.js";
import { escapeMarkdown, renderAccountMarkdown } from "./render-account-markdown.js";

let rules: LoadedRules;

beforeAll(async () => {
  rules = await loadRules();
});

describe("the account report view model", () => {
  it("holds every section with the account's facts, gates and people", () => {
    const report = buildAccountReport(reportSourcesFixture(rules));
    expect(report.account).toMatchObject({ arr: 120000, licensedSeats: 100, activeUsers: { value: 92, measuredOn: "2026-10-31" }, daysToRenewal: 97 });
    expect(report.account.utilisation).toBeCloseTo(0.92);
    expect(report.readiness.verdict).toBe("ready");
    expect(report.readiness.gates.map((gate) => gate.id)).toEqual(["healthy_footprint", "measurable_outcome", "champion_active", "customer_pull", "blocking_risks"]);
    expect(report.readiness.rulesVersion).toBe(rules.rulesVersion);
    expect(report.people.champion).toMatchObject({ name: "Dana Okafor", status: "active" });
    expect(report.people.people.map((person) => [person.name, person.roles])).toEqual([
      ["Dana Okafor", ["champion"]],
      ["Marcus Hale", ["economic buyer"]],
      ["Luis Romero", ["customer speaker"]],
    ]);
    expect(report.people.people[0]?.lastQuoted).toBe("2026-10-20T15:06:40.000Z");
    // Vendor speech is shown apart and never among the customer's signals.
    expect(report.signals.vendorSpeech.map((quote) => quote.evidenceId)).toEqual(["6"]);
    const customerIds = report.signals.categories.flatMap((category) => category.signals.flatMap((signal) => signal.quotes.map((quote) => quote.evidenceId)));
    expect(customerIds.sort()).toEqual(["1", "2", "3", "4", "5"]);
    expect(report.timeline.points.find((point) => point.evidenceId === "6")?.lane).toBe("vendor");
    // No prices in the data: cost and payback are missing, and the gap is said plainly.
    expect(report.roi.expansionCost.value).toBeNull();
    expect(report.roi.payback.value).toBeNull();
    expect(report.roi.currentValueQuotes.map((quote) => quote.evidenceId)).toEqual(["1"]);
    expect(report.roi.gaps.join(" ")).toContain("No prices in the data");
    expect(report.nextActions).toEqual([]);
  });

  it("names the next customer action for each gate that does not pass, and the champion who is leaving", () => {
    const departing = { ...FIXTURE_EVIDENCE[1]!, id: "9", signalId: "champion_departing" as const, occurredAt: "2026-11-10T10:00:00.000Z", quote: "I'm moving to another role in December." };
    const report = buildAccountReport(
      reportSourcesFixture(rules, { evidence: [...FIXTURE_EVIDENCE, departing], nextCustomerActions: { champion_active: { fail: "Name the new owner." } } }),
    );
    expect(report.readiness.verdict).toBe("fix_footprint");
    expect(report.people.champion.status).toBe("leaving");
    expect(report.nextActions).toEqual([{ gate: "champion_active", title: "Active champion", status: "fail", action: "Name the new owner." }]);
  });

  it("says what changed since the last assessment: new and disputed evidence, gates that moved, reviews", () => {
    const disputedQuote = { id: "7", signalId: "champion_departing", quote: "Owen is leaving us.", speaker: "Farah Siddiqui", speakerRole: "customer" as const, place: "ticket #4058 comment 5", occurredAt: "2026-11-20T09:00:00.000Z", sourceRef: "tickets/acme.json#4058" };
    const report = buildAccountReport(
      reportSourcesFixture(rules, {
        previous: {
          id: "12",
          asOf: "2026-11-20",
          recordedAt: "2026-11-21T08:00:00.000Z",
          verdict: "fix_footprint",
          gates: [
            { gate: "healthy_footprint", status: "pass" },
            { gate: "measurable_outcome", status: "pass" },
            { gate: "champion_active", status: "fail" },
            { gate: "customer_pull", status: "pass" },
            { gate: "blocking_risks", status: "pass" },
          ],
          evidenceIds: ["1", "2", "3", "4", "6", "7"],
        },
        disputes: [{ evidence: disputedQuote, reviewer: "Maya Chen", comment: "Owen is on leave, not leaving", at: "2026-11-22T10:00:00.000Z" }],
        hypothesisEvents: [
          { hypothesisId: "3", expansionType: "volume", action: "hypothesis.stale", actor: "Maya Chen", at: "2026-11-22T10:00:00.000Z", details: { reason: "evidence #7 was disputed" } },
          { hypothesisId: "2", expansionType: "volume", action: "hypothesis.approved", actor: "Maya Chen", at: "2026-11-01T10:00:00.000Z", details: {} },
        ],
      }),
    );
    expect(report.changes.basis).toBe("last assessment");
    expect(report.changes.since).toBe("2026-11-21");
    expect(report.changes.newEvidence.map((quote) => quote.evidenceId)).toEqual(["5"]);
    expect(report.changes.disputed.map((dispute) => [dispute.quote.evidenceId, dispute.by])).toEqual([["7", "Maya Chen"]]);
    expect(report.changes.gatesMoved).toEqual([{ gate: "champion_active", title: "Active champion", from: "fail", to: "pass" }]);
    expect(report.changes.verdictMoved).toEqual({ from: "fix_footprint", to: "ready" });
    // Only what happened after the comparison point.
    expect(report.changes.hypothesisEvents.map((event) => [event.hypothesisId, event.change, event.detail])).toEqual([["3", "stale", "evidence #7 was disputed"]]);

    const since = buildAccountReport(reportSourcesFixture(rules, { since: "2026-10-01" }));
    expect(since.changes.basis).toBe("flag");
    expect(since.changes.newEvidence.map((quote) => quote.evidenceId)).toEqual(["5", "4", "2"]);
  });
});

describe("the rendered report", () => {
  it("escapes customer text: a quote with <script> stays text in HTML and in Markdown", () => {
    const report = buildAccountReport(reportSourcesFixture(rules));
    const html = renderAccountHtml(report);
    expect(html.toLowerCase()).not.toContain("<script");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).toContain("Acme &lt;Corp&gt; &amp; Sons");
    const markdown = renderAccountMarkdown(report);
    expect(markdown).not.toMatch(/(^|[^\\])<script/);
    // The link's brackets are escaped, so it stays text.
    expect(markdown).not.toMatch(/(^|[^\\])\]\(http/);
    expect(markdown).toContain("\\[click\\](http://evil.example/x)");
    expect(escapeMarkdown("# heading\n1. list")).toBe("\\# heading\n1\\. list");
  });

  it("shows every quote exactly as stored, with its place, in both formats", () => {
    const report = buildAccountReport(reportSourcesFixture(rules));
    const stored = new Map(FIXTURE_EVIDENCE.map((fact) => [fact.id, fact]));
    for (const [format, rendered] of [
      ["html", quotesInHtml(renderAccountHtml(report))],
      ["md", quotesInMarkdown(renderAccountMarkdown(report))],
    ] as const) {
      expect(rendered.length, format).toBeGreaterThanOrEqual(FIXTURE_EVIDENCE.length);
      expect(new Set(rendered.map((quote) => quote.evidenceId)), format).toEqual(new Set(stored.keys()));
      for (const quote of rendered) {
        const fact = stored.get(quote.evidenceId);
        expect(quote.quote, `${format} #${quote.evidenceId}`).toBe(fact?.quote);
        expect(quote.caption, `${format} #${quote.evidenceId}`).toContain(fact?.place);
      }
    }
    expect(quotesInHtml(renderAccountHtml(report)).find((quote) => quote.evidenceId === "3")?.quote).toBe(HOSTILE_QUOTE);
  });

  it("is one valid, self-contained HTML file with no external reference", async () => {
    const html = renderAccountHtml(buildAccountReport(reportSourcesFixture(rules)));
    expect(await htmlProblems(html)).toEqual([]);
    const external = referencesIn(html).filter((reference) => !reference.startsWith("#"));
    expect(external).toEqual([]);
    expect(html).not.toMatch(/<(script|link|img|iframe)\b/i);
    // The hostile quote's link is text, not a link.
    expect(html).not.toContain('href="http');
  });

  it("draws the timeline with a legend, dates and one mark per lane and day", () => {
    const report = buildAccountReport(reportSourcesFixture(rules));
    const html = renderAccountHtml(report);
    const svg = /<svg class="chart"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? "";
    for (const text of ["Customer said:", "Usage", "Relationship", "Value", "Risk", "Vendor said (not pull)", "report day 2026-11-23", "Sep", "Oct", "Nov"]) expect(svg).toContain(text);
    const marks = new Set(report.timeline.points.map((point) => `${point.lane}:${point.day}`));
    expect((svg.match(/<g><title>/g) ?? []).length).toBe(marks.size);
    // Usage over time: one small chart per metric, licensed seats as the reference line.
    expect(html).toContain("100 licensed seats");
    expect((html.match(/class="chart usage-chart"/g) ?? []).length).toBe(2);
  });
});
