import type { z } from "@hono/zod-openapi";
import { PROBLEM_CONTENT_TYPE } from "../problem-details.js";
import { problemSchema } from "../schemas/api-schemas.js";

const DESCRIPTIONS: Record<number, string> = {
  401: "No token, or a token that matches none",
  403: "The token's role does not allow this (a reader token cannot review)",
  404: "No such account, hypothesis or evidence row, or one outside the token's scope (the two look the same)",
  409: "The review does not apply in the current state (stale, already reviewed, already disputed)",
  413: "The body is larger than the configured limit",
  422: "A field of the request is not valid; `problems` names each one",
  501: "Not available in this build",
};

/** The problem responses a route can give, for the OpenAPI document. */
export function problemResponses<Status extends number>(
  ...statuses: Status[]
): { [Key in Status]: { description: string; content: { "application/problem+json": { schema: typeof problemSchema } } } } {
  return Object.fromEntries(
    statuses.map((status) => [status, { description: DESCRIPTIONS[status] ?? "Error", content: { [PROBLEM_CONTENT_TYPE]: { schema: problemSchema } } }]),
  ) as { [Key in Status]: { description: string; content: { "application/problem+json": { schema: typeof problemSchema } } } };
}

/** A JSON 200 response for the OpenAPI document. */
export function jsonResponse<Schema extends z.ZodType>(
  schema: Schema,
  description: string,
): { 200: { description: string; content: { "application/json": { schema: Schema } } } } {
  return { 200: { description, content: { "application/json": { schema } } } };
}

export const BEARER = [{ bearer: [] }];
