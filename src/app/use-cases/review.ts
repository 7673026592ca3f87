import type { StoredHypothesis } from "../../db/hypothesis-store.js";
import {
  approveHypothesis,
  carryOverApproval,
  disputeEvidence,
  rejectHypothesis,
  withdrawDispute as storeWithdrawal,
  type DisputeOutcome,
  type WithdrawnDispute,
} from "../../hypotheses/review-hypothesis.js";
import { requireReviewer } from "../settings.js";
import type { Services } from "../services.js";

export type { StoredHypothesis } from "../../db/hypothesis-store.js";
export type { DisputeOutcome, WithdrawnDispute } from "../../hypotheses/review-hypothesis.js";

/** A review as a front end gives it; the reviewer falls back to the settings (EVIDENCE_REVIEWER, file). */
export interface ReviewInput {
  readonly reviewer?: string | undefined;
  readonly comment?: string | undefined;
}

function reviewerOf(services: Services, input: ReviewInput): string {
  const given = input.reviewer?.trim();
  return given === undefined || given === "" ? requireReviewer(services.settings) : given;
}

/**
 * Approves a draft; a verdict other than ready needs `overrideReason`. With `carryOver`, the approval of
 * the hypothesis the draft replaced is carried over (same verdict and type required; its comment and
 * override reason come along), and the result names it in `carriedOverFrom`.
 */
export async function approve(
  services: Services,
  hypothesisId: string,
  input: ReviewInput & { readonly overrideReason?: string | undefined; readonly carryOver?: boolean | undefined },
): Promise<StoredHypothesis & { carriedOverFrom?: string }> {
  const reviewer = reviewerOf(services, input);
  if (input.carryOver === true) return carryOverApproval(services.database, hypothesisId, { ...input, reviewer });
  return approveHypothesis(services.database, hypothesisId, { ...input, reviewer });
}

/** Rejects a draft or approved hypothesis; the comment (why) is required. */
export async function reject(services: Services, hypothesisId: string, input: ReviewInput): Promise<StoredHypothesis> {
  return rejectHypothesis(services.database, hypothesisId, { ...input, reviewer: reviewerOf(services, input) });
}

/** Marks an evidence row wrong: the rules stop reading it, citing hypotheses go stale. */
export async function dispute(services: Services, evidenceId: string, input: ReviewInput): Promise<DisputeOutcome & { reviewer: string }> {
  const reviewer = reviewerOf(services, input);
  return { ...(await disputeEvidence(services.database, evidenceId, { ...input, reviewer })), reviewer };
}

/** Undoes a dispute (audited): the row counts again and its label leaves the eval's hard negatives. */
export async function withdrawDispute(services: Services, evidenceId: string, input: ReviewInput): Promise<WithdrawnDispute & { reviewer: string }> {
  const reviewer = reviewerOf(services, input);
  return { ...(await storeWithdrawal(services.database, evidenceId, { ...input, reviewer })), reviewer };
}
