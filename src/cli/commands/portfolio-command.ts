import path from "node:path";
import type { Command } from "commander";
import { today } from "../../hypotheses/assess-account.js";
import { buildAccountReport } from "../../report/build-account-report.js";
import { buildPortfolio } from "../../report/build-portfolio.js";
import { gatherReportSources } from "../../report/gather-report-sources.js";
import { renderAccountHtml } from "../../report/render-account-html.js";
import { renderPortfolioHtml, renderPortfolioMarkdown, renderPortfolioTable } from "../../report/render-portfolio.js";
import { appReportReader } from "../../report/app-report-reader.js";
import { contextFor, type ContextDependencies } from "../command-context.js";
import { checkedDay, formatOf, writeOutput } from "./report-command.js";

interface PortfolioOptions {
  format?: string;
  out?: string;
  asOf?: string;
  renewalBefore?: string;
  withReports?: boolean;
}

export function registerPortfolioCommand(program: Command, dependencies: ContextDependencies): void {
  program
    .command("portfolio")
    .description(
      "every account on one page, soonest renewal first: verdict, supported expansion, blocking risks, champion status, " +
        "hypotheses awaiting review, and (html) a link to each account's report",
    )
    .option("--format <format>", "table (default), md or html")
    .option("--out <file>", "write to this file instead of stdout")
    .option("--as-of <date>", "decide readiness as of this day, YYYY-MM-DD (default: today); nothing is recorded")
    .option("--renewal-before <date>", "only accounts renewing before this day")
    .option("--with-reports", "with --out: also write each account's HTML report next to the portfolio, where its link points")
    .addHelpText(
      "after",
      [
        "",
        "Examples:",
        "  evidence portfolio --as-of 2026-11-23",
        "  evidence portfolio --renewal-before 2027-04-01 --format md",
        "  evidence portfolio --as-of 2026-11-23 --out reports/index.html --with-reports",
      ].join("\n"),
    )
    .action(async (options: PortfolioOptions, command: Command) => {
      const context = contextFor(command, dependencies);
      const format = formatOf(options.format, options.out, ["table", "md", "html"], "table");
      const asOf = checkedDay(options.asOf ?? today(), "--as-of");
      const renewalBefore = options.renewalBefore === undefined ? undefined : checkedDay(options.renewalBefore, "--renewal-before");
      const { portfolio, reports } = await context.run(async (services) => {
        const reader = appReportReader(services);
        const portfolio = await buildPortfolio(reader, { asOf, renewalBefore });
        const reports =
          options.withReports === true && options.out !== undefined
            ? await Promise.all(portfolio.rows.map(async (row) => ({ row, report: buildAccountReport(await gatherReportSources(reader, row.accountId, { asOf })) })))
            : [];
        return { portfolio, reports };
      });
      const text = format === "html" ? renderPortfolioHtml(portfolio) : format === "md" ? renderPortfolioMarkdown(portfolio) : renderPortfolioTable(portfolio);
      if (options.out === undefined) {
        context.output.result(portfolio, () => text.trimEnd());
        return;
      }
      const file = await writeOutput(dependencies.workingDirectory, options.out, text);
      const written = [file];
      for (const { row, report } of reports) {
        written.push(await writeOutput(dependencies.workingDirectory, path.join(path.dirname(options.out), row.reportLink), renderAccountHtml(report)));
      }
      context.output.result({ files: written, format, accounts: portfolio.rows.length }, () => `Wrote ${written.length === 1 ? file : `${file} and ${written.length - 1} account reports beside it`}.`);
    });
}
