import type { Account } from "../../src/ingest/account-schema.js";
import type { UsageMetric } from "../../src/ingest/usage-schema.js";
import { evaluateReadiness } from "../../src/rules/evaluate-readiness.js";
import type { EvidenceFact } from "../../src/rules/readiness-contract.js";
import type { LoadedRules } from "../../src/rules/rules-schema.js";
import type { ReportSources, SourceEvidence } from "../../src/report/report-sources.js";

export const FIXTURE_AS_OF = "2026-11-23";

/** Customer text that tries to be markup in both formats: it must come out as text. */
export const HOSTILE_QUOTE = 'We need more seats <script>alert("x")</script> & **now** [click](http://evil.example/x) | # not a heading';

export const FIXTURE_ACCOUNT: Account = {
  id: "acme-corp",
  name: "Acme <Corp> & Sons",
  tier: "business",
  arr: 120000,
  health: "green",
  health_trend: "up",
  licensed_seats: 100,
  renewal_date: "2027-02-28",
  champion: "Dana Okafor",
  economic_buyer: "Marcus Hale",
  domains: ["acme.example"],
  add_ons: [],
};

const usage: UsageMetric[] = ["2026-08-31", "2026-09-30", "2026-10-31"].flatMap((date, index) => [
  { account_id: "acme-corp", date, metric: "active_users", value: 80 + index * 6 },
  { account_id: "acme-corp", date, metric: "dashboards_viewed_weekly", value: 300 + index * 40 },
]);

/** The fixture's evidence, each with a place as the read model words it. */
export const FIXTURE_EVIDENCE: readonly EvidenceFact[] = [
  { id: "1", signalId: "measurable_outcome", speakerRole: "customer", speaker: "Dana Okafor", sourceRef: "calls/acme/2026-09-10-qbr.vtt", occurredAt: "2026-09-10T10:03:00.000Z", quote: "Late deliveries are down 18% since the dashboards went live.", place: "call 2026-09-10 00:03:00" },
  { id: "2", signalId: "champion_engaged", speakerRole: "customer", speaker: "Dana Okafor", sourceRef: "calls/acme/2026-10-20-check-in.vtt", occurredAt: "2026-10-20T15:06:40.000Z", quote: "I run a session for new starters every week now.", place: "call 2026-10-20 00:06:40" },
  { id: "3", signalId: "seat_pressure", speakerRole: "customer", speaker: "Luis Romero", sourceRef: "tickets/acme.json#1031", occurredAt: "2026-09-22T22:40:00.000Z", quote: HOSTILE_QUOTE, place: "ticket #1031 comment 1" },
  { id: "4", signalId: "seat_pressure", speakerRole: "customer", speaker: "Dana Okafor", sourceRef: "calls/acme/2026-10-20-check-in.vtt", occurredAt: "2026-10-20T15:05:43.000Z", quote: "We're going to need roughly forty more seats.", place: "call 2026-10-20 00:05:43" },
  { id: "5", signalId: "executive_alignment", speakerRole: "customer", speaker: "Marcus Hale", sourceRef: "calls/acme/2026-10-20-check-in.vtt", occurredAt: "2026-10-20T15:03:22.000Z", quote: "This is exactly the result I need to show the board.", place: "call 2026-10-20 00:03:22" },
  { id: "6", signalId: "higher_tier_interest", speakerRole: "vendor", speaker: "Priya Raman", sourceRef: "calls/acme/2026-09-10-qbr.vtt", occurredAt: "2026-09-10T10:12:00.000Z", quote: "You could add the Forecast add-on for volume forecasting.", place: "call 2026-09-10 00:12:00" },
];

function sourceOf(fact: EvidenceFact): SourceEvidence {
  return {
    id: fact.id,
    signalId: fact.signalId,
    quote: fact.quote,
    speaker: fact.speaker ?? null,
    speakerRole: fact.speakerRole,
    place: fact.place ?? fact.sourceRef,
    occurredAt: fact.occurredAt,
    sourceRef: fact.sourceRef,
  };
}

/**
 * Report sources for one invented account, with readiness decided by the real rules: override what a test
 * is about (evidence, previous assessment, hypotheses, disputes).
 *
 * @example const sources = reportSourcesFixture(rules, { evidence: FIXTURE_EVIDENCE.slice(0, 2) });
 */
export function reportSourcesFixture(
  rules: LoadedRules,
  overrides: Partial<Omit<ReportSources, "evidence">> & { evidence?: readonly EvidenceFact[] } = {},
): ReportSources {
  const facts = overrides.evidence ?? FIXTURE_EVIDENCE;
  const account = overrides.account ?? FIXTURE_ACCOUNT;
  const asOf = overrides.asOf ?? FIXTURE_AS_OF;
  const result = evaluateReadiness({ account, usage: overrides.usage ?? usage, evidence: facts, asOf }, rules);
  const { evidence: _facts, ...rest } = overrides;
  return {
    account,
    usage,
    asOf,
    generatedAt: "2026-11-24T09:00:00.000Z",
    readiness: { result, rulesFile: "the shipped readiness-rules.yaml", notCounted: facts.filter((fact) => fact.speakerRole !== "customer").length },
    hypotheses: [],
    disputes: [],
    hypothesisEvents: [],
    ...rest,
    evidence: facts.map(sourceOf),
  };
}
