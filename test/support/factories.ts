import { accountSchema, type Account } from "../../src/ingest/account-schema.js";

/** A valid account; override only what a test is about. */
export function createAccount(overrides: Partial<Account> & { id: string }): Account {
  return accountSchema.parse({
    name: overrides.id,
    tier: "business",
    arr: 50_000,
    health: "green",
    health_trend: "flat",
    domains: [`${overrides.id}.example`],
    ...overrides,
  });
}
