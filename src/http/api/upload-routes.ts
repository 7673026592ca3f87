import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { requireReviewerRole, visibleAccount } from "../access/scope.js";
import type { HttpEnv } from "../http-env.js";
import { accountParamsSchema, uploadBodySchema, uploadOutcomeSchema } from "../schemas/api-schemas.js";
import type { HttpUseCases } from "../use-case-port.js";
import { BEARER, jsonResponse, problemResponses } from "./route-helpers.js";

const upload = createRoute({
  method: "post",
  path: "/api/accounts/{accountId}/sources",
  tags: ["sources"],
  summary: "Index new tickets or call transcripts of one account (incremental; a bad record stores nothing)",
  security: BEARER,
  request: { params: accountParamsSchema, body: { content: { "application/json": { schema: uploadBodySchema } }, required: true } },
  responses: { ...jsonResponse(uploadOutcomeSchema, "What was indexed"), ...problemResponses(401, 403, 404, 413, 422) },
});

export function registerUploadRoutes(api: OpenAPIHono<HttpEnv>, useCases: HttpUseCases): void {
  api.openapi(upload, async (c) => {
    const { accountId } = c.req.valid("param");
    const principal = c.get("principal");
    await visibleAccount(useCases, principal, accountId);
    requireReviewerRole(principal, "add sources");
    return c.json(await useCases.upload(accountId, c.req.valid("json").files, principal.reviewer), 200);
  });
}
