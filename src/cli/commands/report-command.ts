import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Command } from "commander";
import { ConfigError } from "../../errors.js";
import { today } from "../../hypotheses/assess-account.js";
import { buildAccountReport } from "../../report/build-account-report.js";
import { gatherReportSources } from "../../report/gather-report-sources.js";
import { renderAccountHtml } from "../../report/render-account-html.js";
import { renderAccountMarkdown } from "../../report/render-account-markdown.js";
import { appReportReader } from "../../report/app-report-reader.js";
import { contextFor, type ContextDependencies } from "../command-context.js";

interface ReportOptions {
  format?: string;
  out?: string;
  asOf?: string;
  since?: string;
}

/** A YYYY-MM-DD day from an option, or a ConfigError naming the option. */
export function checkedDay(value: string, option: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new ConfigError(`${option} "${value}" is not a date: use YYYY-MM-DD, e.g. ${option} 2026-11-23.`);
  }
  return value;
}

/** The format asked for, or the one the output file's extension names, or the fallback. */
export function formatOf(format: string | undefined, out: string | undefined, allowed: readonly string[], fallback: string): string {
  const fromFile = out === undefined ? undefined : { ".html": "html", ".htm": "html", ".md": "md" }[path.extname(out).toLowerCase()];
  const chosen = format ?? fromFile ?? fallback;
  if (!allowed.includes(chosen)) throw new ConfigError(`--format "${chosen}" is not one of ${allowed.join(", ")}.`);
  return chosen;
}

export async function writeOutput(workingDirectory: string, out: string, text: string): Promise<string> {
  const file = path.resolve(workingDirectory, out);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text, "utf8");
  return file;
}

export function registerReportCommand(program: Command, dependencies: ContextDependencies): void {
  program
    .command("report <account>")
    .description(
      "the pre-QBR evidence report of one account: facts, readiness gate by gate, people, signals in their words, " +
        "a timeline, the expansion brief, the ROI frame, what changed and the next customer actions",
    )
    .option("--format <format>", "html (one self-contained file, prints on A4 and Letter) or md (default: from --out, else html)")
    .option("--out <file>", "write the report to this file instead of stdout")
    .option("--as-of <date>", "decide readiness as of this day, YYYY-MM-DD (default: today); nothing is recorded")
    .option("--since <date>", "what changed since this day (default: since the last recorded assessment)")
    .addHelpText(
      "after",
      [
        "",
        "Every quote is a stored quote, checked word for word against its source; customer text is escaped.",
        "",
        "Examples:",
        "  evidence report brightpath-logistics --as-of 2026-11-23 --out reports/brightpath-logistics.html",
        "  evidence report kestrel-credit-union --format md --since 2026-11-01",
      ].join("\n"),
    )
    .action(async (accountId: string, options: ReportOptions, command: Command) => {
      const context = contextFor(command, dependencies);
      const format = formatOf(options.format, options.out, ["html", "md"], "html");
      const asOf = checkedDay(options.asOf ?? today(), "--as-of");
      const since = options.since === undefined ? undefined : checkedDay(options.since, "--since");
      const report = await context.run(async (services) =>
        buildAccountReport(await gatherReportSources(appReportReader(services), accountId, { asOf, since })),
      );
      const text = format === "html" ? renderAccountHtml(report) : renderAccountMarkdown(report);
      if (options.out === undefined) {
        context.output.result(report, () => text.trimEnd());
        return;
      }
      const file = await writeOutput(dependencies.workingDirectory, options.out, text);
      context.output.result({ file, format, accountId, verdict: report.readiness.verdict }, () => `Wrote ${file} (${format}, verdict ${report.readiness.verdict}).`);
    });
}
