import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { visibleAccount } from "../access/scope.js";
import { canSeeAccount } from "../access/principal.js";
import type { HttpEnv } from "../http-env.js";
import { accountParamsSchema, accountSchema, principalSchema } from "../schemas/api-schemas.js";
import type { HttpUseCases } from "../use-case-port.js";
import { BEARER, jsonResponse, problemResponses } from "./route-helpers.js";

const whoAmI = createRoute({
  method: "get",
  path: "/api/me",
  tags: ["access"],
  summary: "The reviewer, role and account scope of the presented token",
  security: BEARER,
  responses: { ...jsonResponse(principalSchema, "The token's owner"), ...problemResponses(401) },
});

const listAccounts = createRoute({
  method: "get",
  path: "/api/accounts",
  tags: ["accounts"],
  summary: "The accounts the token may see",
  security: BEARER,
  responses: { ...jsonResponse(z.object({ accounts: z.array(accountSchema) }), "Accounts with their facts"), ...problemResponses(401) },
});

const accountFacts = createRoute({
  method: "get",
  path: "/api/accounts/{accountId}",
  tags: ["accounts"],
  summary: "One account's facts (tier, ARR, health, seats, renewal, champion)",
  security: BEARER,
  request: { params: accountParamsSchema },
  responses: { ...jsonResponse(z.object({ account: accountSchema }), "The account"), ...problemResponses(401, 404, 422) },
});

export function registerAccountRoutes(api: OpenAPIHono<HttpEnv>, useCases: HttpUseCases): void {
  api.openapi(whoAmI, (c) => {
    const principal = c.get("principal");
    return c.json({ reviewer: principal.reviewer, role: principal.role, accounts: principal.accounts === "all" ? ("*" as const) : [...principal.accounts].sort() }, 200);
  });

  api.openapi(listAccounts, async (c) => {
    const principal = c.get("principal");
    const accounts = (await useCases.listAccounts()).filter((account) => canSeeAccount(principal, account.id));
    return c.json({ accounts }, 200);
  });

  api.openapi(accountFacts, async (c) => {
    const { accountId } = c.req.valid("param");
    return c.json({ account: await visibleAccount(useCases, c.get("principal"), accountId) }, 200);
  });
}
