import { HTTPException } from "hono/http-exception";
import {
  AppError,
  AuthenticationError,
  ConfigError,
  ConflictError,
  DatabaseError,
  InputError,
  NotFoundError,
  NotImplementedError,
  PayloadTooLargeError,
  PermissionError,
  ProviderError,
  type InputProblem,
} from "../errors.js";

/** An RFC 9457 problem: what every error response of the API carries, as `application/problem+json`. */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance?: string;
  /** For 422: every bad field, so a client fixes a request in one pass. */
  readonly problems?: readonly InputProblem[];
}

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

interface ProblemKind {
  readonly status: number;
  readonly slug: string;
  readonly title: string;
}

const UNEXPECTED: ProblemKind = { status: 500, slug: "unexpected", title: "Unexpected error" };

/**
 * The one place errors of the error tree become HTTP statuses. Order matters only where one class extends
 * another; none of these do. A bad configuration value reaching a request (an approve of a verdict other than
 * ready without an override reason) is the caller's to fix, so 422, like bad input.
 */
function kindOf(error: unknown): ProblemKind {
  if (error instanceof InputError) return { status: 422, slug: "invalid-input", title: "Invalid input" };
  if (error instanceof AuthenticationError) return { status: 401, slug: "unauthenticated", title: "Sign-in required" };
  if (error instanceof PermissionError) return { status: 403, slug: "forbidden", title: "Not allowed for this token" };
  if (error instanceof NotFoundError) return { status: 404, slug: "not-found", title: "Not found" };
  if (error instanceof ConflictError) return { status: 409, slug: "conflict", title: "Does not apply in the current state" };
  if (error instanceof PayloadTooLargeError) return { status: 413, slug: "payload-too-large", title: "Request body too large" };
  if (error instanceof ConfigError) return { status: 422, slug: "invalid-request", title: "The request cannot work as given" };
  if (error instanceof NotImplementedError) return { status: 501, slug: "not-implemented", title: "Not available in this build" };
  if (error instanceof DatabaseError) return { status: 503, slug: "database-unavailable", title: "Database unavailable" };
  if (error instanceof ProviderError) return { status: 502, slug: "model-provider-failed", title: "Model provider failed" };
  if (error instanceof HTTPException) return { status: error.status, slug: `http-${error.status}`, title: error.message || "HTTP error" };
  return UNEXPECTED;
}

/**
 * The problem document for an error. Messages of the error tree are written for users and shown as they are;
 * anything unexpected shows a fixed text (the cause goes to the server log, never to the client).
 *
 * @example problemFor(new NotFoundError("No account acme."), "/api/accounts/acme").status // 404
 */
export function problemFor(error: unknown, instance?: string): ProblemDetails {
  if (error instanceof HTTPException && error.status === 400 && /malformed json/i.test(error.message)) {
    // hono's JSON validator meets a body that is not JSON: bad input like any other, with the place named.
    return problemFor(new InputError([{ file: "request body", reason: "is not valid JSON" }], { headline: "The request body is not valid JSON.", cause: error }), instance);
  }
  const kind = kindOf(error);
  const known = error instanceof AppError || error instanceof HTTPException;
  return {
    type: `urn:evidence:problem:${kind.slug}`,
    title: kind.title,
    status: kind.status,
    detail: known ? (error as Error).message || kind.title : "Something went wrong on the server; it has been logged.",
    ...(instance === undefined ? {} : { instance }),
    ...(error instanceof InputError ? { problems: error.problems } : {}),
  };
}

/** A problem as a Response, for places that answer before any route runs (middleware). */
export function problemResponse(problem: ProblemDetails, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { "content-type": PROBLEM_CONTENT_TYPE, ...headers },
  });
}
