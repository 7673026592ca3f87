import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { AccessRole, TokenEntry } from "../../config/serve-config.js";
import type { Principal } from "./principal.js";

/** Tokens start with this, so one found in a log or a paste is recognisable (and greppable by scanners). */
export const TOKEN_PREFIX = "evd_";

/** The sha-256 (hex) a token is stored as. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A new random token (256 bits) and the settings entry that grants it. */
export function createToken(grant: { reviewer: string; role: AccessRole; accounts: "*" | readonly string[] }): { token: string; entry: TokenEntry } {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { token, entry: { reviewer: grant.reviewer, role: grant.role, accounts: grant.accounts === "*" ? "*" : [...grant.accounts], sha256: hashToken(token) } };
}

export interface TokenRegistry {
  /** The principal a presented token stands for, or undefined when it matches none. */
  authenticate(token: string): Principal | undefined;
  readonly size: number;
}

/**
 * Looks tokens up by their hash. Comparing hashes (not tokens) with a constant-time check keeps the lookup
 * from leaking how much of a guessed token was right.
 */
export function createTokenRegistry(entries: readonly TokenEntry[]): TokenRegistry {
  const principals = entries.map((entry) => ({
    hash: Buffer.from(entry.sha256, "hex"),
    principal: {
      reviewer: entry.reviewer,
      role: entry.role,
      accounts: entry.accounts === "*" ? "all" : new Set(entry.accounts),
    } satisfies Principal,
  }));
  return {
    size: principals.length,
    authenticate(token) {
      if (token === "" || token.length > 512) return undefined;
      const presented = Buffer.from(hashToken(token), "hex");
      let found: Principal | undefined;
      for (const candidate of principals) {
        if (timingSafeEqual(candidate.hash, presented)) found = candidate.principal;
      }
      return found;
    },
  };
}
