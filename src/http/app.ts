import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { AuthenticationError, PayloadTooLargeError } from "../errors.js";
import { createSessionStore, type SessionStore } from "./access/sessions.js";
import type { TokenRegistry } from "./access/token-registry.js";
import { registerAccountRoutes } from "./api/account-routes.js";
import { registerAskRoutes } from "./api/ask-routes.js";
import { registerEvidenceRoutes } from "./api/evidence-routes.js";
import { registerHypothesisRoutes } from "./api/hypothesis-routes.js";
import { registerReadinessRoutes } from "./api/readiness-routes.js";
import { registerReportRoutes } from "./api/report-routes.js";
import { registerUploadRoutes } from "./api/upload-routes.js";
import type { HttpEnv } from "./http-env.js";
import { registerPages, renderErrorPage } from "./pages/register-pages.js";
import { PROBLEM_CONTENT_TYPE, problemFor, type ProblemDetails } from "./problem-details.js";
import type { HttpUseCases } from "./use-case-port.js";
import { throwValidationError } from "./validation-hook.js";

export interface HttpAppOptions {
  readonly useCases: HttpUseCases;
  readonly tokens: TokenRegistry;
  readonly bodyLimitBytes: number;
  readonly sessions?: SessionStore;
  /** Where unexpected errors are reported (their cause never reaches the client). Default: stderr. */
  readonly logError?: (error: unknown) => void;
  /** The tool's version, shown in the OpenAPI document. */
  readonly version?: string;
}

/** The API, its OpenAPI document and the review page, as one hono app (no server: `serve.ts` runs it). */
export function createHttpApp(options: HttpAppOptions): OpenAPIHono<HttpEnv> {
  const app = new OpenAPIHono<HttpEnv>({ defaultHook: (result) => throwValidationError(result) });
  const sessions = options.sessions ?? createSessionStore();
  const logError = options.logError ?? ((error: unknown) => console.error("evidence serve:", error));

  app.use(
    "*",
    bodyLimit({
      maxSize: options.bodyLimitBytes,
      onError: () => {
        throw new PayloadTooLargeError(options.bodyLimitBytes);
      },
    }),
  );

  // The JSON API authenticates every call with a bearer token; there is no cookie here, so no CSRF either.
  app.use("/api/*", async (c, next) => {
    const header = c.req.header("authorization") ?? "";
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (match === null) throw new AuthenticationError("Send a token: Authorization: Bearer <token>.");
    const principal = options.tokens.authenticate(match[1] ?? "");
    if (principal === undefined) throw new AuthenticationError("The token matches none this server knows.");
    c.set("principal", principal);
    await next();
  });

  registerAccountRoutes(app, options.useCases);
  registerEvidenceRoutes(app, options.useCases);
  registerHypothesisRoutes(app, options.useCases);
  registerReadinessRoutes(app, options.useCases);
  registerAskRoutes(app, options.useCases);
  registerReportRoutes(app, options.useCases);
  registerUploadRoutes(app, options.useCases);

  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description: "A token from `evidence token create`; the server stores only its sha-256.",
  });
  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "evidence API",
      version: options.version ?? "0.0.0",
      description:
        "Evidence, readiness and review for Customer Success accounts. Errors are RFC 9457 problem details. " +
        "A token sees only its accounts: anything outside its scope answers 404, exactly like something that does not exist.",
    },
  });

  registerPages(app, { useCases: options.useCases, tokens: options.tokens, sessions });

  app.notFound((c) =>
    respond(c, { type: "urn:evidence:problem:no-route", title: "Not found", status: 404, detail: `Nothing at ${c.req.path}.`, instance: c.req.path }),
  );
  app.onError((error, c) => {
    const problem = problemFor(error, c.req.path);
    if (problem.status >= 500 && problem.status !== 501) logError(error);
    return respond(c, problem);
  });
  return app;
}

/**
 * Errors become responses here only: problem details on the API (and for anything asking for JSON), an HTML
 * page with the same status on the review page.
 */
function respond(c: Context<HttpEnv>, problem: ProblemDetails): Response | Promise<Response> {
  const headers: Record<string, string> = problem.status === 401 ? { "www-authenticate": 'Bearer realm="evidence"' } : {};
  const wantsPage = !c.req.path.startsWith("/api/") && c.req.path !== "/openapi.json" && !(c.req.header("accept") ?? "").includes("json");
  if (wantsPage) return renderErrorPage(c, problem);
  return new Response(JSON.stringify(problem), { status: problem.status, headers: { "content-type": PROBLEM_CONTENT_TYPE, ...headers } });
}
