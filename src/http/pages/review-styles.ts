/**
 * The review page's one stylesheet, served from /assets/review.css (the content security policy allows no
 * inline style). System fonts, high contrast (text #1a1a1a on white, 16:1), a visible focus ring on every
 * control, and nothing that needs JavaScript.
 */
export const REVIEW_CSS = `
:root { --ink: #1a1a1a; --muted: #4a4a4a; --line: #c9c9c9; --paper: #ffffff; --panel: #f5f5f2; --accent: #0b4f9c;
  --pass: #1d6b2f; --fail: #a4161a; --unknown: #6b5200; --focus: #ffbf47; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--paper); }
a { color: var(--accent); }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; box-shadow: 0 0 0 5px var(--ink); }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: var(--paper); padding: .5rem; z-index: 2; }
header.site { display: flex; flex-wrap: wrap; gap: 1rem 2rem; align-items: center; padding: .75rem 1.5rem; border-bottom: 1px solid var(--line); background: var(--panel); }
header.site .brand { font-weight: 700; color: var(--ink); text-decoration: none; }
header.site nav { display: flex; gap: 1.25rem; flex: 1; }
header.site .who { color: var(--muted); font-size: .95rem; display: flex; gap: .75rem; align-items: baseline; }
header.site .who form { margin: 0; }
main { max-width: 72rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .4rem; }
.lede { color: var(--muted); margin: 0 0 1.25rem; }
.notice { border-left: 4px solid var(--pass); background: #eef6ef; padding: .6rem 1rem; margin: 0 0 1.25rem; }
.problem { border-left: 4px solid var(--fail); background: #fbeeee; padding: .6rem 1rem; margin: 0 0 1.25rem; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 1rem 1.25rem; margin: 0 0 1.5rem; }
.card > header { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: baseline; }
.card > header h2 { margin: 0; }
.meta { color: var(--muted); font-size: .95rem; }
.badge { display: inline-block; padding: .05rem .5rem; border-radius: 999px; border: 1px solid currentColor; font-size: .85rem; font-weight: 600; white-space: nowrap; }
.verdict-ready, .status-pass { color: var(--pass); }
.verdict-fix_footprint, .status-fail { color: var(--fail); }
.verdict-no_pull, .verdict-insufficient_evidence, .status-unknown { color: var(--unknown); }
ul.gates { list-style: none; padding: 0; margin: 0; }
ul.gates > li { padding: .4rem 0; border-top: 1px solid var(--line); display: grid; grid-template-columns: 9.5rem 1fr; gap: .75rem; }
ul.gates .gate-name { font-weight: 600; }
ul.gates ul { margin: 0; padding-left: 1.1rem; }
dl.sections { display: grid; grid-template-columns: 14rem 1fr; gap: .35rem 1rem; margin: 0; }
dl.sections dt { font-weight: 600; }
dl.sections dd { margin: 0; }
figure.quote { margin: .75rem 0; padding: .6rem .9rem; background: var(--panel); border-left: 4px solid var(--accent); }
figure.quote figcaption { font-size: .9rem; color: var(--muted); margin-bottom: .35rem; }
.turn { margin: .2rem 0; }
.turn .speaker { font-weight: 600; }
.turn.other { color: var(--muted); }
mark { background: #fff1a8; color: var(--ink); padding: 0 .1rem; }
form.review { display: grid; gap: .5rem; margin-top: 1rem; padding-top: 1rem; border-top: 1px solid var(--line); }
label { font-weight: 600; }
textarea, input[type=text], input[type=password], input[type=search] { font: inherit; width: 100%; padding: .45rem .6rem; border: 1px solid #767676; border-radius: 4px; color: var(--ink); background: var(--paper); }
textarea { min-height: 4.5rem; }
.actions { display: flex; flex-wrap: wrap; gap: .75rem; }
button { font: inherit; font-weight: 600; padding: .45rem 1rem; border-radius: 4px; border: 2px solid var(--ink); background: var(--paper); color: var(--ink); cursor: pointer; }
button.approve { background: var(--pass); border-color: var(--pass); color: #fff; }
button.reject { border-color: var(--fail); color: var(--fail); }
button.small { padding: .15rem .6rem; font-size: .9rem; }
button.link { border: 0; background: none; color: var(--accent); text-decoration: underline; padding: 0; font-weight: 400; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .45rem .5rem; border-bottom: 1px solid var(--line); }
th { font-size: .9rem; color: var(--muted); }
tr.disputed td { color: var(--muted); text-decoration: line-through; }
tr.disputed td.keep { text-decoration: none; }
.facts { display: flex; flex-wrap: wrap; gap: .5rem 2rem; margin: .5rem 0 1rem; padding: 0; list-style: none; }
.facts li span { color: var(--muted); }
form.ask { display: flex; gap: .5rem; align-items: end; }
form.ask div { flex: 1; }
.answer p { margin: .5rem 0; }
.answer sup a { text-decoration: none; font-weight: 600; }
ol.sources li { margin: .35rem 0; }
caption.hint { caption-side: bottom; text-align: left; padding-top: .5rem; }
details.dispute summary { white-space: nowrap; cursor: pointer; font-weight: 600; color: var(--accent); }
details.dispute form { display: grid; gap: .35rem; margin-top: .4rem; min-width: 14rem; }
.asked { color: var(--muted); margin: 0; }
section.answer { margin-bottom: 2rem; }
.empty { color: var(--muted); font-style: italic; }
.hint { color: var(--muted); font-size: .9rem; margin: 0; }
`;
