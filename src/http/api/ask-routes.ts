import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { visibleAccount } from "../access/scope.js";
import type { HttpEnv } from "../http-env.js";
import { accountParamsSchema, answerSchema, askBodySchema, searchHitSchema, searchQuerySchema } from "../schemas/api-schemas.js";
import type { HttpUseCases } from "../use-case-port.js";
import { BEARER, jsonResponse, problemResponses } from "./route-helpers.js";

const search = createRoute({
  method: "get",
  path: "/api/accounts/{accountId}/search",
  tags: ["ask"],
  summary: "Search one account's tickets and calls (hybrid: vectors and full text)",
  security: BEARER,
  request: { params: accountParamsSchema, query: searchQuerySchema },
  responses: { ...jsonResponse(z.object({ hits: z.array(searchHitSchema) }), "Passages, best first"), ...problemResponses(401, 404, 422, 501) },
});

const ask = createRoute({
  method: "post",
  path: "/api/accounts/{accountId}/ask",
  tags: ["ask"],
  summary: "Ask a question about one account; every sentence of the answer cites a source",
  security: BEARER,
  request: { params: accountParamsSchema, body: { content: { "application/json": { schema: askBodySchema } }, required: true } },
  responses: { ...jsonResponse(answerSchema, "The answer with citations"), ...problemResponses(401, 404, 413, 422, 501) },
});

export function registerAskRoutes(api: OpenAPIHono<HttpEnv>, useCases: HttpUseCases): void {
  api.openapi(search, async (c) => {
    const { accountId } = c.req.valid("param");
    await visibleAccount(useCases, c.get("principal"), accountId);
    return c.json({ hits: await useCases.search(accountId, c.req.valid("query")) }, 200);
  });

  api.openapi(ask, async (c) => {
    const { accountId } = c.req.valid("param");
    await visibleAccount(useCases, c.get("principal"), accountId);
    return c.json(await useCases.ask(accountId, c.req.valid("json").question), 200);
  });
}
