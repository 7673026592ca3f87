import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { requireReviewerRole, visibleAccount } from "../access/scope.js";
import type { HttpEnv } from "../http-env.js";
import {
  accountParamsSchema,
  historyEntrySchema,
  readinessQuerySchema,
  readinessSchema,
  recordReadinessBodySchema,
  recordedReadinessSchema,
} from "../schemas/api-schemas.js";
import type { HttpUseCases } from "../use-case-port.js";
import { BEARER, jsonResponse, problemResponses } from "./route-helpers.js";

const readReadiness = createRoute({
  method: "get",
  path: "/api/accounts/{accountId}/readiness",
  tags: ["readiness"],
  summary: "Decide readiness by the rules without storing anything (gates with reasons and evidence ids)",
  security: BEARER,
  request: { params: accountParamsSchema, query: readinessQuerySchema },
  responses: { ...jsonResponse(readinessSchema, "The decision"), ...problemResponses(401, 404, 422) },
});

const recordReadiness = createRoute({
  method: "post",
  path: "/api/accounts/{accountId}/readiness",
  tags: ["readiness"],
  summary: "Decide and store readiness, drafting a hypothesis per supported expansion type",
  security: BEARER,
  request: { params: accountParamsSchema, body: { content: { "application/json": { schema: recordReadinessBodySchema } }, required: false } },
  responses: { ...jsonResponse(recordedReadinessSchema, "What was stored"), ...problemResponses(401, 403, 404, 413, 422) },
});

const history = createRoute({
  method: "get",
  path: "/api/accounts/{accountId}/history",
  tags: ["readiness"],
  summary: "The account's audit trail and readiness history, newest first",
  security: BEARER,
  request: { params: accountParamsSchema },
  responses: { ...jsonResponse(z.object({ history: z.array(historyEntrySchema) }), "Audit events"), ...problemResponses(401, 404, 422) },
});

export function registerReadinessRoutes(api: OpenAPIHono<HttpEnv>, useCases: HttpUseCases): void {
  api.openapi(readReadiness, async (c) => {
    const { accountId } = c.req.valid("param");
    await visibleAccount(useCases, c.get("principal"), accountId);
    return c.json(await useCases.assessReadiness(accountId, { asOf: c.req.valid("query").asOf }), 200);
  });

  api.openapi(recordReadiness, async (c) => {
    const { accountId } = c.req.valid("param");
    const principal = c.get("principal");
    await visibleAccount(useCases, principal, accountId);
    requireReviewerRole(principal, "record readiness");
    const body = c.req.valid("json") ?? {};
    return c.json(await useCases.recordReadiness(accountId, { asOf: body.asOf, actor: principal.reviewer }), 200);
  });

  api.openapi(history, async (c) => {
    const { accountId } = c.req.valid("param");
    await visibleAccount(useCases, c.get("principal"), accountId);
    return c.json({ history: await useCases.history(accountId) }, 200);
  });
}
