import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { visibleAccounts } from "../access/principal.js";
import { visibleAccount } from "../access/scope.js";
import type { HttpEnv } from "../http-env.js";
import { accountParamsSchema, portfolioEntrySchema, portfolioQuerySchema, reportQuerySchema } from "../schemas/api-schemas.js";
import type { HttpUseCases } from "../use-case-port.js";
import { BEARER, jsonResponse, problemResponses } from "./route-helpers.js";

const report = createRoute({
  method: "get",
  path: "/api/accounts/{accountId}/report",
  tags: ["report"],
  summary: "The account's evidence report (QBR): gates, signals with quotes, brief, gaps, next customer action",
  security: BEARER,
  request: { params: accountParamsSchema, query: reportQuerySchema },
  responses: {
    200: {
      description: "The report as a standalone HTML page or as Markdown",
      content: { "text/html": { schema: z.string() }, "text/markdown": { schema: z.string() } },
    },
    ...problemResponses(401, 404, 422, 501),
  },
});

const portfolio = createRoute({
  method: "get",
  path: "/api/portfolio",
  tags: ["report"],
  summary: "Every visible account on one line: renewal, verdict, expansion types, blocking risks, champion, drafts awaiting review",
  security: BEARER,
  request: { query: portfolioQuerySchema },
  responses: { ...jsonResponse(z.object({ accounts: z.array(portfolioEntrySchema) }), "One line per account"), ...problemResponses(401, 501) },
});

export function registerReportRoutes(api: OpenAPIHono<HttpEnv>, useCases: HttpUseCases): void {
  api.openapi(report, async (c) => {
    const { accountId } = c.req.valid("param");
    await visibleAccount(useCases, c.get("principal"), accountId);
    const { format, asOf } = c.req.valid("query");
    const text = await useCases.report(accountId, { format, asOf });
    return c.body(text, 200, { "content-type": format === "html" ? "text/html; charset=utf-8" : "text/markdown; charset=utf-8" });
  });

  api.openapi(portfolio, async (c) => {
    return c.json({ accounts: await useCases.portfolio(visibleAccounts(c.get("principal")), { asOf: c.req.valid("query").asOf }) }, 200);
  });
}
