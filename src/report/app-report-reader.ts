import { assessReadiness, disputedQuotes, history, listAccounts, listHypotheses, previousAssessment, type Services } from "../app/index.js";
import { toEvidenceFact } from "../evidence/cite-evidence.js";
import { READINESS_GATES } from "../rules/gate-registry.js";
import { DEFAULT_RULES_FILE } from "../rules/load-rules.js";
import type { GateId, ReadinessResult } from "../rules/readiness-contract.js";
import { sourceEvidenceOf, type ReportReader } from "./gather-report-sources.js";

/**
 * The report's reader over the application's use cases: readiness decided in memory (nothing recorded),
 * hypotheses, disputes with the stored quote and its place, the audit trail and the last recorded
 * assessment. Never SQL: report/ reads through src/app only.
 *
 * @example const report = buildAccountReport(await gatherReportSources(appReportReader(services), "acme", { asOf }));
 */
export function appReportReader(services: Services): ReportReader {
  return {
    async accountIds() {
      return (await listAccounts(services)).map((account) => account.id);
    },
    async assess(accountId, asOf) {
      const assessment = await assessReadiness(services, { accountId, asOf });
      return {
        account: assessment.account,
        usage: assessment.input.usage,
        result: assessment.result,
        evidence: assessment.input.evidence,
        notCounted: assessment.notCustomerSide,
        rulesFile: assessment.rules.file === DEFAULT_RULES_FILE ? "the shipped readiness-rules.yaml" : assessment.rules.file,
      };
    },
    async hypotheses(accountId) {
      return (await listHypotheses(services, { accountId })).map((hypothesis) => ({
        id: hypothesis.id,
        expansionType: hypothesis.expansionType,
        verdict: hypothesis.verdict,
        status: hypothesis.status,
        statusReason: hypothesis.statusReason,
        content: hypothesis.content,
        evidenceIds: hypothesis.evidenceIds,
        reviewedBy: hypothesis.reviewedBy,
        reviewedAt: hypothesis.reviewedAt,
        reviewComment: hypothesis.reviewComment,
        overrideReason: hypothesis.overrideReason,
        createdAt: hypothesis.createdAt,
      }));
    },
    async disputes(accountId) {
      return (await disputedQuotes(services, accountId)).flatMap((row) => {
        const fact = toEvidenceFact(row.evidence);
        return fact === undefined ? [] : [{ evidence: sourceEvidenceOf(fact), reviewer: row.reviewer, comment: row.comment, at: row.labelledAt }];
      });
    },
    async auditEvents(accountId) {
      // The use case lists newest first; the report reads oldest first.
      return (await history(services, accountId))
        .map((event) => ({ action: event.action, actor: event.actor, at: event.occurredAt, subjectType: event.subjectType, subjectId: event.subjectId, details: event.details }))
        .reverse();
    },
    async assessmentBefore(accountId, before) {
      const recorded = await previousAssessment(services, { accountId, before });
      if (recorded === undefined) return undefined;
      const result = recorded.result as ReadinessResult;
      return { ...recorded, gates: result.gates.map((gate) => ({ gate: gate.gate, status: gate.status })) };
    },
    nextCustomerActions() {
      // Each gate declares the customer action that would move it (src/rules/gates/).
      return Object.fromEntries(
        READINESS_GATES.flatMap((gate) => (gate.nextCustomerAction === undefined ? [] : [[gate.id, gate.nextCustomerAction.text] as [GateId, string]])),
      );
    },
  };
}
