import { randomBytes, timingSafeEqual } from "node:crypto";
import type { Principal } from "./principal.js";

/** The review page's session cookie: HttpOnly and SameSite=Strict, set by the sign-in form. */
export const SESSION_COOKIE = "evidence_session";

/** A signed-in browser stays signed in this long without a new sign-in. */
export const SESSION_LIFETIME_SECONDS = 8 * 60 * 60;

export interface Session {
  readonly id: string;
  readonly principal: Principal;
  /** Every state-changing form carries this; a post without it (or with another) is refused. */
  readonly csrfToken: string;
  readonly expiresAt: number;
}

export interface SessionStore {
  open(principal: Principal): Session;
  find(id: string | undefined): Session | undefined;
  close(id: string | undefined): void;
}

/**
 * Sessions live in the server's memory: the cookie holds a random id, never the token, and a restart signs
 * everyone out (they sign in again with their token). `now` is injectable so expiry is testable.
 */
export function createSessionStore(options: { now?: () => number; maxSessions?: number } = {}): SessionStore {
  const now = options.now ?? Date.now;
  const maxSessions = options.maxSessions ?? 10_000;
  const sessions = new Map<string, Session>();
  return {
    open(principal) {
      if (sessions.size >= maxSessions) {
        for (const [id, session] of sessions) if (session.expiresAt <= now()) sessions.delete(id);
        // Still full: drop the oldest (Map keeps insertion order).
        if (sessions.size >= maxSessions) sessions.delete(sessions.keys().next().value as string);
      }
      const session: Session = {
        id: randomBytes(32).toString("base64url"),
        principal,
        csrfToken: randomBytes(32).toString("base64url"),
        expiresAt: now() + SESSION_LIFETIME_SECONDS * 1000,
      };
      sessions.set(session.id, session);
      return session;
    },
    find(id) {
      if (id === undefined) return undefined;
      const session = sessions.get(id);
      if (session === undefined) return undefined;
      if (session.expiresAt <= now()) {
        sessions.delete(id);
        return undefined;
      }
      return session;
    },
    close(id) {
      if (id !== undefined) sessions.delete(id);
    },
  };
}

/** Constant-time comparison of a submitted CSRF token with the session's. */
export function csrfMatches(session: Session, submitted: unknown): boolean {
  if (typeof submitted !== "string") return false;
  const expected = Buffer.from(session.csrfToken);
  const given = Buffer.from(submitted);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
