import { html } from "hono/html";
import type { EvalReport, ReportTable } from "./report-model.js";

/** Markdown table cells cannot hold pipes or line breaks; everything else is shown as written. */
function markdownCell(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/[\r\n]+/g, " ").replace(/([<>`*_[\]])/g, "\\$1");
}

function markdownTable(table: ReportTable): string {
  if (table.rows.length === 0) return `_${markdownCell(table.headers[0] ?? "")}: none._`;
  const lines = [`| ${table.headers.map(markdownCell).join(" | ")} |`, `|${table.headers.map(() => " --- ").join("|")}|`];
  for (const row of table.rows) lines.push(`| ${row.map(markdownCell).join(" | ")} |`);
  return lines.join("\n");
}

/** The report as Markdown (GitHub flavour): headings, paragraphs, bullet lists and tables. */
export function renderMarkdown(report: EvalReport): string {
  const parts = [`# ${markdownCell(report.title)}`, `Run at ${report.createdAt}.`];
  for (const section of report.sections) {
    parts.push(`## ${markdownCell(section.heading)}`);
    for (const paragraph of section.paragraphs ?? []) parts.push(markdownCell(paragraph));
    if ((section.list ?? []).length > 0) parts.push((section.list ?? []).map((item) => `- ${markdownCell(item)}`).join("\n"));
    for (const table of section.tables ?? []) parts.push(markdownTable(table));
  }
  return `${parts.join("\n\n")}\n`;
}

/** The report as one self-contained HTML page; every piece of text goes through hono's escaping `html`. */
export async function renderHtml(report: EvalReport): Promise<string> {
  const table = (item: ReportTable) =>
    item.rows.length === 0
      ? html`<p class="empty">${item.headers[0] ?? ""}: none.</p>`
      : html`<table>
          <thead><tr>${item.headers.map((header) => html`<th>${header}</th>`)}</tr></thead>
          <tbody>${item.rows.map((row) => html`<tr>${row.map((cell) => html`<td>${cell}</td>`)}</tr>`)}</tbody>
        </table>`;
  const page = html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${report.title}</title>
    <style>
      body { font: 14px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #1d232a; }
      table { border-collapse: collapse; margin: 0.75rem 0 1.5rem; width: 100%; }
      th, td { border: 1px solid #d5dbe1; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
      th { background: #f2f5f8; }
      tbody tr:nth-child(even) { background: #fafbfc; }
      .empty { color: #68737d; font-style: italic; }
    </style>
  </head>
  <body>
    <h1>${report.title}</h1>
    <p>Run at ${report.createdAt}.</p>
    ${report.sections.map(
      (section) => html`<section>
        <h2>${section.heading}</h2>
        ${(section.paragraphs ?? []).map((paragraph) => html`<p>${paragraph}</p>`)}
        ${(section.list ?? []).length === 0 ? "" : html`<ul>${(section.list ?? []).map((item) => html`<li>${item}</li>`)}</ul>`}
        ${(section.tables ?? []).map(table)}
      </section>`,
    )}
  </body>
</html>
`;
  return (await page).toString();
}
