import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { requireReviewerRole, visibleAccount, visibleEvidence } from "../access/scope.js";
import type { HttpEnv } from "../http-env.js";
import {
  accountParamsSchema,
  disputeBodySchema,
  disputeOutcomeSchema,
  evidenceContextSchema,
  evidenceParamsSchema,
  evidenceQuerySchema,
  evidenceSchema,
} from "../schemas/api-schemas.js";
import type { HttpUseCases } from "../use-case-port.js";
import { BEARER, jsonResponse, problemResponses } from "./route-helpers.js";

const listEvidence = createRoute({
  method: "get",
  path: "/api/accounts/{accountId}/evidence",
  tags: ["evidence"],
  summary: "An account's evidence with citations, filtered by signal, category, speaker role, date and dispute status",
  security: BEARER,
  request: { params: accountParamsSchema, query: evidenceQuerySchema },
  responses: { ...jsonResponse(z.object({ evidence: z.array(evidenceSchema) }), "Evidence rows in document order"), ...problemResponses(401, 404, 422) },
});

const evidenceContext = createRoute({
  method: "get",
  path: "/api/evidence/{evidenceId}",
  tags: ["evidence"],
  summary: "One evidence row with the comment or call turns around its quote",
  security: BEARER,
  request: { params: evidenceParamsSchema },
  responses: { ...jsonResponse(evidenceContextSchema, "The row and its context"), ...problemResponses(401, 404, 422) },
});

function reviewRoute(path: string, summary: string) {
  return createRoute({
    method: "post",
    path,
    tags: ["review"],
    summary,
    security: BEARER,
    request: { params: evidenceParamsSchema, body: { content: { "application/json": { schema: disputeBodySchema } }, required: false } },
    responses: { ...jsonResponse(disputeOutcomeSchema, "What changed"), ...problemResponses(401, 403, 404, 409, 413, 422) },
  });
}

const dispute = reviewRoute(
  "/api/evidence/{evidenceId}/dispute",
  "Mark an evidence row wrong: the rules stop reading it, hypotheses citing it go stale, it becomes an eval label",
);
const withdraw = reviewRoute("/api/evidence/{evidenceId}/withdraw-dispute", "Undo a dispute: the row counts again");

export function registerEvidenceRoutes(api: OpenAPIHono<HttpEnv>, useCases: HttpUseCases): void {
  api.openapi(listEvidence, async (c) => {
    const { accountId } = c.req.valid("param");
    await visibleAccount(useCases, c.get("principal"), accountId);
    return c.json({ evidence: await useCases.listEvidence(accountId, c.req.valid("query")) }, 200);
  });

  api.openapi(evidenceContext, async (c) => {
    const { evidenceId } = c.req.valid("param");
    await visibleEvidence(useCases, c.get("principal"), evidenceId);
    const context = await useCases.evidenceContext(evidenceId);
    if (context === undefined) return c.json({ evidence: await visibleEvidence(useCases, c.get("principal"), evidenceId), passages: [] }, 200);
    return c.json(context, 200);
  });

  api.openapi(dispute, async (c) => {
    const { evidenceId } = c.req.valid("param");
    const principal = c.get("principal");
    await visibleEvidence(useCases, principal, evidenceId);
    requireReviewerRole(principal, "dispute evidence");
    const body = c.req.valid("json") ?? {};
    return c.json(await useCases.dispute(evidenceId, { reviewer: principal.reviewer, comment: body.comment }), 200);
  });

  api.openapi(withdraw, async (c) => {
    const { evidenceId } = c.req.valid("param");
    const principal = c.get("principal");
    await visibleEvidence(useCases, principal, evidenceId);
    requireReviewerRole(principal, "withdraw a dispute");
    const body = c.req.valid("json") ?? {};
    return c.json(await useCases.withdrawDispute(evidenceId, { reviewer: principal.reviewer, comment: body.comment }), 200);
  });
}
