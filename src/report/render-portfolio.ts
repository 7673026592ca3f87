import { money } from "./build-account-report.js";
import { escapeHtml as e } from "./escape-html.js";
import { escapeMarkdown as m } from "./render-account-markdown.js";
import type { ChampionStatus, PortfolioReport, PortfolioRow } from "./report-model.js";
import { REPORT_CSS } from "./report-styles.js";

const CHAMPION_WORDS: Record<ChampionStatus, string> = { active: "active", silent: "silent", leaving: "LEAVING", unknown: "not known" };

function types(row: PortfolioRow): string {
  return row.expansionTypes.length === 0 ? "-" : row.expansionTypes.map((type) => type.replace(/_/g, " ")).join(", ");
}

function scope(report: PortfolioReport): string {
  return `${report.rows.length} account${report.rows.length === 1 ? "" : "s"}${report.renewalBefore === null ? "" : ` renewing before ${report.renewalBefore}`}, soonest renewal first; readiness as of ${report.asOf}`;
}

const PORTFOLIO_CSS = `
body { max-width: 1280px; }
@page { size: landscape; }
.portfolio td, .portfolio th { font-size: 0.9rem; }
.portfolio .verdict-cell { font-weight: 700; white-space: nowrap; }
.portfolio .verdict-cell .mark { display: inline-block; width: 1.2em; }
.portfolio .leaving { font-weight: 700; }
@media print { .portfolio a { text-decoration: underline; } }
`;

const VERDICT_MARKS: Record<PortfolioRow["verdict"], string> = { ready: "✓", fix_footprint: "✗", no_pull: "–", insufficient_evidence: "?" };

/** Verdicts short enough for a table cell. */
const VERDICT_SHORT: Record<PortfolioRow["verdict"], string> = {
  ready: "Ready",
  fix_footprint: "Fix footprint first",
  no_pull: "No customer pull",
  insufficient_evidence: "Insufficient evidence",
};

/**
 * The portfolio as one self-contained HTML page: one row per account with a link to its report file.
 *
 * @example await writeFile("reports/index.html", renderPortfolioHtml(portfolio));
 */
export function renderPortfolioHtml(report: PortfolioReport): string {
  const rows = report.rows
    .map(
      (row) =>
        "<tr>" +
        `<td><a href="${e(row.reportLink)}">${e(row.name)}</a></td>` +
        `<td class="nowrap">${e(row.renewalDate ?? "-")}</td>` +
        `<td class="num">${money(row.arr)}</td>` +
        `<td class="verdict-cell"><span class="mark">${VERDICT_MARKS[row.verdict]}</span>${e(VERDICT_SHORT[row.verdict])}</td>` +
        `<td>${e(types(row))}</td>` +
        `<td>${e(row.blockingRisks.length === 0 ? "-" : row.blockingRisks.join(", "))}</td>` +
        `<td>${e(row.champion ?? "not named")}<br><span class="${row.championStatus === "leaving" ? "leaving" : "muted small"}">${e(CHAMPION_WORDS[row.championStatus])}</span></td>` +
        `<td class="num">${row.awaitingReview === 0 ? "-" : String(row.awaitingReview)}</td>` +
        "</tr>",
    )
    .join("");
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>Portfolio: expansion readiness as of ${e(report.asOf)}</title>`,
    `<style>${REPORT_CSS}${PORTFOLIO_CSS}</style>`,
    "</head>",
    "<body>",
    "<header>",
    "<h1>Portfolio: expansion readiness</h1>",
    `<p class="subtitle">${e(scope(report))}.</p>`,
    "</header>",
    "<main>",
    report.rows.length === 0
      ? "<p>No account matches.</p>"
      : `<table class="portfolio"><thead><tr><th>Account</th><th>Renewal</th><th>ARR</th><th>Verdict</th><th>Supported expansion</th><th>Blocking risks</th><th>Champion</th><th>Drafts to review</th></tr></thead><tbody>${rows}</tbody></table>`,
    '<p class="muted small">Verdict marks: ✓ ready · ✗ fix the footprint first · – no customer pull · ? insufficient evidence. Each name links to the account\'s pre-QBR report.</p>',
    "</main>",
    `<footer>Readiness decided by rules ${e(report.rulesVersion ?? "-")}, never by a model. Generated ${e(report.generatedAt)} by evidence.</footer>`,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

/** The portfolio as a Markdown table, each account linking to its report. */
export function renderPortfolioMarkdown(report: PortfolioReport): string {
  const lines = [
    "# Portfolio: expansion readiness",
    "",
    `${m(scope(report))}.`,
    "",
    "| Account | Renewal | ARR | Verdict | Supported expansion | Blocking risks | Champion | Drafts to review |",
    "|---|---|---|---|---|---|---|---|",
    ...report.rows.map(
      (row) =>
        `| [${m(row.name)}](${row.reportLink.replace(/[()\s]/g, encodeURIComponent)}) | ${row.renewalDate ?? "-"} | ${money(row.arr)} | ${VERDICT_MARKS[row.verdict]} ${VERDICT_SHORT[row.verdict]} | ${m(types(row))} | ${m(row.blockingRisks.join(", ") || "-")} | ${m(row.champion ?? "not named")}: ${CHAMPION_WORDS[row.championStatus]} | ${row.awaitingReview === 0 ? "-" : row.awaitingReview} |`,
    ),
    "",
    `Readiness decided by rules ${m(report.rulesVersion ?? "-")}, never by a model.`,
    "",
  ];
  return lines.join("\n");
}

/** The portfolio as a terminal table, columns padded, at most one line per account. */
export function renderPortfolioTable(report: PortfolioReport): string {
  const header = ["account", "renewal", "ARR", "verdict", "expansion", "blocking risks", "champion", "drafts"];
  const cells = report.rows.map((row) => [
    row.accountId,
    row.renewalDate ?? "-",
    money(row.arr),
    row.verdict,
    types(row),
    row.blockingRisks.join(", ") || "-",
    `${row.champion ?? "not named"} (${CHAMPION_WORDS[row.championStatus]})`,
    row.awaitingReview === 0 ? "-" : String(row.awaitingReview),
  ]);
  const widths = header.map((title, index) => Math.max(title.length, ...cells.map((row) => (row[index] ?? "").length)));
  const line = (row: readonly string[]) => row.map((cell, index) => cell.padEnd(widths[index] ?? 0)).join("  ").trimEnd();
  return [`Portfolio: ${scope(report)}`, "", line(header), ...cells.map(line), ...(cells.length === 0 ? ["(no account matches)"] : [])].join("\n");
}
