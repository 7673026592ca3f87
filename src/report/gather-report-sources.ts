import type { Account } from "../ingest/account-schema.js";
import type { UsageMetric } from "../ingest/usage-schema.js";
import type { EvidenceFact, GateId, ReadinessResult } from "../rules/readiness-contract.js";
import type { PreviousAssessment, ReportSources, SourceDispute, SourceEvidence, SourceHypothesis } from "./report-sources.js";

/** One account's readiness, decided now and not stored: a report reads, it never records. */
export interface AssessedAccount {
  readonly account: Account;
  readonly usage: readonly UsageMetric[];
  readonly result: ReadinessResult;
  /** The active evidence the rules were handed, each with its place and time. */
  readonly evidence: readonly EvidenceFact[];
  readonly notCounted: number;
  readonly rulesFile: string;
}

export interface AuditEntry {
  readonly action: string;
  readonly actor: string;
  readonly at: string;
  readonly subjectType: string;
  readonly subjectId: string;
  readonly details: Record<string, unknown>;
}

/**
 * Everything a report reads, behind one small interface: the application's use cases implement it
 * (`app-report-reader.ts`), so report/ never runs SQL, and tests can hand in fixtures.
 */
export interface ReportReader {
  /** Every stored account's id. */
  accountIds(): Promise<readonly string[]>;
  assess(accountId: string, asOf: string): Promise<AssessedAccount>;
  hypotheses(accountId: string): Promise<readonly SourceHypothesis[]>;
  disputes(accountId: string): Promise<readonly SourceDispute[]>;
  /** The account's audit trail, oldest first. */
  auditEvents(accountId: string): Promise<readonly AuditEntry[]>;
  /** The latest assessment recorded before `before` (an ISO day or timestamp), or the latest of all. */
  assessmentBefore(accountId: string, before?: string): Promise<PreviousAssessment | undefined>;
  /** What each gate says a customer would do to move it. */
  nextCustomerActions(): Partial<Record<GateId, string>>;
}

export interface GatherOptions {
  readonly asOf: string;
  readonly since?: string | undefined;
  /** When the report is made (ISO timestamp); default now. */
  readonly generatedAt?: string;
}

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
    ...(fact.offering === undefined ? {} : { offering: fact.offering }),
  };
}

/**
 * Gathers one account's report sources: readiness decided now (not stored), hypotheses, disputes and the
 * audit trail, and the assessment to compare with (the latest before `--since`, or the latest recorded).
 *
 * @example const report = buildAccountReport(await gatherReportSources(reader, "kestrel-credit-union", { asOf: "2026-11-23" }));
 */
export async function gatherReportSources(reader: ReportReader, accountId: string, options: GatherOptions): Promise<ReportSources> {
  const assessed = await reader.assess(accountId, options.asOf);
  const [hypotheses, disputes, events, previous] = await Promise.all([
    reader.hypotheses(accountId),
    reader.disputes(accountId),
    reader.auditEvents(accountId),
    reader.assessmentBefore(accountId, options.since),
  ]);
  const typeOf = new Map(hypotheses.map((hypothesis) => [hypothesis.id, hypothesis.expansionType]));
  const declared = reader.nextCustomerActions();
  return {
    account: assessed.account,
    usage: assessed.usage,
    asOf: options.asOf,
    generatedAt: options.generatedAt ?? new Date().toISOString(),
    ...(options.since === undefined ? {} : { since: options.since }),
    evidence: assessed.evidence.map(sourceOf),
    readiness: { result: assessed.result, rulesFile: assessed.rulesFile, notCounted: assessed.notCounted },
    nextCustomerActions: Object.fromEntries(
      Object.entries(declared).map(([gate, text]) => [gate, { fail: text, unknown: text }]),
    ) as ReportSources["nextCustomerActions"] & object,
    ...(previous === undefined ? {} : { previous }),
    hypotheses,
    disputes,
    hypothesisEvents: events
      .filter((event) => event.subjectType === "hypothesis")
      .map((event) => ({
        hypothesisId: event.subjectId,
        expansionType: typeOf.get(event.subjectId) ?? String(event.details["expansionType"] ?? ""),
        action: event.action,
        actor: event.actor,
        at: event.at,
        details: event.details,
      })),
  };
}

export { sourceOf as sourceEvidenceOf };
