import { compareIds, timeOf } from "../rules/evidence-timeline.js";
import type { GateId, GateResult, ReadinessResult, Verdict } from "../rules/readiness-contract.js";
import { EXPANSION_TYPES, type ExpansionType } from "../taxonomy/expansion-types.js";
import { SIGNALS, isSignalId, signalById, type SignalCategory, type SignalId } from "../taxonomy/signals.js";
import { FALLBACK_NEXT_ACTIONS, GATE_TITLES } from "./gate-wording.js";
import type {
  AccountFacts,
  AccountReport,
  ApprovalState,
  BriefField,
  ChampionStatus,
  ChangesSection,
  HypothesisBrief,
  NextAction,
  PeopleSection,
  Person,
  ReadinessSection,
  ReportQuote,
  RoiFrame,
  SignalsSection,
  TimelineData,
  UsageSeries,
} from "./report-model.js";
import type { ReportSources, SourceEvidence, SourceHypothesis } from "./report-sources.js";

const DAY_MS = 86_400_000;
const ACTIVE_USERS_METRIC = "active_users";

const CATEGORY_TITLES: Record<SignalCategory, string> = {
  usage: "Usage",
  relationship: "Relationship",
  value: "Value",
  risk: "Risk",
};

/**
 * The hypothesis sections shown under the brief. Account learning, next adjacency and the next customer
 * action are already in the brief's own fields (problem, type, next step), so they are not repeated.
 */
const SECTION_ORDER: readonly [string, string][] = [
  ["provenValue", "Proven value"],
  ["stakeholderPull", "Stakeholder pull"],
  ["risksToAdoption", "Risks to current adoption"],
  ["riskIfNever", "Risk if it never happens"],
];

/** How many quotes a gate or a brief shows in full; the rest are cited by id (all are under Signals). */
const QUOTES_SHOWN = 3;

function latestFew(quotes: readonly ReportQuote[]): { shown: ReportQuote[]; more: string[] } {
  const shown = quotes.slice(-QUOTES_SHOWN);
  return { shown, more: quotes.slice(0, Math.max(0, quotes.length - QUOTES_SHOWN)).map((quote) => quote.evidenceId) };
}

export function money(value: number): string {
  return `$${Math.round(value).toLocaleString("en-US")}`;
}

function dayOf(iso: string): string {
  return iso.slice(0, 10);
}

function quoteOf(evidence: SourceEvidence): ReportQuote | undefined {
  if (!isSignalId(evidence.signalId)) return undefined;
  return {
    evidenceId: evidence.id,
    signalId: evidence.signalId,
    signalTitle: signalById(evidence.signalId).title,
    quote: evidence.quote,
    speaker: evidence.speaker,
    speakerRole: evidence.speakerRole,
    place: evidence.place,
    occurredAt: evidence.occurredAt,
    sourceRef: evidence.sourceRef,
  };
}

function byTime(left: ReportQuote, right: ReportQuote): number {
  return timeOf(left.occurredAt) - timeOf(right.occurredAt) || compareIds(left.evidenceId, right.evidenceId);
}

function samePerson(left: string | null | undefined, right: string | null | undefined): boolean {
  return left !== null && left !== undefined && right !== null && right !== undefined && left.trim().toLowerCase() === right.trim().toLowerCase();
}

/**
 * Builds the report's view model from its sources. Pure: the same sources give the same report, and every
 * quote in it is one of `sources.evidence` (or a disputed row), never text made up here.
 *
 * @example const report = buildAccountReport(await gatherReportSources(services, "brightpath-logistics", { asOf }));
 */
export function buildAccountReport(sources: ReportSources): AccountReport {
  const quotes = new Map<string, ReportQuote>();
  for (const evidence of sources.evidence) {
    const quote = quoteOf(evidence);
    if (quote !== undefined) quotes.set(quote.evidenceId, quote);
  }
  const quotesOf = (ids: readonly string[]) =>
    [...new Set(ids)]
      .map((id) => quotes.get(id))
      .filter((quote): quote is ReportQuote => quote !== undefined)
      .sort(byTime);
  const result = sources.readiness.result;
  const account = accountFacts(sources);
  const readiness = readinessSection(sources, quotesOf);
  const people = peopleSection(sources, [...quotes.values()], result);
  const { current, history } = splitHypotheses(sources.hypotheses);
  return {
    generatedAt: sources.generatedAt,
    asOf: sources.asOf,
    account,
    readiness,
    people,
    signals: signalsSection([...quotes.values()]),
    timeline: timelineData(sources, [...quotes.values()]),
    hypotheses: current.map((hypothesis) => hypothesisBrief(hypothesis, sources, account, people, quotesOf)),
    hypothesisHistory: history.map((hypothesis) => ({
      id: hypothesis.id,
      expansionType: hypothesis.expansionType,
      status: hypothesis.status,
      note: noteOf(hypothesis),
    })),
    roi: roiFrame(sources, account, quotesOf),
    changes: changesSection(sources, quotes),
    nextActions: nextActions(sources),
  };
}

function accountFacts(sources: ReportSources): AccountFacts {
  const { account } = sources;
  const end = timeOf(sources.asOf) + DAY_MS - 1;
  const activeUsers = sources.usage
    .filter((metric) => metric.metric === ACTIVE_USERS_METRIC && timeOf(metric.date) <= end)
    .sort((left, right) => timeOf(left.date) - timeOf(right.date))
    .at(-1);
  const licensed = account.licensed_seats ?? null;
  const renewal = account.renewal_date ?? null;
  return {
    id: account.id,
    name: account.name,
    tier: account.tier,
    arr: account.arr,
    addOns: account.add_ons,
    licensedSeats: licensed,
    activeUsers: activeUsers === undefined ? null : { value: activeUsers.value, measuredOn: activeUsers.date },
    utilisation: activeUsers === undefined || licensed === null || licensed === 0 ? null : activeUsers.value / licensed,
    renewalDate: renewal,
    daysToRenewal: renewal === null ? null : Math.round((timeOf(renewal) - timeOf(sources.asOf)) / DAY_MS),
    health: account.health,
    healthTrend: account.health_trend,
    champion: account.champion ?? null,
    economicBuyer: account.economic_buyer ?? null,
  };
}

function headline(result: ReadinessResult): string {
  const types = result.expansionTypes.map((support) => support.type.replace(/_/g, " ")).join(", ");
  const failing = (status: "fail" | "unknown") =>
    result.gates
      .filter((gate) => gate.gate !== "customer_pull" && gate.status === status)
      .map((gate) => GATE_TITLES[gate.gate].toLowerCase())
      .join(", ");
  const lines: Record<Verdict, string> = {
    ready: `The footprint is healthy and the customer side is asking${types === "" ? "" : `, for ${types}`}. Next: a discovery conversation, not a close.`,
    fix_footprint: `Fix the footprint before any expansion talk${failing("fail") === "" ? "" : `: ${failing("fail")} failing`}${result.blockingRisks.length > 0 ? `; blocking risks open` : ""}.`,
    no_pull: "Healthy, but nothing on the customer side asks for more: a wish, not a lead (seed 001).",
    insufficient_evidence: `Not enough evidence to decide${failing("unknown") === "" ? "" : `: ${failing("unknown")} cannot be decided yet`}.`,
  };
  return lines[result.verdict];
}

function gateData(gate: GateResult): { label: string; value: string }[] {
  return Object.entries(gate.data ?? {})
    .filter(([, value]) => value !== null && value !== "")
    .map(([key, value]) => ({
      label: key.replace(/([A-Z])/g, " $1").toLowerCase(),
      // Ratios (seat utilisation) read better as percentages.
      value: typeof value === "number" && /ratio|utilisation/i.test(key) ? `${Math.round(value * 100)}%` : String(value),
    }));
}

function readinessSection(sources: ReportSources, quotesOf: (ids: readonly string[]) => ReportQuote[]): ReadinessSection {
  const { result } = sources.readiness;
  return {
    verdict: result.verdict,
    headline: headline(result),
    gates: result.gates.map((gate) => {
      const { shown, more } = latestFew(quotesOf(gate.evidenceIds));
      return { id: gate.gate, title: GATE_TITLES[gate.gate], status: gate.status, reasons: gate.reasons, evidence: shown, moreEvidenceIds: more, data: gateData(gate) };
    }),
    expansionTypes: result.expansionTypes.map((support) => ({
      type: support.type,
      signals: support.signals,
      note:
        [
          support.seatUtilisation === undefined
            ? ""
            : `${support.seatUtilisation.activeUsers} of ${support.seatUtilisation.licensedSeats} seats active on ${support.seatUtilisation.measuredOn} (${Math.round(support.seatUtilisation.ratio * 100)}%).`,
          ...support.notes,
        ]
          .filter((part) => part !== "")
          .join(" ") || null,
    })),
    blockingRisks: result.blockingRisks.map((risk) => ({
      signalId: risk.signalId,
      signalTitle: signalById(risk.signalId).title,
      weight: risk.weight,
      evidenceIds: risk.evidenceIds,
    })),
    rulesVersion: result.rulesVersion,
    rulesFile: sources.readiness.rulesFile,
    notCounted: sources.readiness.notCounted,
  };
}

function championStatus(result: ReadinessResult): { status: ChampionStatus; explanation: string } {
  const gate = result.gates.find((item) => item.gate === "champion_active");
  if (gate === undefined) return { status: "unknown", explanation: "The rules did not assess the champion." };
  const explanation = gate.reasons.join(" ");
  if (gate.status === "pass") return { status: "active", explanation };
  if (gate.status === "fail") {
    const leaving = gate.data?.["lastDeparting"] !== null && gate.data?.["lastDeparting"] !== undefined;
    return { status: leaving ? "leaving" : "silent", explanation };
  }
  return { status: "unknown", explanation };
}

function groupBySignal(quotes: readonly ReportQuote[]): { signalId: SignalId; signalTitle: string; quotes: ReportQuote[] }[] {
  const order = new Map(SIGNALS.map((signal, index) => [signal.id as string, index]));
  const groups = new Map<SignalId, ReportQuote[]>();
  for (const quote of [...quotes].sort(byTime)) groups.set(quote.signalId, [...(groups.get(quote.signalId) ?? []), quote]);
  return [...groups.entries()]
    .sort(([left], [right]) => (order.get(left) ?? 0) - (order.get(right) ?? 0))
    .map(([signalId, grouped]) => ({ signalId, signalTitle: signalById(signalId).title, quotes: grouped }));
}

function peopleSection(sources: ReportSources, quotes: readonly ReportQuote[], result: ReadinessResult): PeopleSection {
  const { account } = sources;
  const customer = quotes.filter((quote) => quote.speakerRole === "customer" && quote.speaker !== null);
  const names: string[] = [];
  const add = (name: string | undefined | null) => {
    if (name !== undefined && name !== null && !names.some((known) => samePerson(known, name))) names.push(name);
  };
  add(account.champion);
  add(account.economic_buyer);
  // Other speakers, the most recently heard first.
  const others = [...customer].sort((left, right) => byTime(right, left));
  for (const quote of others) add(quote.speaker);
  const people: Person[] = names.map((name) => {
    const said = customer.filter((quote) => samePerson(quote.speaker, name));
    const roles: Person["roles"][number][] = [];
    if (samePerson(name, account.champion)) roles.push("champion");
    if (samePerson(name, account.economic_buyer)) roles.push("economic buyer");
    if (roles.length === 0) roles.push("customer speaker");
    const last = said.map((quote) => quote.occurredAt).sort().at(-1) ?? null;
    return { name, roles, lastQuoted: last, bySignal: groupBySignal(said) };
  });
  const champion = championStatus(result);
  return { champion: { name: account.champion ?? null, ...champion }, people };
}

function signalsSection(quotes: readonly ReportQuote[]): SignalsSection {
  const customer = quotes.filter((quote) => quote.speakerRole === "customer");
  const categories = (["usage", "relationship", "value", "risk"] as const).map((category) => ({
    category,
    title: CATEGORY_TITLES[category],
    signals: groupBySignal(customer.filter((quote) => signalById(quote.signalId).category === category)),
  }));
  return {
    categories,
    vendorSpeech: quotes.filter((quote) => quote.speakerRole === "vendor").sort(byTime),
    unknownSpeech: quotes.filter((quote) => quote.speakerRole === "unknown").sort(byTime),
  };
}

function timelineData(sources: ReportSources, quotes: readonly ReportQuote[]): TimelineData {
  const asOfTime = timeOf(sources.asOf);
  const inRange = quotes.filter((quote) => timeOf(quote.occurredAt) <= asOfTime + DAY_MS - 1);
  const usageByMetric = new Map<string, { day: string; value: number }[]>();
  for (const metric of [...sources.usage].sort((left, right) => timeOf(left.date) - timeOf(right.date))) {
    if (timeOf(metric.date) > asOfTime) continue;
    usageByMetric.set(metric.metric, [...(usageByMetric.get(metric.metric) ?? []), { day: metric.date, value: metric.value }]);
  }
  const usage: UsageSeries[] = [...usageByMetric.entries()]
    .sort(([left], [right]) => (left === ACTIVE_USERS_METRIC ? -1 : right === ACTIVE_USERS_METRIC ? 1 : left.localeCompare(right)))
    .map(([metric, points]) => ({
      metric,
      points,
      reference:
        metric === ACTIVE_USERS_METRIC && sources.account.licensed_seats !== undefined
          ? { label: `${sources.account.licensed_seats} licensed seats`, value: sources.account.licensed_seats }
          : null,
    }));
  const days = [...inRange.map((quote) => dayOf(quote.occurredAt)), ...usage.flatMap((series) => series.points.map((point) => point.day))].sort();
  // At least three months wide, so a young account's few dates do not fill the page edge to edge.
  const earliestAllowed = new Date(asOfTime - 92 * DAY_MS).toISOString().slice(0, 10);
  const from = days[0] !== undefined && days[0] < earliestAllowed ? days[0] : earliestAllowed;
  return {
    from,
    to: sources.asOf,
    since: sinceDay(sources),
    points: inRange.map((quote) => ({
      evidenceId: quote.evidenceId,
      day: dayOf(quote.occurredAt),
      signalId: quote.signalId,
      lane: quote.speakerRole === "customer" ? signalById(quote.signalId).category : "vendor",
    })),
    usage,
  };
}

function sinceDay(sources: ReportSources): string | null {
  if (sources.since !== undefined) return sources.since;
  return sources.previous === undefined ? null : dayOf(sources.previous.recordedAt);
}

/** The newest hypothesis of each expansion type is shown in full; older ones are history. */
function splitHypotheses(hypotheses: readonly SourceHypothesis[]): { current: SourceHypothesis[]; history: SourceHypothesis[] } {
  const newestFirst = [...hypotheses].sort((left, right) => compareIds(right.id, left.id));
  const current: SourceHypothesis[] = [];
  const history: SourceHypothesis[] = [];
  for (const hypothesis of newestFirst) {
    if (current.some((shown) => shown.expansionType === hypothesis.expansionType)) history.push(hypothesis);
    else current.push(hypothesis);
  }
  const rank = { draft: 0, approved: 1, stale: 2, rejected: 3 } as const;
  current.sort((left, right) => rank[left.status] - rank[right.status] || compareIds(left.id, right.id));
  return { current, history };
}

function noteOf(hypothesis: SourceHypothesis): string | null {
  if (hypothesis.status === "stale") return hypothesis.statusReason;
  if (hypothesis.status === "rejected" || hypothesis.status === "approved") {
    const by = hypothesis.reviewedBy === null ? "" : `by ${hypothesis.reviewedBy}`;
    const comment = hypothesis.reviewComment === null ? "" : `: ${hypothesis.reviewComment}`;
    return `${by}${comment}` || null;
  }
  return null;
}

function approvalOf(hypothesis: SourceHypothesis): ApprovalState {
  switch (hypothesis.status) {
    case "draft":
      return { status: "draft" };
    case "approved":
      return { status: "approved", by: hypothesis.reviewedBy, at: hypothesis.reviewedAt, comment: hypothesis.reviewComment, overrideReason: hypothesis.overrideReason };
    case "rejected":
      return { status: "rejected", by: hypothesis.reviewedBy, at: hypothesis.reviewedAt, comment: hypothesis.reviewComment };
    case "stale":
      return { status: "stale", reason: hypothesis.statusReason };
  }
}

function sectionOf(content: Record<string, unknown>, name: string): { text: string; evidenceIds: string[] } | undefined {
  const section = content[name];
  if (section === null || typeof section !== "object") return undefined;
  const { text, evidenceIds } = section as { text?: unknown; evidenceIds?: unknown };
  if (typeof text !== "string") return undefined;
  return { text, evidenceIds: Array.isArray(evidenceIds) ? evidenceIds.map(String) : [] };
}

function proposedSolution(type: string, evidence: readonly SourceEvidence[], ids: readonly string[]): string {
  const offerings = [
    ...new Set(
      evidence
        .filter((item) => ids.includes(item.id) && item.offering !== undefined)
        .filter((item) => item.offering?.relation === "higher_tier" || item.offering?.relation === "add_on")
        .map((item) => `${item.offering?.name} (${item.offering?.kind === "tier" ? "tier" : "add-on"})`),
    ),
  ];
  switch (type) {
    case "volume":
      return "A seat increase on the current plan.";
    case "tier_upgrade":
      return offerings.length > 0 ? `An upgrade to ${offerings.join(" or ")}.` : "An upgrade to a higher tier.";
    case "cross_sell":
      return offerings.length > 0 ? `${offerings.join(", ")}.` : "An add-on module, or consolidating the other tool.";
    case "new_department":
      return "Licences for the team that is not covered yet.";
    case "new_use_case":
      return "Extending the product to the new problem the customer named.";
    default:
      return `${type}.`;
  }
}

function hypothesisBrief(
  hypothesis: SourceHypothesis,
  sources: ReportSources,
  account: AccountFacts,
  people: PeopleSection,
  quotesOf: (ids: readonly string[]) => ReportQuote[],
): HypothesisBrief {
  const learning = sectionOf(hypothesis.content, "accountLearning");
  const next = sectionOf(hypothesis.content, "nextCustomerAction");
  const support = sources.readiness.result.expansionTypes.find((item) => item.type === hypothesis.expansionType);
  const signalIds = [
    ...new Set([...(support?.signals ?? []), ...quotesOf(learning?.evidenceIds ?? []).map((quote) => quote.signalId)]),
  ];
  const perSeat = account.licensedSeats !== null && account.licensedSeats > 0 ? account.arr / account.licensedSeats : null;
  const championStatus = people.champion.status === "unknown" ? "" : ` (${people.champion.status})`;
  const fields: BriefField[] = [
    { label: "Account ARR", value: money(account.arr) },
    {
      label: "Potential expansion ARR",
      value: null,
      missingHint:
        hypothesis.expansionType === "volume" && perSeat !== null
          ? `no seat count agreed yet; today's ARR per seat is ${money(perSeat)} (ARR / licensed seats)`
          : "no price list in the data; estimate with the account team",
    },
    { label: "Expansion type", value: `${hypothesis.expansionType.replace(/_/g, " ")}: ${EXPANSION_TYPES[hypothesis.expansionType as ExpansionType] ?? ""}` },
    { label: "Signals identified", value: signalIds.length === 0 ? null : signalIds.map((id) => signalById(id).title).join("; "), missingHint: "no corroborated customer-side signal" },
    { label: "Customer contact (champion)", value: account.champion === null ? null : `${account.champion}${championStatus}`, missingHint: "no champion named" },
    { label: "Economic buyer", value: account.economicBuyer, missingHint: "nobody who controls budget is named (seed 004, anti-pattern 4)" },
    { label: "Discovery call date", value: null, missingHint: "no problem-first discovery call recorded (seed 004, step 4)" },
    { label: "Proposed solution", value: proposedSolution(hypothesis.expansionType, sources.evidence, hypothesis.evidenceIds) },
    { label: "Comparable customer reference", value: null, missingHint: "not in the data" },
    { label: "Next step", value: next?.text ?? null, missingHint: "the hypothesis names no next customer action" },
  ];
  const problem = latestFew(quotesOf(learning?.evidenceIds ?? []).filter((quote) => quote.speakerRole === "customer"));
  return {
    id: hypothesis.id,
    expansionType: hypothesis.expansionType,
    approval: approvalOf(hypothesis),
    verdictWhenDrafted: hypothesis.verdict,
    fields,
    problemInTheirWords: problem.shown,
    moreProblemIds: problem.more,
    sections: SECTION_ORDER.map(([name, title]) => {
      const section = sectionOf(hypothesis.content, name);
      return { title, text: section?.text ?? "", evidenceIds: section?.evidenceIds ?? [] };
    }).filter((section) => section.text !== ""),
  };
}

function roiFrame(sources: ReportSources, account: AccountFacts, quotesOf: (ids: readonly string[]) => ReportQuote[]): RoiFrame {
  const { result } = sources.readiness;
  const gate = (id: GateId) => result.gates.find((item) => item.gate === id);
  const outcome = gate("measurable_outcome");
  const outcomeQuotes = outcome?.status === "pass" ? quotesOf(outcome.evidenceIds).filter((quote) => quote.signalId === "measurable_outcome") : [];
  const customer = sources.evidence.filter((item) => item.speakerRole === "customer");
  const heard = (signal: string) => customer.filter((item) => item.signalId === signal);
  const gaps: string[] = [];
  if (outcomeQuotes.length === 0) gaps.push("The customer has not stated a measurable result in the window: there is no proven value to build an ROI case on.");
  if (account.economicBuyer === null) gaps.push("No economic buyer is named: nobody is known to own the budget.");
  else if (!customer.some((item) => samePerson(item.speaker, account.economicBuyer))) gaps.push(`The economic buyer, ${account.economicBuyer}, is not quoted anywhere: the value story has not reached the budget owner.`);
  else if (heard("executive_alignment").length === 0) gaps.push(`The economic buyer, ${account.economicBuyer}, has not tied the results to their own goals.`);
  const unproven = heard("value_unproven");
  if (unproven.length > 0) gaps.push(`The customer questions the value (${unproven.map((item) => `#${item.id}`).join(", ")}).`);
  if (account.activeUsers === null) gaps.push("No usage numbers: adoption cannot be shown with data.");
  if (account.health === "unknown") gaps.push("Account health is unknown.");
  gaps.push("No prices in the data: the expansion cost, and so the payback, cannot be computed here.");
  return {
    currentValue: {
      label: "Current value",
      value: outcomeQuotes.length === 0 ? null : `${money(account.arr)} a year today; the outcome in the customer's words is quoted below.`,
      missingHint: "no customer-stated measurable outcome",
    },
    currentValueQuotes: outcomeQuotes,
    expansionCost: { label: "Expansion cost", value: null, missingHint: "the delta between the current and the proposed contract; no price list in the data" },
    expectedOutcome: { label: "Expected incremental outcome", value: null, missingHint: "ask the customer what measurable result the expansion should bring" },
    payback: { label: "Payback period", value: null, missingHint: "needs the expansion cost and the expected outcome" },
    gaps,
  };
}

function changesSection(sources: ReportSources, quotes: ReadonlyMap<string, ReportQuote>): ChangesSection {
  const previous = sources.previous;
  const basis: ChangesSection["basis"] = sources.since !== undefined ? "flag" : previous !== undefined ? "last assessment" : "none";
  const comparedWith =
    previous === undefined ? null : { assessmentId: previous.id, asOf: previous.asOf, recordedAt: previous.recordedAt, verdict: previous.verdict };
  if (basis === "none") {
    return { since: null, basis, comparedWith, verdictMoved: null, newEvidence: [], disputed: [], gatesMoved: [], hypothesisEvents: [] };
  }
  const since = basis === "flag" ? (sources.since as string) : (previous as NonNullable<typeof previous>).recordedAt;
  const sinceTime = timeOf(since);
  // A day given with --since counts from its start; an assessment's own run (the hypotheses it drafted in
  // the same transaction, at the same instant) is not a change since that assessment.
  const after = (iso: string) => (basis === "flag" ? timeOf(iso) >= sinceTime : timeOf(iso) > sinceTime);
  const newEvidence =
    basis === "flag"
      ? [...quotes.values()].filter((quote) => timeOf(quote.occurredAt) >= sinceTime)
      : [...quotes.values()].filter((quote) => !(previous?.evidenceIds ?? []).includes(quote.evidenceId));
  const disputed = sources.disputes
    .filter((dispute) => after(dispute.at))
    .map((dispute) => ({ quote: quoteOf(dispute.evidence), by: dispute.reviewer, at: dispute.at, comment: dispute.comment }))
    .filter((dispute): dispute is { quote: ReportQuote; by: string; at: string; comment: string | null } => dispute.quote !== undefined);
  const current = sources.readiness.result;
  const gatesMoved =
    previous === undefined
      ? []
      : current.gates.flatMap((gate) => {
          const before = previous.gates.find((item) => item.gate === gate.gate);
          return before === undefined || before.status === gate.status ? [] : [{ gate: gate.gate, title: GATE_TITLES[gate.gate], from: before.status, to: gate.status }];
        });
  const changes = ["hypothesis.approved", "hypothesis.rejected", "hypothesis.stale", "hypothesis.drafted"];
  const hypothesisEvents = sources.hypothesisEvents
    .filter((event) => changes.includes(event.action) && after(event.at))
    .map((event) => {
      const change = event.action.slice("hypothesis.".length) as "approved" | "rejected" | "stale" | "drafted";
      const detail = event.details["reason"] ?? event.details["comment"] ?? event.details["overrideReason"] ?? null;
      return { hypothesisId: event.hypothesisId, expansionType: event.expansionType, change, by: event.actor, at: event.at, detail: typeof detail === "string" ? detail : null };
    });
  return {
    since: basis === "flag" ? since : dayOf(since),
    basis,
    comparedWith,
    verdictMoved: previous !== undefined && previous.verdict !== current.verdict ? { from: previous.verdict, to: current.verdict } : null,
    newEvidence: newEvidence.sort(byTime),
    disputed,
    gatesMoved,
    hypothesisEvents,
  };
}

function nextActions(sources: ReportSources): NextAction[] {
  return sources.readiness.result.gates
    .filter((gate) => gate.status !== "pass")
    .map((gate) => ({
      gate: gate.gate,
      title: GATE_TITLES[gate.gate],
      status: gate.status,
      action: sources.nextCustomerActions?.[gate.gate]?.[gate.status] ?? FALLBACK_NEXT_ACTIONS[gate.gate][gate.status] ?? "Ask the customer what would settle this.",
    }));
}
