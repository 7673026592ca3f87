import { describe, expect, it } from "vitest";
import type { EvalReport } from "./report-model.js";
import { renderHtml, renderMarkdown } from "./render-report.js";

const hostile = `<script>alert("x")</script> & a | pipe`;
const report: EvalReport = {
  title: `Eval <b>`,
  createdAt: "2026-11-23T10:00:00.000Z",
  sections: [{ heading: "Examples", paragraphs: [hostile], list: [hostile], tables: [{ headers: ["quote"], rows: [[hostile]] }, { headers: ["nothing"], rows: [] }] }],
};

describe("report rendering", () => {
  it("escapes every piece of text in the HTML", async () => {
    const page = await renderHtml(report);
    expect(page).not.toContain("<script>");
    expect(page).not.toContain("<b>");
    expect(page).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; a | pipe");
    expect(page.match(/<td>/g)).toHaveLength(1);
    expect(page).toContain("nothing: none.");
  });

  it("keeps Markdown tables intact whatever the quote holds", () => {
    const markdown = renderMarkdown(report);
    expect(markdown).toContain("| \\<script\\>alert(\"x\")\\</script\\> & a \\| pipe |");
    expect(markdown).toContain("_nothing: none._");
    expect(markdown.startsWith("# Eval \\<b\\>")).toBe(true);
  });
});
