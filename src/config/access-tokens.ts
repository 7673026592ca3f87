import { createHash, randomBytes } from "node:crypto";
import type { AccessRole, TokenEntry } from "./serve-config.js";

/** Tokens start with this, so one found in a log or a paste is recognisable (and findable by secret scanners). */
export const TOKEN_PREFIX = "evd_";

/** The sha-256 (hex) a token is stored as in the settings. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/**
 * A new random token (256 bits) and the settings entry that grants it. The token is shown once; only the
 * entry (with the hash) goes into the settings.
 *
 * @example const { token, entry } = createToken({ reviewer: "Maya Chen", role: "reviewer", accounts: "*" });
 */
export function createToken(grant: { reviewer: string; role: AccessRole; accounts: "*" | readonly string[] }): { token: string; entry: TokenEntry } {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { token, entry: { reviewer: grant.reviewer, role: grant.role, accounts: grant.accounts === "*" ? "*" : [...grant.accounts], sha256: hashToken(token) } };
}
