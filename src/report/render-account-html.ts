import type { GateStatus } from "../rules/readiness-contract.js";
import { money } from "./build-account-report.js";
import { timelineChart } from "./charts/timeline-chart.js";
import { usageChart } from "./charts/usage-chart.js";
import { escapeHtml as e } from "./escape-html.js";
import { VERDICT_TITLES } from "./gate-wording.js";
import type { AccountReport, ApprovalState, BriefField, HypothesisBrief, ReportQuote } from "./report-model.js";
import { REPORT_CSS } from "./report-styles.js";

const STATUS_TEXT: Record<GateStatus, string> = { pass: "✓ PASS", fail: "✗ FAIL", unknown: "? UNKNOWN" };

export function statusBadge(status: GateStatus): string {
  return `<span class="status status-${status}">${STATUS_TEXT[status]}</span>`;
}

export function day(iso: string | null): string {
  return iso === null ? "-" : iso.slice(0, 10);
}

function who(quote: ReportQuote): string {
  return `${quote.speaker ?? "unnamed speaker"} (${quote.speakerRole})`;
}

/** One stored quote and its citation. `data-evidence` lets a reader (and a test) trace it to its row. */
export function quoteHtml(quote: ReportQuote, options: { anchor?: boolean; showSignal?: boolean } = {}): string {
  const id = options.anchor === true ? ` id="evidence-${e(quote.evidenceId)}"` : "";
  const signal = options.showSignal === false ? "" : ` · ${e(quote.signalTitle)}`;
  return (
    `<figure class="quote quote-${quote.speakerRole}"${id}>` +
    `<blockquote data-evidence="${e(quote.evidenceId)}">${e(quote.quote)}</blockquote>` +
    `<figcaption>${e(who(quote))}, ${e(quote.place)}${quote.place.includes(day(quote.occurredAt)) ? "" : ` (${day(quote.occurredAt)})`}${signal} · evidence #${e(quote.evidenceId)}</figcaption>` +
    "</figure>"
  );
}

function quotes(list: readonly ReportQuote[], options: { showSignal?: boolean } = {}): string {
  return list.map((quote) => quoteHtml(quote, options)).join("");
}

function moreLinks(ids: readonly string[]): string {
  return ids.map((id) => `<a href="#evidence-${e(id)}">#${e(id)}</a>`).join(", ");
}

function field(item: BriefField): string {
  const value = item.value === null ? `<span class="missing">missing</span> ${e(item.missingHint ?? "")}` : e(item.value);
  return `<div><dt>${e(item.label)}</dt><dd>${value}</dd></div>`;
}

function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

function factsHtml(report: AccountReport): string {
  const account = report.account;
  const seats =
    account.licensedSeats === null
      ? "not recorded"
      : account.activeUsers === null
        ? `${account.licensedSeats} licensed; no usage data`
        : `${account.activeUsers.value} of ${account.licensedSeats} active${account.utilisation === null ? "" : ` (${percent(account.utilisation)})`}`;
  const renewal =
    account.renewalDate === null ? "not recorded" : `${account.renewalDate}${account.daysToRenewal === null ? "" : ` (in ${account.daysToRenewal} days)`}`;
  const items: [string, string][] = [
    ["Tier", account.tier + (account.addOns.length === 0 ? "" : ` + ${account.addOns.join(", ")}`)],
    ["ARR", money(account.arr)],
    ["Seats", seats],
    ["Renewal", renewal],
    ["Health", `${account.health}, trend ${account.healthTrend}`],
    ["Champion", account.champion ?? "not named"],
    ["Economic buyer", account.economicBuyer ?? "not named"],
    ["Usage measured", account.activeUsers === null ? "no data" : account.activeUsers.measuredOn],
  ];
  return `<dl class="facts">${items.map(([label, value]) => `<div><dt>${e(label)}</dt><dd>${e(value)}</dd></div>`).join("")}</dl>`;
}

function readinessHtml(report: AccountReport): string {
  const readiness = report.readiness;
  const gates = readiness.gates
    .map((gate) => {
      const data = gate.data.length === 0 ? "" : `<p class="data">${gate.data.map((item) => `${e(item.label)}: ${e(item.value)}`).join(" · ")}</p>`;
      const evidence =
        (gate.evidence.length === 0 ? "" : `<div class="quotes-compact">${quotes(gate.evidence)}</div>`) +
        (gate.moreEvidenceIds.length === 0 ? "" : `<p class="muted small">Also: ${moreLinks(gate.moreEvidenceIds)} (quoted under Signals).</p>`);
      return (
        `<li class="gate" id="gate-${gate.id}"><div>${statusBadge(gate.status)}</div><div>` +
        `<h3>${e(gate.title)} <span class="muted small">(${gate.id})</span></h3>` +
        gate.reasons.map((reason) => `<p>${e(reason)}</p>`).join("") +
        data +
        evidence +
        "</div></li>"
      );
    })
    .join("");
  const pull =
    readiness.expansionTypes.length === 0
      ? "<p>No expansion type is supported by corroborated customer-side evidence.</p>"
      : `<ul>${readiness.expansionTypes
          .map((support) => `<li><strong>${e(support.type.replace(/_/g, " "))}</strong>: ${e(support.signals.join(", "))}${support.note === null ? "" : `. ${e(support.note)}`}</li>`)
          .join("")}</ul>`;
  const risks =
    readiness.blockingRisks.length === 0
      ? "<p>None open.</p>"
      : `<ul>${readiness.blockingRisks
          .map((risk) => `<li><strong>${e(risk.signalTitle)}</strong> (weight ${risk.weight}): ${risk.evidenceIds.map((id) => `<a href="#evidence-${e(id)}">#${e(id)}</a>`).join(", ")}</li>`)
          .join("")}</ul>`;
  const notCounted =
    readiness.notCounted === 0
      ? ""
      : `<p class="muted small">${readiness.notCounted} evidence row${readiness.notCounted === 1 ? "" : "s"} said by the vendor or an unknown speaker did not count (seed 001: push, not pull).</p>`;
  return (
    `<ul class="gate-list">${gates}</ul>` +
    `<h3>Supported expansion types</h3>${pull}` +
    `<h3>Blocking risks</h3>${risks}` +
    notCounted +
    `<p class="muted small">Decided by rules, not by a model: rules ${e(readiness.rulesVersion)} (${e(readiness.rulesFile)}).</p>`
  );
}

function nextActionsHtml(report: AccountReport): string {
  if (report.nextActions.length === 0) return "<p>Every gate passes. The next step is a discovery conversation with the economic buyer, not a close (seed 004).</p>";
  return `<ul class="actions">${report.nextActions
    .map((action) => `<li>${statusBadge(action.status)} <strong>${e(action.title)}</strong>: ${e(action.action)}</li>`)
    .join("")}</ul>`;
}

function changesHtml(report: AccountReport): string {
  const changes = report.changes;
  if (changes.basis === "none") {
    return '<p class="changes-empty">No earlier assessment is recorded and no <code>--since</code> day was given, so there is nothing to compare with. Run <code>evidence readiness</code> to record one.</p>';
  }
  const basis =
    changes.basis === "flag"
      ? `Since ${e(changes.since ?? "")} (as asked).`
      : `Since the last recorded assessment #${e(changes.comparedWith?.assessmentId ?? "")} on ${e(day(changes.comparedWith?.recordedAt ?? null))} (as of ${e(changes.comparedWith?.asOf ?? "")}, verdict ${e(changes.comparedWith?.verdict ?? "")}).`;
  const parts = [`<p>${basis}</p>`];
  if (changes.verdictMoved !== null) parts.push(`<p><strong>Verdict moved:</strong> ${e(changes.verdictMoved.from)} → ${e(changes.verdictMoved.to)}</p>`);
  parts.push(
    "<h3>Gates that moved</h3>",
    changes.gatesMoved.length === 0
      ? '<p class="changes-empty">None.</p>'
      : `<ul>${changes.gatesMoved.map((gate) => `<li><strong>${e(gate.title)}</strong>: ${statusBadge(gate.from)} → ${statusBadge(gate.to)}</li>`).join("")}</ul>`,
    `<h3>New evidence (${changes.newEvidence.length})</h3>`,
    changes.newEvidence.length === 0 ? '<p class="changes-empty">None.</p>' : `<div class="quotes-compact">${quotes(changes.newEvidence)}</div>`,
    `<h3>Disputed evidence (${changes.disputed.length})</h3>`,
    changes.disputed.length === 0
      ? '<p class="changes-empty">None.</p>'
      : changes.disputed
          .map(
            (dispute) =>
              `<p>Marked wrong by ${e(dispute.by)} on ${day(dispute.at)}${dispute.comment === null ? "" : `: ${e(dispute.comment)}`}. The rules no longer read it.</p>${quoteHtml(dispute.quote)}`,
          )
          .join(""),
    "<h3>Hypotheses reviewed or gone stale</h3>",
    changes.hypothesisEvents.length === 0
      ? '<p class="changes-empty">None.</p>'
      : `<ul>${changes.hypothesisEvents
          .map(
            (event) =>
              `<li>#${e(event.hypothesisId)} ${e(event.expansionType.replace(/_/g, " "))}: <strong>${e(event.change)}</strong> by ${e(event.by)} on ${day(event.at)}${event.detail === null ? "" : `: ${e(event.detail)}`}</li>`,
          )
          .join("")}</ul>`,
  );
  return parts.join("");
}

function peopleHtml(report: AccountReport): string {
  const { champion, people } = report.people;
  const statusWords = { active: "ACTIVE", silent: "SILENT", leaving: "LEAVING", unknown: "NOT KNOWN" } as const;
  const head = `<p><strong>Champion${champion.name === null ? "" : `: ${e(champion.name)}`}</strong> <span class="status status-${champion.status === "active" ? "pass" : champion.status === "unknown" ? "unknown" : "fail"}">${statusWords[champion.status]}</span> ${e(champion.explanation)}</p>`;
  const rows = people
    .map((person) => {
      const latest = person.bySignal.flatMap((group) => group.quotes).sort((left, right) => left.occurredAt.localeCompare(right.occurredAt)).at(-1);
      const said =
        person.bySignal.length === 0
          ? '<span class="muted">not quoted in any evidence</span>'
          : `<ul class="by-signal">${person.bySignal
              .map((group) => `<li><strong>${e(group.signalTitle)}</strong> ×${group.quotes.length}: ${moreLinks(group.quotes.map((quote) => quote.evidenceId))}</li>`)
              .join("")}</ul>${latest === undefined ? "" : `<p class="muted small">Latest words:</p>${quoteHtml(latest)}`}`;
      return `<tr><td>${e(person.name)}<br><span class="muted small">${e(person.roles.join(", "))}</span></td><td class="nowrap">${day(person.lastQuoted)}</td><td>${said}</td></tr>`;
    })
    .join("");
  return `${head}<table class="people"><thead><tr><th>Person</th><th>Last quoted</th><th>What they said, by signal</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function signalsHtml(report: AccountReport): string {
  const parts: string[] = [];
  for (const category of report.signals.categories) {
    parts.push(`<h3>${e(category.title)}</h3>`);
    if (category.signals.length === 0) {
      parts.push(`<p class="category-empty">No customer-side ${e(category.title.toLowerCase())} signal.</p>`);
      continue;
    }
    for (const signal of category.signals) {
      parts.push(
        `<div class="signal"><h4>${e(signal.signalTitle)} <span class="count">(${signal.quotes.length})</span></h4>${signal.quotes.map((quote) => quoteHtml(quote, { anchor: true, showSignal: false })).join("")}</div>`,
      );
    }
  }
  const { vendorSpeech, unknownSpeech } = report.signals;
  parts.push(
    '<div class="apart">',
    `<h3>What the vendor said (${vendorSpeech.length}): never counted as pull</h3>`,
    vendorSpeech.length === 0 ? '<p class="muted">Nothing.</p>' : vendorSpeech.map((quote) => quoteHtml(quote, { anchor: true })).join(""),
    unknownSpeech.length === 0
      ? ""
      : `<h3>Speakers on neither side (${unknownSpeech.length}): not counted</h3>${unknownSpeech.map((quote) => quoteHtml(quote, { anchor: true })).join("")}`,
    "</div>",
  );
  return parts.join("");
}

function timelineHtml(report: AccountReport): string {
  const { timeline } = report;
  const usage =
    timeline.usage.length === 0
      ? '<p class="muted">No usage data for this account.</p>'
      : `<div class="usage-charts">${timeline.usage
          .map((series, index) => usageChart(series, `usage-${index}`, { from: series.points[0]?.day ?? timeline.from, to: timeline.to }))
          .join("")}</div>`;
  return `${timelineChart(timeline)}<h3>Usage over time</h3>${usage}`;
}

function approvalHtml(approval: ApprovalState): string {
  switch (approval.status) {
    case "draft":
      return "DRAFT: awaiting review";
    case "approved":
      return `APPROVED by ${e(approval.by ?? "unknown")} on ${day(approval.at)}${approval.comment === null ? "" : `: “${e(approval.comment)}”`}${approval.overrideReason === null ? "" : ` (override: ${e(approval.overrideReason)})`}`;
    case "rejected":
      return `REJECTED by ${e(approval.by ?? "unknown")} on ${day(approval.at)}${approval.comment === null ? "" : `: “${e(approval.comment)}”`}`;
    case "stale":
      return `STALE: ${e(approval.reason ?? "its evidence changed")}`;
  }
}

function briefHtml(report: AccountReport, brief: HypothesisBrief): string {
  const [first, ...rest] = brief.fields;
  const problem =
    brief.problemInTheirWords.length === 0
      ? '<p><span class="missing">missing</span> no customer quote states the problem</p>'
      : quotes(brief.problemInTheirWords) +
        (brief.moreProblemIds.length === 0 ? "" : `<p class="muted small">Also: ${moreLinks(brief.moreProblemIds)}.</p>`);
  const sections = brief.sections
    .map((section) => `<dt>${e(section.title)}</dt><dd>${e(section.text)}${section.evidenceIds.length === 0 ? "" : ` <span class="muted small">[${section.evidenceIds.map((id) => `#${e(id)}`).join(" ")}]</span>`}</dd>`)
    .join("");
  return (
    `<article class="brief" id="hypothesis-${e(brief.id)}">` +
    `<h3>${e(report.account.name)}: expansion brief #${e(brief.id)} (${e(String(brief.expansionType).replace(/_/g, " "))})</h3>` +
    `<p class="approval">${approvalHtml(brief.approval)}</p>` +
    `<dl>${first === undefined ? "" : field(first)}${rest.map(field).join("")}</dl>` +
    `<h4>Problem confirmed by the customer, in their own words</h4>${problem}` +
    `<h4>The hypothesis (drafted when the verdict was ${e(brief.verdictWhenDrafted)})</h4><dl class="sections">${sections}</dl>` +
    "</article>"
  );
}

function hypothesesHtml(report: AccountReport): string {
  if (report.hypotheses.length === 0) {
    return "<p>No hypothesis is drafted: no expansion type is supported by corroborated customer-side evidence. Nothing to bring to the QBR as an expansion ask.</p>";
  }
  const history =
    report.hypothesisHistory.length === 0
      ? ""
      : `<h3>Earlier hypotheses</h3><table><thead><tr><th>#</th><th>Type</th><th>Status</th><th>Note</th></tr></thead><tbody>${report.hypothesisHistory
          .map((item) => `<tr><td>${e(item.id)}</td><td>${e(item.expansionType.replace(/_/g, " "))}</td><td>${e(item.status)}</td><td>${e(item.note ?? "")}</td></tr>`)
          .join("")}</tbody></table>`;
  return report.hypotheses.map((brief) => briefHtml(report, brief)).join("") + history;
}

function roiHtml(report: AccountReport): string {
  const roi = report.roi;
  const rows = [roi.currentValue, roi.expansionCost, roi.expectedOutcome, roi.payback].map(field).join("");
  return (
    `<div class="brief"><dl>${rows}</dl>${roi.currentValueQuotes.length === 0 ? "" : `<div class="quotes-compact">${quotes(roi.currentValueQuotes)}</div>`}</div>` +
    `<h3>Gaps in the value story</h3><ul class="gaps">${roi.gaps.map((gap) => `<li>${e(gap)}</li>`).join("")}</ul>`
  );
}

const SECTIONS: readonly [string, string][] = [
  ["facts", "Account facts"],
  ["next-actions", "Next customer actions"],
  ["readiness", "Readiness, gate by gate"],
  ["changes", "What changed"],
  ["people", "People"],
  ["signals", "Signals, in their words"],
  ["timeline", "Over time"],
  ["expansion", "Expansion brief"],
  ["roi", "ROI frame"],
];

/**
 * The report as one self-contained HTML file: inline CSS and SVG, no script, no external reference.
 * Every piece of text that came from data is escaped.
 *
 * @example await writeFile("brightpath.html", renderAccountHtml(report));
 */
export function renderAccountHtml(report: AccountReport): string {
  const { account, readiness } = report;
  const body: Record<string, string> = {
    facts: factsHtml(report),
    readiness: readinessHtml(report),
    "next-actions": nextActionsHtml(report),
    changes: changesHtml(report),
    people: peopleHtml(report),
    signals: signalsHtml(report),
    timeline: timelineHtml(report),
    expansion: hypothesesHtml(report),
    roi: roiHtml(report),
  };
  const toc = `<nav class="toc" aria-label="Sections">${SECTIONS.map(([id, title]) => `<a href="#${id}">${e(title)}</a>`).join("")}</nav>`;
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(account.name)}: pre-QBR report ${e(report.asOf)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    "</head>",
    "<body>",
    "<header>",
    `<h1>${e(account.name)}</h1>`,
    `<p class="subtitle">Pre-QBR evidence report · as of ${e(report.asOf)} · account <code>${e(account.id)}</code></p>`,
    `<div class="verdict verdict-${readiness.verdict}"><span class="label">${e(VERDICT_TITLES[readiness.verdict].toUpperCase())}</span><p>${e(readiness.headline)}</p></div>`,
    toc,
    "</header>",
    "<main>",
    ...SECTIONS.map(([id, title]) => `<section id="${id}"><h2>${e(title)}</h2>${body[id] ?? ""}</section>`),
    "</main>",
    `<footer>Every quote is a stored quote checked word for word against its source; the place after each one says where it was said. Readiness is decided by rules ${e(readiness.rulesVersion)}, never by a model. Generated ${e(report.generatedAt)} by evidence.</footer>`,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
