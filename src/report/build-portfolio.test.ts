import { beforeAll, describe, expect, it } from "vitest";
import { evaluateReadiness } from "../rules/evaluate-readiness.js";
import { loadRules } from "../rules/load-rules.js";
import type { LoadedRules } from "../rules/rules-schema.js";
import { FIXTURE_ACCOUNT, FIXTURE_AS_OF, FIXTURE_EVIDENCE } from "../../test/support/report-fixture.js";
import { buildPortfolio } from "./build-portfolio.js";
import type { ReportReader } from "./gather-report-sources.js";
import { renderPortfolioHtml, renderPortfolioMarkdown, renderPortfolioTable } from "./render-portfolio.js";
import { monthTicks, niceMaximum } from "./charts/chart-scale.js";

let rules: LoadedRules;
beforeAll(async () => {
  rules = await loadRules();
});

/** A reader over three invented accounts, one without a renewal date; every other call fails loudly. */
function fakeReader(): ReportReader & { assessed: string[] } {
  const accounts = [
    { ...FIXTURE_ACCOUNT, id: "late", name: "Late & Co", renewal_date: "2027-09-01" },
    { ...FIXTURE_ACCOUNT, id: "undated", name: "Undated Ltd", renewal_date: undefined },
    { ...FIXTURE_ACCOUNT, id: "soon", name: "Soon <Inc>", renewal_date: "2027-01-15" },
  ];
  const assessed: string[] = [];
  const unexpected = () => {
    throw new Error("the portfolio must not read this");
  };
  return {
    assessed,
    accountIds: async () => accounts.map((account) => account.id),
    async assess(accountId, asOf) {
      assessed.push(accountId);
      const account = accounts.find((item) => item.id === accountId) ?? FIXTURE_ACCOUNT;
      const evidence = accountId === "soon" ? FIXTURE_EVIDENCE.slice(0, 1) : FIXTURE_EVIDENCE;
      const result = evaluateReadiness({ account, usage: [], evidence, asOf }, rules);
      return { account, usage: [], result, evidence, notCounted: 0, rulesFile: "rules.yaml" };
    },
    hypotheses: async (accountId) =>
      accountId === "late"
        ? [{ id: "1", expansionType: "volume", verdict: "ready", status: "draft", statusReason: null, content: {}, evidenceIds: [], reviewedBy: null, reviewedAt: null, reviewComment: null, overrideReason: null, createdAt: "2026-11-01T00:00:00Z" }]
        : [],
    disputes: unexpected,
    auditEvents: unexpected,
    assessmentBefore: unexpected,
    nextCustomerActions: () => ({}),
  };
}

describe("the portfolio", () => {
  it("sorts by renewal, soonest first, accounts with no renewal date last", async () => {
    const portfolio = await buildPortfolio(fakeReader(), { asOf: FIXTURE_AS_OF, generatedAt: "2026-11-24T00:00:00Z" });
    expect(portfolio.rows.map((row) => [row.accountId, row.renewalDate])).toEqual([
      ["soon", "2027-01-15"],
      ["late", "2027-09-01"],
      ["undated", null],
    ]);
    expect(portfolio.rows.find((row) => row.accountId === "late")).toMatchObject({ verdict: "ready", expansionTypes: ["volume"], awaitingReview: 1, championStatus: "active", reportLink: "late.html" });
    expect(portfolio.rows.find((row) => row.accountId === "soon")?.verdict).not.toBe("ready");
  });

  it("keeps only accounts renewing before the given day", async () => {
    const portfolio = await buildPortfolio(fakeReader(), { asOf: FIXTURE_AS_OF, renewalBefore: "2027-09-01" });
    expect(portfolio.rows.map((row) => row.accountId)).toEqual(["soon"]);
    expect(renderPortfolioTable(portfolio)).toContain("1 account renewing before 2027-09-01");
  });

  it("renders the same rows as a table, Markdown and HTML with escaped names and report links", async () => {
    const portfolio = await buildPortfolio(fakeReader(), { asOf: FIXTURE_AS_OF });
    const html = renderPortfolioHtml(portfolio);
    expect(html).toContain('<a href="soon.html">Soon &lt;Inc&gt;</a>');
    expect(html.indexOf("soon.html")).toBeLessThan(html.indexOf("late.html"));
    expect(renderPortfolioMarkdown(portfolio)).toContain("[Soon \\<Inc>](soon.html)");
    const table = renderPortfolioTable(portfolio).split("\n");
    expect(table.findIndex((line) => line.startsWith("soon"))).toBeLessThan(table.findIndex((line) => line.startsWith("late")));
  });
});

describe("chart scales", () => {
  it("puts a tick on the first of each month, with the year on the first tick and on January", () => {
    expect(monthTicks("2026-10-15", "2027-02-10").map((tick) => tick.label)).toEqual(["Nov 2026", "Dec", "Jan 2027", "Feb"]);
    expect(monthTicks("2025-01-01", "2026-12-31", 12)).toHaveLength(12);
  });

  it("rounds an axis up to 1, 2, 2.5 or 5 times a power of ten", () => {
    expect([niceMaximum(0), niceMaximum(7), niceMaximum(126), niceMaximum(231), niceMaximum(480)]).toEqual([1, 10, 200, 250, 500]);
  });
});
