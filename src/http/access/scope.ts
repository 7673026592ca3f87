import { NotFoundError, PermissionError } from "../../errors.js";
import type { AccountView, HttpUseCases } from "../use-case-port.js";
import type { EvidenceView, HypothesisView } from "../schemas/api-schemas.js";
import { canSeeAccount, type Principal } from "./principal.js";

/*
 * Scope checks, before any use case runs. Something outside a token's scope gets exactly the answer a thing
 * that does not exist gets (same status, same words), so a token cannot learn which accounts exist.
 */

export async function visibleAccount(useCases: HttpUseCases, principal: Principal, accountId: string): Promise<AccountView> {
  const account = canSeeAccount(principal, accountId) ? await useCases.findAccount(accountId) : undefined;
  if (account === undefined) throw new NotFoundError(`No account "${accountId}".`);
  return account;
}

export async function visibleHypothesis(useCases: HttpUseCases, principal: Principal, hypothesisId: string): Promise<HypothesisView> {
  const hypothesis = await useCases.findHypothesis(hypothesisId);
  if (hypothesis === undefined || !canSeeAccount(principal, hypothesis.accountId)) throw new NotFoundError(`No hypothesis ${hypothesisId}.`);
  return hypothesis;
}

export async function visibleEvidence(useCases: HttpUseCases, principal: Principal, evidenceId: string): Promise<EvidenceView> {
  const evidence = await useCases.findEvidence(evidenceId);
  if (evidence === undefined || !canSeeAccount(principal, evidence.accountId)) throw new NotFoundError(`No evidence row ${evidenceId}.`);
  return evidence;
}

/** Readers read; only reviewers change review state. Checked after scope, so a 403 never reveals an account. */
export function requireReviewerRole(principal: Principal, action: string): void {
  if (principal.role !== "reviewer") {
    throw new PermissionError(`The token of ${principal.reviewer} is a reader token: it cannot ${action}. Ask for a reviewer token.`);
  }
}
