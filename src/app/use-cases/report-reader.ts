import { listAccounts } from "../../db/account-store.js";
import { listAuditEvents } from "../../db/audit-history-store.js";
import type { Queryable } from "../../db/database.js";
import { listHypotheses } from "../../db/hypothesis-store.js";
import { assessmentBefore, disputedEvidence } from "../../db/report-history-store.js";
import { assessAccount } from "../../hypotheses/assess-account.js";
import { toEvidenceFact } from "../../hypotheses/cite-evidence.js";
import { DEFAULT_RULES_FILE } from "../../rules/load-rules.js";
import type { ReadinessResult } from "../../rules/readiness-contract.js";
import type { LoadedRules } from "../../rules/rules-schema.js";
import { sourceEvidenceOf, type ReportReader } from "../../report/gather-report-sources.js";

/**
 * The report's reader over the stores: readiness decided in memory (nothing recorded), hypotheses,
 * disputes with the stored quote and its place, the audit trail, and the last recorded assessment.
 */
export function storeReportReader(database: Queryable, options: { rules?: LoadedRules } = {}): ReportReader {
  return {
    async accountIds() {
      return (await listAccounts(database)).map((account) => account.id);
    },
    async assess(accountId, asOf) {
      const assessment = await assessAccount(database, accountId, { asOf, ...(options.rules === undefined ? {} : { rules: options.rules }) });
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
      return (await listHypotheses(database, { accountId })).map((hypothesis) => ({
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
      return (await disputedEvidence(database, accountId)).flatMap((row) => {
        const fact = toEvidenceFact(row.evidence);
        return fact === undefined ? [] : [{ evidence: sourceEvidenceOf(fact), reviewer: row.reviewer, comment: row.comment, at: row.labelledAt }];
      });
    },
    async auditEvents(accountId) {
      const events = await listAuditEvents(database);
      return events
        .filter((event) => (event.subjectType === "account" && event.subjectId === accountId) || event.details["accountId"] === accountId)
        .map((event) => ({ action: event.action, actor: event.actor, at: event.occurredAt, subjectType: event.subjectType, subjectId: event.subjectId, details: event.details }));
    },
    async assessmentBefore(accountId, before) {
      const row = await assessmentBefore(database, accountId, before);
      if (row === undefined) return undefined;
      const result = row.result as ReadinessResult;
      return { ...row, gates: result.gates.map((gate) => ({ gate: gate.gate, status: gate.status })) };
    },
    nextCustomerActions() {
      return {};
    },
  };
}

