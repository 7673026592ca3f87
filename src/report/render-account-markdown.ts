import type { GateStatus } from "../rules/readiness-contract.js";
import { money } from "./build-account-report.js";
import { metricTitle } from "./charts/usage-chart.js";
import { VERDICT_TITLES } from "./gate-wording.js";
import type { AccountReport, ApprovalState, BriefField, HypothesisBrief, ReportQuote } from "./report-model.js";

const STATUS_TEXT: Record<GateStatus, string> = { pass: "✓ PASS", fail: "✗ FAIL", unknown: "? UNKNOWN" };

/**
 * Text made inert for Markdown, with as few backslashes as that takes so the raw file stays readable:
 * characters that start markup anywhere (`\\ \` * [ ] < | ~`), an underscore at a word edge, an `&` that
 * would start an entity, and `# + - > =` at the start of a line. CommonMark reads a backslashed
 * punctuation mark as the mark itself, so no customer text can become a tag, a link or a heading.
 *
 * @example escapeMarkdown("<script>*x*</script>") // "\\<script>\\*x\\*\\</script>"
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*[\]<|~]/g, "\\$&")
    .replace(/(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, "\\_")
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, "\\&")
    .replace(/^(\s*)([#+\->=])/gm, "$1\\$2")
    .replace(/^(\s*\d+)([.)])/gm, "$1\\$2");
}

const m = escapeMarkdown;

function day(iso: string | null): string {
  return iso === null ? "-" : iso.slice(0, 10);
}

/** A quote as a blockquote: its words, then a line with speaker, place and the evidence id. */
export function quoteMarkdown(quote: ReportQuote): string {
  const lines = quote.quote.split(/\r?\n/).map((line) => `> ${m(line)}`);
  const speaker = `${quote.speaker ?? "unnamed speaker"} (${quote.speakerRole})`;
  const when = quote.place.includes(day(quote.occurredAt)) ? "" : ` (${day(quote.occurredAt)})`;
  lines.push(`> — ${m(speaker)}, ${m(quote.place)}${when} · ${m(quote.signalTitle)} · evidence #${quote.evidenceId}`);
  return `${lines.join("\n")}\n`;
}

function quotes(list: readonly ReportQuote[]): string[] {
  return list.flatMap((quote) => [quoteMarkdown(quote)]);
}

function fieldLine(item: BriefField): string {
  return `- **${m(item.label)}:** ${item.value === null ? `**MISSING** (${m(item.missingHint ?? "")})` : m(item.value)}`;
}

function approvalText(approval: ApprovalState): string {
  switch (approval.status) {
    case "draft":
      return "DRAFT: awaiting review";
    case "approved":
      return `APPROVED by ${m(approval.by ?? "unknown")} on ${day(approval.at)}${approval.comment === null ? "" : `: "${m(approval.comment)}"`}${approval.overrideReason === null ? "" : ` (override: ${m(approval.overrideReason)})`}`;
    case "rejected":
      return `REJECTED by ${m(approval.by ?? "unknown")} on ${day(approval.at)}${approval.comment === null ? "" : `: "${m(approval.comment)}"`}`;
    case "stale":
      return `STALE: ${m(approval.reason ?? "its evidence changed")}`;
  }
}

function brief(report: AccountReport, item: HypothesisBrief): string[] {
  return [
    `### ${m(report.account.name)}: expansion brief #${item.id} (${m(String(item.expansionType).replace(/_/g, " "))})`,
    "",
    `**${approvalText(item.approval)}**`,
    "",
    ...item.fields.map(fieldLine),
    "",
    "**Problem confirmed by the customer, in their own words**",
    "",
    ...(item.problemInTheirWords.length === 0 ? ["**MISSING** (no customer quote states the problem)", ""] : quotes(item.problemInTheirWords)),
    ...(item.moreProblemIds.length === 0 ? [] : [`Also: ${item.moreProblemIds.map((id) => `#${id}`).join(", ")}.`, ""]),
    `**The hypothesis** (drafted when the verdict was ${m(item.verdictWhenDrafted)})`,
    "",
    ...item.sections.map(
      (section) => `- *${m(section.title)}:* ${m(section.text)}${section.evidenceIds.length === 0 ? "" : ` \\[${section.evidenceIds.map((id) => `#${id}`).join(" ")}\\]`}`,
    ),
    "",
  ];
}

/**
 * The same report as Markdown: the same sections and quotes, with the charts as tables (Markdown viewers
 * strip inline SVG). Customer text is escaped so it can never become markup.
 *
 * @example await writeFile("brightpath.md", renderAccountMarkdown(report));
 */
export function renderAccountMarkdown(report: AccountReport): string {
  const { account, readiness, changes } = report;
  const out: string[] = [];
  const seats =
    account.licensedSeats === null
      ? "not recorded"
      : account.activeUsers === null
        ? `${account.licensedSeats} licensed; no usage data`
        : `${account.activeUsers.value} of ${account.licensedSeats} active${account.utilisation === null ? "" : ` (${Math.round(account.utilisation * 100)}%)`} on ${account.activeUsers.measuredOn}`;
  out.push(
    `# ${m(account.name)}: pre-QBR evidence report`,
    "",
    `As of ${report.asOf} · account \`${account.id}\``,
    "",
    `**${VERDICT_TITLES[readiness.verdict].toUpperCase()}.** ${m(readiness.headline)}`,
    "",
    "## Account facts",
    "",
    "| Fact | Value |",
    "|---|---|",
    `| Tier | ${m(account.tier + (account.addOns.length === 0 ? "" : ` + ${account.addOns.join(", ")}`))} |`,
    `| ARR | ${money(account.arr)} |`,
    `| Seats | ${m(seats)} |`,
    `| Renewal | ${account.renewalDate === null ? "not recorded" : `${account.renewalDate}${account.daysToRenewal === null ? "" : ` (in ${account.daysToRenewal} days)`}`} |`,
    `| Health | ${m(`${account.health}, trend ${account.healthTrend}`)} |`,
    `| Champion | ${m(account.champion ?? "not named")} |`,
    `| Economic buyer | ${m(account.economicBuyer ?? "not named")} |`,
    "",
  );
  out.push("## Next customer actions", "");
  if (report.nextActions.length === 0) out.push("Every gate passes. The next step is a discovery conversation with the economic buyer, not a close (seed 004).", "");
  else out.push(...report.nextActions.map((action) => `- ${STATUS_TEXT[action.status]} **${m(action.title)}:** ${m(action.action)}`), "");

  out.push("## Readiness, gate by gate", "");
  for (const gate of readiness.gates) {
    // One reason is a paragraph; several are a list, so Markdown viewers do not run them together.
    const reasons = gate.reasons.length === 1 ? gate.reasons.map(m) : gate.reasons.map((reason) => `- ${m(reason)}`);
    out.push(`### ${STATUS_TEXT[gate.status]}: ${m(gate.title)} (${gate.id})`, "", ...reasons, "");
    if (gate.data.length > 0) out.push(`*${gate.data.map((item) => `${m(item.label)}: ${m(item.value)}`).join(" · ")}*`, "");
    out.push(...quotes(gate.evidence));
    if (gate.moreEvidenceIds.length > 0) out.push(`Also: ${gate.moreEvidenceIds.map((id) => `#${id}`).join(", ")} (quoted under Signals).`, "");
  }
  out.push("**Supported expansion types:** " + (readiness.expansionTypes.length === 0 ? "none corroborated." : readiness.expansionTypes.map((support) => `${support.type} (${support.signals.join(", ")})${support.note === null ? "" : ` ${m(support.note)}`}`).join("; ")), "");
  out.push("**Blocking risks:** " + (readiness.blockingRisks.length === 0 ? "none open." : readiness.blockingRisks.map((risk) => `${m(risk.signalTitle)} (weight ${risk.weight}; ${risk.evidenceIds.map((id) => `#${id}`).join(", ")})`).join("; ")), "");
  if (readiness.notCounted > 0) out.push(`${readiness.notCounted} evidence row(s) said by the vendor or an unknown speaker did not count (seed 001: push, not pull).`, "");
  out.push(`Decided by rules, not by a model: rules ${m(readiness.rulesVersion)} (${m(readiness.rulesFile)}).`, "");

  out.push("## What changed", "");
  if (changes.basis === "none") {
    out.push("No earlier assessment is recorded and no `--since` day was given, so there is nothing to compare with.", "");
  } else {
    out.push(
      changes.basis === "flag"
        ? `Since ${changes.since} (as asked).`
        : `Since the last recorded assessment #${changes.comparedWith?.assessmentId} on ${day(changes.comparedWith?.recordedAt ?? null)} (as of ${changes.comparedWith?.asOf}, verdict ${changes.comparedWith?.verdict}).`,
      "",
    );
    if (changes.verdictMoved !== null) out.push(`**Verdict moved:** ${changes.verdictMoved.from} → ${changes.verdictMoved.to}`, "");
    out.push("**Gates that moved:** " + (changes.gatesMoved.length === 0 ? "none." : changes.gatesMoved.map((gate) => `${m(gate.title)} ${gate.from} → ${gate.to}`).join("; ")), "");
    out.push(`**New evidence (${changes.newEvidence.length}):**${changes.newEvidence.length === 0 ? " none." : ""}`, "", ...quotes(changes.newEvidence));
    out.push(`**Disputed evidence (${changes.disputed.length}):**${changes.disputed.length === 0 ? " none." : ""}`, "");
    for (const dispute of changes.disputed) {
      out.push(`Marked wrong by ${m(dispute.by)} on ${day(dispute.at)}${dispute.comment === null ? "" : `: ${m(dispute.comment)}`}. The rules no longer read it.`, "", quoteMarkdown(dispute.quote));
    }
    out.push(`**Hypotheses reviewed or gone stale:**${changes.hypothesisEvents.length === 0 ? " none." : ""}`, "");
    out.push(...changes.hypothesisEvents.map((event) => `- #${event.hypothesisId} ${m(event.expansionType)}: **${event.change}** by ${m(event.by)} on ${day(event.at)}${event.detail === null ? "" : `: ${m(event.detail)}`}`), "");
  }

  const champion = report.people.champion;
  out.push("## People", "", `**Champion${champion.name === null ? "" : `: ${m(champion.name)}`}: ${champion.status.toUpperCase()}.** ${m(champion.explanation)}`, "");
  for (const person of report.people.people) {
    out.push(`### ${m(person.name)} (${person.roles.join(", ")})`, "", `Last quoted: ${day(person.lastQuoted)}.${person.bySignal.length === 0 ? " Not quoted in any evidence." : ""}`, "");
    for (const group of person.bySignal) out.push(`- *${m(group.signalTitle)}* ×${group.quotes.length}: ${group.quotes.map((quote) => `#${quote.evidenceId}`).join(", ")}`);
    const latest = person.bySignal.flatMap((group) => group.quotes).sort((left, right) => left.occurredAt.localeCompare(right.occurredAt)).at(-1);
    if (latest !== undefined) out.push("", "Latest words:", "", quoteMarkdown(latest));
    else out.push("");
  }

  out.push("## Signals, in their words", "");
  for (const category of report.signals.categories) {
    out.push(`### ${category.title}`, "");
    if (category.signals.length === 0) out.push(`No customer-side ${category.title.toLowerCase()} signal.`, "");
    for (const signal of category.signals) out.push(`#### ${m(signal.signalTitle)} (${signal.quotes.length})`, "", ...quotes(signal.quotes));
  }
  out.push(`### What the vendor said (${report.signals.vendorSpeech.length}): never counted as pull`, "");
  out.push(...(report.signals.vendorSpeech.length === 0 ? ["Nothing.", ""] : quotes(report.signals.vendorSpeech)));
  if (report.signals.unknownSpeech.length > 0) out.push(`### Speakers on neither side (${report.signals.unknownSpeech.length}): not counted`, "", ...quotes(report.signals.unknownSpeech));

  out.push("## Over time", "", "Customer-side signals per month (vendor speech apart):", "");
  out.push(...timelineTable(report), "");
  if (report.timeline.usage.length === 0) out.push("No usage data for this account.", "");
  for (const series of report.timeline.usage) {
    out.push(`**${metricTitle(series.metric)}**${series.reference === null ? "" : ` (${m(series.reference.label)})`}: ${series.points.map((point) => `${point.day.slice(0, 7)} ${point.value}`).join(" · ")}`, "");
  }

  out.push("## Expansion brief", "");
  if (report.hypotheses.length === 0) out.push("No hypothesis is drafted: no expansion type is supported by corroborated customer-side evidence.", "");
  for (const item of report.hypotheses) out.push(...brief(report, item));
  if (report.hypothesisHistory.length > 0) {
    out.push("**Earlier hypotheses:**", "", ...report.hypothesisHistory.map((item) => `- #${item.id} ${m(item.expansionType)}: ${item.status}${item.note === null ? "" : ` (${m(item.note)})`}`), "");
  }

  out.push("## ROI frame", "", ...[report.roi.currentValue, report.roi.expansionCost, report.roi.expectedOutcome, report.roi.payback].map(fieldLine), "");
  out.push(...quotes(report.roi.currentValueQuotes));
  out.push("**Gaps in the value story:**", "", ...report.roi.gaps.map((gap) => `- ${m(gap)}`), "");
  out.push("---", "", `Every quote is a stored quote checked word for word against its source. Readiness is decided by rules ${m(readiness.rulesVersion)}, never by a model. Generated ${report.generatedAt} by evidence.`, "");
  return out.join("\n");
}

function timelineTable(report: AccountReport): string[] {
  const lanes = ["usage", "relationship", "value", "risk", "vendor"] as const;
  const months = [...new Set(report.timeline.points.map((point) => point.day.slice(0, 7)))].sort();
  if (months.length === 0) return ["No dated evidence."];
  const rows = months.map((month) => {
    const cells = lanes.map((lane) => report.timeline.points.filter((point) => point.lane === lane && point.day.startsWith(month)).length);
    return `| ${month} | ${cells.map((count) => (count === 0 ? "" : String(count))).join(" | ")} |`;
  });
  return ["| Month | Usage | Relationship | Value | Risk | Vendor said |", "|---|---|---|---|---|---|", ...rows];
}
