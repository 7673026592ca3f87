import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { NotFoundError } from "../../errors.js";
import { canSeeAccount, visibleAccounts } from "../access/principal.js";
import { requireReviewerRole, visibleHypothesis } from "../access/scope.js";
import type { HttpEnv } from "../http-env.js";
import { approveBodySchema, hypothesisParamsSchema, hypothesisQuerySchema, hypothesisSchema, rejectBodySchema } from "../schemas/api-schemas.js";
import type { HttpUseCases } from "../use-case-port.js";
import { BEARER, jsonResponse, problemResponses } from "./route-helpers.js";

const listHypotheses = createRoute({
  method: "get",
  path: "/api/hypotheses",
  tags: ["review"],
  summary: "Hypotheses of the accounts the token may see (drafts awaiting review by default)",
  security: BEARER,
  request: { query: hypothesisQuerySchema },
  responses: { ...jsonResponse(z.object({ hypotheses: z.array(hypothesisSchema) }), "Hypotheses, newest first"), ...problemResponses(401, 404, 422) },
});

const getHypothesis = createRoute({
  method: "get",
  path: "/api/hypotheses/{hypothesisId}",
  tags: ["review"],
  summary: "One hypothesis with every section and the evidence ids it rests on",
  security: BEARER,
  request: { params: hypothesisParamsSchema },
  responses: { ...jsonResponse(z.object({ hypothesis: hypothesisSchema }), "The hypothesis"), ...problemResponses(401, 404, 422) },
});

const approve = createRoute({
  method: "post",
  path: "/api/hypotheses/{hypothesisId}/approve",
  tags: ["review"],
  summary: "Approve a draft; the reviewer recorded is the token's owner",
  security: BEARER,
  request: { params: hypothesisParamsSchema, body: { content: { "application/json": { schema: approveBodySchema } }, required: false } },
  responses: { ...jsonResponse(z.object({ hypothesis: hypothesisSchema }), "The approved hypothesis"), ...problemResponses(401, 403, 404, 409, 413, 422) },
});

const reject = createRoute({
  method: "post",
  path: "/api/hypotheses/{hypothesisId}/reject",
  tags: ["review"],
  summary: "Reject a draft or an approved hypothesis, saying why",
  security: BEARER,
  request: { params: hypothesisParamsSchema, body: { content: { "application/json": { schema: rejectBodySchema } }, required: true } },
  responses: { ...jsonResponse(z.object({ hypothesis: hypothesisSchema }), "The rejected hypothesis"), ...problemResponses(401, 403, 404, 409, 413, 422) },
});

export function registerHypothesisRoutes(api: OpenAPIHono<HttpEnv>, useCases: HttpUseCases): void {
  api.openapi(listHypotheses, async (c) => {
    const principal = c.get("principal");
    const { account, status } = c.req.valid("query");
    if (account !== undefined && !canSeeAccount(principal, account)) throw new NotFoundError(`No account "${account}".`);
    const accountIds = account === undefined ? visibleAccounts(principal) : [account];
    return c.json({ hypotheses: await useCases.listHypotheses({ accountIds, status }) }, 200);
  });

  api.openapi(getHypothesis, async (c) => {
    const { hypothesisId } = c.req.valid("param");
    return c.json({ hypothesis: await visibleHypothesis(useCases, c.get("principal"), hypothesisId) }, 200);
  });

  api.openapi(approve, async (c) => {
    const { hypothesisId } = c.req.valid("param");
    const principal = c.get("principal");
    await visibleHypothesis(useCases, principal, hypothesisId);
    requireReviewerRole(principal, "approve hypotheses");
    const body = c.req.valid("json") ?? {};
    const hypothesis = await useCases.approve(hypothesisId, { reviewer: principal.reviewer, comment: body.comment, overrideReason: body.overrideReason });
    return c.json({ hypothesis }, 200);
  });

  api.openapi(reject, async (c) => {
    const { hypothesisId } = c.req.valid("param");
    const principal = c.get("principal");
    await visibleHypothesis(useCases, principal, hypothesisId);
    requireReviewerRole(principal, "reject hypotheses");
    const hypothesis = await useCases.reject(hypothesisId, { reviewer: principal.reviewer, comment: c.req.valid("json").comment });
    return c.json({ hypothesis }, 200);
  });
}
