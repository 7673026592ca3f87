import { appendAuditEvent } from "../db/audit-store.js";
import type { Database } from "../db/database.js";
import { findEvidenceForReview, labelEvidenceWrong, withdrawEvidenceLabels } from "../db/evidence-label-store.js";
import { findHypothesis, openHypothesesCiting, setHypothesisStatus, type StoredHypothesis } from "../db/hypothesis-store.js";
import { ConfigError, ConflictError, NotFoundError } from "../errors.js";
import { canCarryOver } from "./record-readiness.js";

export interface Review {
  readonly reviewer: string;
  readonly comment?: string | undefined;
}

function reviewerOf(review: Review): string {
  const reviewer = review.reviewer.trim();
  if (reviewer === "") throw new ConfigError("Name the reviewer: --reviewer NAME (it goes into the audit trail).");
  return reviewer;
}

function snapshot(hypothesis: StoredHypothesis) {
  return {
    accountId: hypothesis.accountId,
    expansionType: hypothesis.expansionType,
    verdict: hypothesis.verdict,
    evidenceIds: [...hypothesis.evidenceIds],
    rulesVersion: hypothesis.rulesVersion,
    assessmentId: hypothesis.assessmentId,
  };
}

function notReviewable(hypothesis: StoredHypothesis, action: string): ConflictError {
  const why =
    hypothesis.status === "stale"
      ? `it is stale (${hypothesis.statusReason ?? "its evidence changed"}). Run: evidence readiness ${hypothesis.accountId}, then review the new draft`
      : `it is ${hypothesis.status} already`;
  return new ConflictError(`Cannot ${action} hypothesis ${hypothesis.id}: ${why}.`);
}

/**
 * Approves a draft. A verdict other than `ready` needs an override reason, kept with the hypothesis and in
 * the audit event: a person may overrule the rules, but never silently.
 */
export async function approveHypothesis(
  database: Database,
  id: string,
  review: Review & { readonly overrideReason?: string | undefined },
): Promise<StoredHypothesis> {
  const reviewer = reviewerOf(review);
  return database.transaction(async (transaction) => {
    const hypothesis = await findHypothesis(transaction, id, { forUpdate: true });
    if (hypothesis === undefined) throw new NotFoundError(`No hypothesis ${id}. List them with: evidence hypotheses`);
    if (hypothesis.status !== "draft") throw notReviewable(hypothesis, "approve");
    const overrideReason = review.overrideReason?.trim() || undefined;
    if (hypothesis.verdict !== "ready" && overrideReason === undefined) {
      throw new ConfigError(
        `Hypothesis ${id} has verdict ${hypothesis.verdict}, not ready: approving it overrules the rules. ` +
          "Say why with --override-reason TEXT.",
      );
    }
    await setHypothesisStatus(transaction, id, { status: "approved", reviewer, comment: review.comment, overrideReason });
    await appendAuditEvent(transaction, {
      actor: reviewer,
      action: "hypothesis.approved",
      subjectType: "hypothesis",
      subjectId: id,
      details: { ...snapshot(hypothesis), from: "draft", to: "approved", comment: review.comment ?? null, overrideReason: overrideReason ?? null },
    });
    return (await findHypothesis(transaction, id)) as StoredHypothesis;
  });
}

/** Rejects a draft or an approved hypothesis; the comment (why) is required. */
export async function rejectHypothesis(database: Database, id: string, review: Review): Promise<StoredHypothesis> {
  const reviewer = reviewerOf(review);
  const comment = review.comment?.trim();
  if (comment === undefined || comment === "") throw new ConfigError("Say why the hypothesis is rejected: --comment TEXT.");
  return database.transaction(async (transaction) => {
    const hypothesis = await findHypothesis(transaction, id, { forUpdate: true });
    if (hypothesis === undefined) throw new NotFoundError(`No hypothesis ${id}. List them with: evidence hypotheses`);
    if (hypothesis.status !== "draft" && hypothesis.status !== "approved") throw notReviewable(hypothesis, "reject");
    await setHypothesisStatus(transaction, id, { status: "rejected", reviewer, comment });
    await appendAuditEvent(transaction, {
      actor: reviewer,
      action: "hypothesis.rejected",
      subjectType: "hypothesis",
      subjectId: id,
      details: { ...snapshot(hypothesis), from: hypothesis.status, to: "rejected", comment },
    });
    return (await findHypothesis(transaction, id)) as StoredHypothesis;
  });
}

export interface DisputeOutcome {
  readonly evidenceId: string;
  readonly labelId: string;
  /** Open hypotheses that cited the row and are now stale. */
  readonly staleHypotheses: readonly string[];
}

/**
 * Marks one evidence row wrong: it leaves the rules' input, its copy stays as a label for the eval suite,
 * and every open hypothesis that cited it goes stale at once (its basis is gone).
 */
export async function disputeEvidence(database: Database, evidenceId: string, review: Review): Promise<DisputeOutcome> {
  const reviewer = reviewerOf(review);
  return database.transaction(async (transaction) => {
    const evidence = await findEvidenceForReview(transaction, evidenceId, { forUpdate: true });
    if (evidence === undefined) throw new NotFoundError(`No evidence row ${evidenceId}.`);
    if (evidence.status === "disputed") throw new ConflictError(`Evidence ${evidenceId} is disputed already.`);
    const labelId = await labelEvidenceWrong(transaction, evidence, { reviewer, comment: review.comment });
    const citing = await openHypothesesCiting(transaction, evidenceId);
    for (const hypothesis of citing) {
      const reason = `evidence #${evidenceId} was disputed by ${reviewer}; run evidence readiness ${hypothesis.accountId} again`;
      await setHypothesisStatus(transaction, hypothesis.id, { status: "stale", reason });
      await appendAuditEvent(transaction, {
        actor: reviewer,
        action: "hypothesis.stale",
        subjectType: "hypothesis",
        subjectId: hypothesis.id,
        details: { ...snapshot(hypothesis), from: hypothesis.status, to: "stale", reason },
      });
    }
    await appendAuditEvent(transaction, {
      actor: reviewer,
      action: "evidence.disputed",
      subjectType: "evidence",
      subjectId: evidenceId,
      details: {
        accountId: evidence.accountId,
        signalId: evidence.signalId,
        sourceRef: evidence.sourceRef,
        quote: evidence.quote,
        speakerRole: evidence.speakerRole,
        labelId,
        comment: review.comment ?? null,
        staleHypotheses: citing.map((hypothesis) => hypothesis.id),
      },
    });
    return { evidenceId, labelId, staleHypotheses: citing.map((hypothesis) => hypothesis.id) };
  });
}

export interface WithdrawnDispute {
  readonly evidenceId: string;
  readonly accountId: string;
  /** The labels no longer read by the eval. */
  readonly withdrawnLabels: readonly string[];
}

/**
 * Undoes a dispute: the row counts for the rules again and its label leaves the eval's hard negatives.
 * Hypotheses the dispute made stale stay stale; the next readiness run drafts anew with the row.
 */
export async function withdrawDispute(database: Database, evidenceId: string, review: Review): Promise<WithdrawnDispute> {
  const reviewer = reviewerOf(review);
  return database.transaction(async (transaction) => {
    const evidence = await findEvidenceForReview(transaction, evidenceId, { forUpdate: true });
    if (evidence === undefined) throw new NotFoundError(`No evidence row ${evidenceId}.`);
    if (evidence.status !== "disputed") throw new ConflictError(`Evidence ${evidenceId} is not disputed: there is nothing to withdraw.`);
    const withdrawnLabels = await withdrawEvidenceLabels(transaction, evidence, { reviewer });
    await appendAuditEvent(transaction, {
      actor: reviewer,
      action: "evidence.dispute_withdrawn",
      subjectType: "evidence",
      subjectId: evidenceId,
      details: {
        accountId: evidence.accountId,
        signalId: evidence.signalId,
        sourceRef: evidence.sourceRef,
        quote: evidence.quote,
        withdrawnLabels,
        comment: review.comment ?? null,
      },
    });
    return { evidenceId, accountId: evidence.accountId, withdrawnLabels };
  });
}

/**
 * Approves a draft by carrying over the approval of the hypothesis it replaced, when that one was approved
 * with the same verdict and expansion type (only its evidence changed). The earlier comment and override
 * reason come along; the audit event names the approval it carries.
 */
export async function carryOverApproval(database: Database, id: string, review: Review): Promise<StoredHypothesis & { carriedOverFrom: string }> {
  const reviewer = reviewerOf(review);
  return database.transaction(async (transaction) => {
    const hypothesis = await findHypothesis(transaction, id, { forUpdate: true });
    if (hypothesis === undefined) throw new NotFoundError(`No hypothesis ${id}. List them with: evidence hypotheses`);
    if (hypothesis.status !== "draft") throw notReviewable(hypothesis, "approve");
    const previous = hypothesis.supersedesId === null ? undefined : await findHypothesis(transaction, hypothesis.supersedesId);
    if (previous === undefined || !canCarryOver(previous, hypothesis)) {
      const why =
        previous === undefined
          ? "it replaces no earlier hypothesis"
          : previous.reviewedBy === null || previous.status === "rejected"
            ? `#${previous.id}, which it replaces, was never approved`
            : `its verdict changed from ${previous.verdict} to ${hypothesis.verdict}`;
      throw new ConflictError(`Cannot carry an approval over to hypothesis ${id}: ${why}. Review it with: evidence approve ${id} (without --carry-over).`);
    }
    const comment = review.comment?.trim() || previous.reviewComment || undefined;
    const overrideReason = previous.overrideReason ?? undefined;
    await setHypothesisStatus(transaction, id, { status: "approved", reviewer, comment, overrideReason });
    await appendAuditEvent(transaction, {
      actor: reviewer,
      action: "hypothesis.approved",
      subjectType: "hypothesis",
      subjectId: id,
      details: {
        ...snapshot(hypothesis),
        from: "draft",
        to: "approved",
        comment: comment ?? null,
        overrideReason: overrideReason ?? null,
        carriedOverFrom: previous.id,
        previousReviewer: previous.reviewedBy,
      },
    });
    return { ...((await findHypothesis(transaction, id)) as StoredHypothesis), carriedOverFrom: previous.id };
  });
}
