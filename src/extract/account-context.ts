import { listAccounts } from "../db/account-store.js";
import type { Queryable } from "../db/database.js";
import { storedVendorProfile } from "../db/vendor-profile-store.js";
import { InputError } from "../errors.js";
import { vendorProfileSchema, type VendorProfile } from "../ingest/vendor-profile.js";
import { validateRecord } from "../ingest/validate-records.js";
import type { AccountContext } from "./extractor.js";

/** The vendor's own names as written: product, vendor, tiers and add-ons. */
export function productNamesOf(profile: VendorProfile): string[] {
  return [...new Set([profile.product, profile.vendor, ...profile.tiers.map((tier) => tier.name), ...profile.add_ons.map((addOn) => addOn.name)])];
}

/**
 * What is on record for each of the accounts: the champion (from the accounts file) and the vendor's
 * product names (from the vendor profile stored when the account's folder was indexed). An account with
 * neither gets no context. A stored profile that no longer validates is an error, as for readiness.
 *
 * @example (await accountContexts(database, ["acme"])).get("acme")?.productNames // ["Halyard", "Halyard Ltd", ...]
 */
export async function accountContexts(database: Queryable, accountIds: readonly string[]): Promise<Map<string, AccountContext>> {
  const wanted = new Set(accountIds);
  const accounts = (await listAccounts(database)).filter((account) => wanted.has(account.id));
  const champions = new Map(accounts.map((account) => [account.id, account.champion]));
  const contexts = new Map<string, AccountContext>();
  for (const accountId of wanted) {
    const stored = await storedVendorProfile(database, accountId);
    let productNames: string[] = [];
    if (stored !== undefined) {
      const result = validateRecord(vendorProfileSchema, stored.profile, { file: `stored ${stored.sourceRef}`, record: `vendor profile of ${accountId}` });
      if (!result.success) throw new InputError(result.problems, { headline: "The stored vendor profile is no longer valid; index the folder again:" });
      productNames = productNamesOf(result.data);
    }
    const champion = champions.get(accountId);
    if (champion === undefined && productNames.length === 0) continue;
    contexts.set(accountId, { ...(champion === undefined ? {} : { champion }), productNames });
  }
  return contexts;
}
