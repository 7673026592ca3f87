import { z } from "zod";
import { SIGNAL_IDS, type SignalId } from "../taxonomy/signals.js";

/**
 * What the model may answer to `prompts/extract-evidence.*.md`: evidence items and nothing else. Chunk ids
 * are an enum of the passages actually sent and signals an enum of the taxonomy, so an answer cannot name
 * anything outside the request, and strict JSON schema mode leaves no room for extra fields.
 *
 * @example evidenceOutputSchema(["c1"]).parse({ evidence: [] })
 */
export function evidenceOutputSchema(chunkIds: readonly string[]) {
  const [first, ...rest] = chunkIds;
  if (first === undefined) throw new RangeError("An extraction request needs at least one chunk id.");
  return z.strictObject({
    evidence: z.array(
      z.strictObject({
        chunk: z.enum([first, ...rest]),
        signal: z.enum(SIGNAL_IDS as readonly [SignalId, ...SignalId[]]),
        quote: z.string().min(1).max(1000),
        confidence: z.number().min(0).max(1),
      }),
    ),
  });
}

export type EvidenceOutput = z.infer<ReturnType<typeof evidenceOutputSchema>>;

/** The JSON schema for OpenAI's strict `json_schema` response format. */
export function evidenceResponseFormat(chunkIds: readonly string[]) {
  const { $schema: _dialect, ...schema } = z.toJSONSchema(evidenceOutputSchema(chunkIds), { target: "draft-7" }) as Record<string, unknown>;
  return { type: "json_schema" as const, json_schema: { name: "evidence", strict: true, schema } };
}
