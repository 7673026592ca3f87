import { timingSafeEqual } from "node:crypto";
import { hashToken } from "../../config/access-tokens.js";
import type { TokenEntry } from "../../config/serve-config.js";
import type { Principal } from "./principal.js";

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
