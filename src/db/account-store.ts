import { z } from "zod";
import { accountSchema, type Account } from "../ingest/account-schema.js";
import type { Queryable } from "./database.js";

/**
 * Writes accounts in one multi-row statement inside the caller's transaction, so a file either lands
 * whole or not at all. Re-importing an account updates its facts and keeps its documents; an unchanged
 * account is not rewritten, so re-indexing unchanged input writes nothing.
 */
export async function saveAccounts(transaction: Queryable, accounts: readonly Account[], sourceRef: string): Promise<void> {
  if (accounts.length === 0) return;
  const column = <T>(pick: (account: Account) => T) => accounts.map(pick);
  await transaction.query(
    `insert into accounts (id, name, tier, arr, health, health_trend, licensed_seats, renewal_date,
                           champion, economic_buyer, domains, add_ons, source_ref, updated_at)
     select id, name, tier, arr, health, health_trend, licensed_seats, renewal_date::date, champion, economic_buyer,
            coalesce((select array_agg(value) from jsonb_array_elements_text(domains::jsonb) as value), '{}'),
            coalesce((select array_agg(value) from jsonb_array_elements_text(add_ons::jsonb) as value), '{}'),
            $13, now()
       from unnest($1::text[], $2::text[], $3::text[], $4::numeric[], $5::text[], $6::text[], $7::int[], $8::text[],
                   $9::text[], $10::text[], $11::text[], $12::text[])
         as given (id, name, tier, arr, health, health_trend, licensed_seats, renewal_date, champion, economic_buyer, domains, add_ons)
     on conflict (id) do update set
       name = excluded.name, tier = excluded.tier, arr = excluded.arr, health = excluded.health,
       health_trend = excluded.health_trend, licensed_seats = excluded.licensed_seats,
       renewal_date = excluded.renewal_date, champion = excluded.champion,
       economic_buyer = excluded.economic_buyer, domains = excluded.domains, add_ons = excluded.add_ons,
       source_ref = excluded.source_ref, updated_at = now()
     where (accounts.name, accounts.tier, accounts.arr, accounts.health, accounts.health_trend,
            accounts.licensed_seats, accounts.renewal_date, accounts.champion, accounts.economic_buyer,
            accounts.domains, accounts.add_ons, accounts.source_ref)
           is distinct from
           (excluded.name, excluded.tier, excluded.arr, excluded.health, excluded.health_trend,
            excluded.licensed_seats, excluded.renewal_date, excluded.champion, excluded.economic_buyer,
            excluded.domains, excluded.add_ons, excluded.source_ref)`,
    [
      column((account) => account.id),
      column((account) => account.name),
      column((account) => account.tier),
      column((account) => account.arr),
      column((account) => account.health),
      column((account) => account.health_trend),
      column((account) => account.licensed_seats ?? null),
      column((account) => account.renewal_date ?? null),
      column((account) => account.champion ?? null),
      column((account) => account.economic_buyer ?? null),
      // Lists travel as JSON text: an array of arrays would have to be rectangular.
      column((account) => JSON.stringify(account.domains)),
      column((account) => JSON.stringify(account.add_ons)),
      sourceRef,
    ],
  );
}

// Both drivers return numeric as text and may return dates as Date: normalise once, here.
const accountRowSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    tier: z.string(),
    arr: z.coerce.number(),
    health: z.string(),
    health_trend: z.string(),
    licensed_seats: z.number().nullable(),
    renewal_date: z.string().nullable(),
    champion: z.string().nullable(),
    economic_buyer: z.string().nullable(),
    domains: z.array(z.string()),
    add_ons: z.array(z.string()),
  })
  .transform((row) =>
    accountSchema.parse(Object.fromEntries(Object.entries(row).filter(([, value]) => value !== null))),
  );

export async function listAccounts(database: Queryable): Promise<Account[]> {
  const rows = await database.query(
    `select id, name, tier, arr::text as arr, health, health_trend, licensed_seats,
            renewal_date::text as renewal_date, champion, economic_buyer, domains, add_ons
       from accounts order by id`,
  );
  return rows.map((row) => accountRowSchema.parse(row));
}

/** Holds the account's row until the transaction ends, so two runs for one account take turns. */
export async function lockAccount(transaction: Queryable, accountId: string): Promise<void> {
  await transaction.query("select id from accounts where id = $1 for update", [accountId]);
}
