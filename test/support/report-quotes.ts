import { HtmlValidate } from "html-validate";

export interface RenderedQuote {
  readonly evidenceId: string;
  readonly quote: string;
  /** The citation line or caption as rendered (unescaped). */
  readonly caption: string;
}

function unescapeHtml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

/** Every quote an HTML report shows, read back from its markup (blockquote with data-evidence, then its caption). */
export function quotesInHtml(html: string): RenderedQuote[] {
  const pattern = /<blockquote data-evidence="([^"]+)">([\s\S]*?)<\/blockquote><figcaption>([\s\S]*?)<\/figcaption>/g;
  return [...html.matchAll(pattern)].map((match) => ({
    evidenceId: unescapeHtml(match[1] ?? ""),
    quote: unescapeHtml(match[2] ?? ""),
    caption: unescapeHtml((match[3] ?? "").replace(/<[^>]+>/g, "")),
  }));
}

/** CommonMark backslash escapes undone: what a Markdown viewer shows. */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, "$1");
}

/** Every quote a Markdown report shows: a blockquote whose last line cites `evidence #N`. */
export function quotesInMarkdown(markdown: string): RenderedQuote[] {
  const quotes: RenderedQuote[] = [];
  let block: string[] = [];
  for (const line of [...markdown.split("\n"), ""]) {
    if (line.startsWith("> ")) {
      block.push(line.slice(2));
      continue;
    }
    const caption = block.at(-1);
    const id = caption === undefined ? undefined : /evidence #(\d+)$/.exec(caption)?.[1];
    if (caption !== undefined && id !== undefined) {
      quotes.push({ evidenceId: id, quote: block.slice(0, -1).map(unescapeMarkdown).join("\n"), caption: unescapeMarkdown(caption) });
    }
    block = [];
  }
  return quotes;
}

/** Every src, href, url() and @import target in an HTML file, for the "no external reference" check. */
export function referencesIn(html: string): string[] {
  return [
    ...[...html.matchAll(/\b(?:src|href|xlink:href|action|poster|srcset)\s*=\s*"([^"]*)"/gi)].map((match) => match[1] ?? ""),
    ...[...html.matchAll(/url\(\s*['"]?([^'")]*)/gi)].map((match) => match[1] ?? ""),
    ...[...html.matchAll(/@import\s+['"]?([^'";\s]+)/gi)].map((match) => match[1] ?? ""),
  ];
}

// The recommended rules, less one about search-engine titles: a long account name is not invalid HTML.
const validator = new HtmlValidate({ extends: ["html-validate:recommended"], rules: { "long-title": "off" } });

/** html-validate's recommended rules; returns the messages (empty when valid). */
export async function htmlProblems(html: string): Promise<string[]> {
  const report = await validator.validateString(html);
  return report.results.flatMap((result) => result.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}: ${message.message}`));
}
