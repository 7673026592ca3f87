import type { Queryable } from "./database.js";

/**
 * Stores the vendor profile the given accounts were indexed with. An unchanged profile is not rewritten,
 * so re-indexing unchanged input writes nothing. Call inside the index run's transaction.
 */
export async function saveVendorProfile(transaction: Queryable, accountIds: readonly string[], profile: unknown, sourceRef: string): Promise<void> {
  if (accountIds.length === 0) return;
  await transaction.query(
    `insert into account_vendor_profiles (account_id, profile, source_ref)
     select id, $2::jsonb, $3 from unnest($1::text[]) as id
     on conflict (account_id) do update set profile = excluded.profile, source_ref = excluded.source_ref, updated_at = now()
     where account_vendor_profiles.profile is distinct from excluded.profile or account_vendor_profiles.source_ref is distinct from excluded.source_ref`,
    [accountIds, JSON.stringify(profile), sourceRef],
  );
}

/** The stored vendor profile of an account (unvalidated JSON), or undefined when it was never indexed. */
export async function storedVendorProfile(database: Queryable, accountId: string): Promise<{ profile: unknown; sourceRef: string } | undefined> {
  const [row] = await database.query<{ profile: unknown; source_ref: string }>(
    "select profile, source_ref from account_vendor_profiles where account_id = $1",
    [accountId],
  );
  if (row === undefined) return undefined;
  return { profile: typeof row.profile === "string" ? (JSON.parse(row.profile) as unknown) : row.profile, sourceRef: row.source_ref };
}
