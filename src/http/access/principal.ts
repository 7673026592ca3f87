import type { AccessRole } from "../../config/serve-config.js";

/**
 * Who is calling, as a token says: the reviewer's name (what the audit trail records; never taken from a
 * request body), the role, and the accounts the token may see.
 */
export interface Principal {
  readonly reviewer: string;
  readonly role: AccessRole;
  /** "all", or the account ids the token is scoped to. */
  readonly accounts: "all" | ReadonlySet<string>;
}

/** Whether the principal may see an account. An account outside the scope is answered as if it did not exist. */
export function canSeeAccount(principal: Principal, accountId: string): boolean {
  return principal.accounts === "all" || principal.accounts.has(accountId);
}

/** The accounts a list should be narrowed to: undefined means every account. */
export function visibleAccounts(principal: Principal): readonly string[] | undefined {
  return principal.accounts === "all" ? undefined : [...principal.accounts];
}
