import { z } from "zod";
import { accountSchema, type Account } from "../ingest/account-schema.js";
import type { Queryable } from "./database.js";

/**
 * Writes accounts in one statement per account inside the caller's transaction, so a file either lands
 * whole or not at all. Re-importing an account updates its facts and keeps its documents.
 */
export async function saveAccounts(transaction: Queryable, accounts: readonly Account[], sourceRef: string): Promise<void> {
  for (const account of accounts) {
    await transaction.query(
      `insert into accounts (id, name, tier, arr, health, health_trend, licensed_seats, renewal_date,
                             champion, economic_buyer, domains, add_ons, source_ref, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, now())
       on conflict (id) do update set
         name = excluded.name, tier = excluded.tier, arr = excluded.arr, health = excluded.health,
         health_trend = excluded.health_trend, licensed_seats = excluded.licensed_seats,
         renewal_date = excluded.renewal_date, champion = excluded.champion,
         economic_buyer = excluded.economic_buyer, domains = excluded.domains, add_ons = excluded.add_ons,
         source_ref = excluded.source_ref, updated_at = now()
       -- An unchanged account is not rewritten, so re-indexing unchanged input writes nothing.
       where (accounts.name, accounts.tier, accounts.arr, accounts.health, accounts.health_trend,
              accounts.licensed_seats, accounts.renewal_date, accounts.champion, accounts.economic_buyer,
              accounts.domains, accounts.add_ons, accounts.source_ref)
             is distinct from
             (excluded.name, excluded.tier, excluded.arr, excluded.health, excluded.health_trend,
              excluded.licensed_seats, excluded.renewal_date, excluded.champion, excluded.economic_buyer,
              excluded.domains, excluded.add_ons, excluded.source_ref)`,
      [
        account.id,
        account.name,
        account.tier,
        account.arr,
        account.health,
        account.health_trend,
        account.licensed_seats ?? null,
        account.renewal_date ?? null,
        account.champion ?? null,
        account.economic_buyer ?? null,
        account.domains,
        account.add_ons,
        sourceRef,
      ],
    );
  }
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
