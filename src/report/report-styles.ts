/**
 * The report's one stylesheet, inlined so the HTML file stands alone. Status and verdict never rely on
 * colour alone: each has a word, a symbol and a border style, so a grey-scale print reads the same.
 * No page size is forced: the same file prints on A4 and on Letter.
 */
export const REPORT_CSS = `
:root { --ink: #161616; --muted: #555; --rule: #c9c9c9; --soft: #f4f4f4; }
* { box-sizing: border-box; }
html { font-family: "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif; color: var(--ink); font-size: 14px; line-height: 1.45; }
body { margin: 0 auto; padding: 24px 28px 40px; max-width: 920px; background: #fff; }
h1 { font-size: 1.7rem; margin: 0 0 2px; }
h2 { font-size: 1.2rem; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--ink); }
h3 { font-size: 1.02rem; margin: 18px 0 6px; }
h4 { font-size: 0.95rem; margin: 12px 0 4px; }
p { margin: 6px 0; }
a { color: #1d4f91; }
.subtitle { color: var(--muted); margin: 0 0 14px; }
.muted { color: var(--muted); }
.small { font-size: 0.86rem; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 10px; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--rule); }
th { font-size: 0.82rem; text-transform: uppercase; letter-spacing: 0.03em; color: var(--muted); border-bottom: 1.5px solid var(--ink); }
td.num { text-align: right; white-space: nowrap; }
.nowrap { white-space: nowrap; }
.facts { display: grid; grid-template-columns: repeat(4, 1fr); gap: 0; border: 1px solid var(--rule); margin: 8px 0; }
.facts div { padding: 7px 10px; border-right: 1px solid var(--rule); border-bottom: 1px solid var(--rule); }
.facts dt { font-size: 0.76rem; text-transform: uppercase; letter-spacing: 0.03em; color: var(--muted); }
.facts dd { margin: 2px 0 0; font-weight: 600; }
.verdict { border: 2px solid var(--ink); padding: 12px 16px; margin: 10px 0 6px; display: flex; gap: 16px; align-items: center; }
.verdict .label { font-size: 1.15rem; font-weight: 700; white-space: nowrap; }
.verdict p { margin: 0; }
.verdict-ready { border-style: solid; border-width: 3px; }
.verdict-fix_footprint { border-style: double; border-width: 5px; }
.verdict-no_pull { border-style: dashed; }
.verdict-insufficient_evidence { border-style: dotted; border-width: 3px; }
.status { display: inline-block; min-width: 5.6em; text-align: center; font-weight: 700; font-size: 0.8rem; padding: 2px 6px; border: 1.5px solid var(--ink); border-radius: 3px; white-space: nowrap; }
.status-pass { background: #fff; }
.status-fail { background: var(--ink); color: #fff; }
.status-unknown { border-style: dashed; }
.gate-list { list-style: none; padding: 0; margin: 0; }
.gate { border-top: 1px solid var(--rule); padding: 8px 0 6px; display: grid; grid-template-columns: 7.2em 1fr; column-gap: 12px; }
.gate h3 { margin: 0 0 2px; font-size: 1rem; }
.gate .data { color: var(--muted); font-size: 0.84rem; }
.quote { margin: 6px 0 8px; padding: 4px 0 4px 12px; border-left: 3px solid var(--ink); break-inside: avoid; }
.quote blockquote { margin: 0; font-style: italic; }
.quote blockquote::before { content: "\\201C"; }
.quote blockquote::after { content: "\\201D"; }
.quote figcaption { font-size: 0.84rem; color: var(--muted); margin-top: 1px; }
.quote-vendor, .quote-unknown { border-left: 3px dashed var(--muted); }
.quote-vendor blockquote, .quote-unknown blockquote { color: #333; }
.quotes-compact .quote { margin: 4px 0; }
.signal { margin: 10px 0 12px; }
.signal h4 .count { font-weight: 400; color: var(--muted); }
.category-empty { color: var(--muted); font-style: italic; }
.apart { border: 1.5px dashed var(--muted); padding: 6px 14px 8px; margin-top: 14px; }
.apart h3 { margin-top: 6px; }
.people td:first-child { font-weight: 600; width: 11em; }
.by-signal { margin: 0 0 4px; padding-left: 1.1em; }
.by-signal li { margin: 1px 0; }
.chart { max-width: 100%; height: auto; display: block; }
.usage-charts { display: flex; flex-wrap: wrap; gap: 18px; margin-top: 8px; }
.usage-charts .chart { width: 340px; }
.brief { border: 1px solid var(--ink); padding: 10px 14px; margin: 12px 0 16px; }
.brief h3 { margin-top: 2px; }
.brief dl { margin: 6px 0; }
.brief dl > div { display: grid; grid-template-columns: 14em 1fr; column-gap: 12px; border-bottom: 1px solid #e4e4e4; }
.brief dt, .brief dd { padding: 4px 0; margin: 0; }
.brief .sections dt { margin-top: 6px; }
.brief dt { font-weight: 600; }
.missing { font-weight: 700; font-style: normal; text-transform: uppercase; font-size: 0.8rem; border: 1px dashed var(--ink); padding: 0 4px; }
.approval { font-weight: 600; }
.sections { margin: 8px 0 0; }
.sections dt { font-weight: 600; margin-top: 6px; }
.sections dd { margin: 0 0 4px; }
.gaps li { margin: 3px 0; }
.actions li { margin: 6px 0; }
.changes-empty { color: var(--muted); }
.toc { font-size: 0.88rem; margin: 4px 0 10px; }
.toc a { margin-right: 10px; white-space: nowrap; }
footer { margin-top: 30px; border-top: 1px solid var(--rule); padding-top: 8px; color: var(--muted); font-size: 0.82rem; }
@page { margin: 14mm 13mm 16mm; }
@media print {
  html { font-size: 10pt; }
  body { padding: 0; max-width: none; }
  .toc { display: none; }
  a { color: inherit; text-decoration: none; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  .gate, .quote, .brief dl div, tr, .verdict, .facts, .chart { break-inside: avoid; page-break-inside: avoid; }
  .status-fail { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  section.page-start { break-before: page; }
}
`;
