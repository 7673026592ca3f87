import { z } from "zod";
import { ConfigError } from "../errors.js";

/** Bodies above this are refused with 413 unless the settings say otherwise: an upload of a few transcripts. */
export const DEFAULT_BODY_LIMIT_BYTES = 2 * 1024 * 1024;

export const ACCESS_ROLES = ["reader", "reviewer"] as const;
export type AccessRole = (typeof ACCESS_ROLES)[number];

/**
 * One API token as the settings hold it: never the token itself, only its sha-256, so a leaked settings file
 * opens nothing. `accounts` is "*" for every account or the list of account ids the token may see.
 */
export const tokenEntrySchema = z.strictObject({
  reviewer: z.string({ error: "must be a non-empty string" }).trim().min(1, { error: "must be a non-empty string" }),
  role: z.enum(ACCESS_ROLES, { error: 'must be "reader" or "reviewer"' }),
  accounts: z.union([z.literal("*"), z.array(z.string().trim().min(1)).min(1)], {
    error: 'must be "*" (every account) or a non-empty list of account ids',
  }),
  sha256: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[0-9a-f]{64}$/, { error: "must be the 64 hex digits printed by `evidence token create`" }),
});

export type TokenEntry = z.infer<typeof tokenEntrySchema>;

/** What the server reads from the settings file's `serve` section (every field optional). */
export const serveFileSchema = z.strictObject({
  tokens: z.array(tokenEntrySchema).optional(),
  bodyLimitBytes: z.number().int().min(1024).optional(),
});

export type ServeFileSettings = z.infer<typeof serveFileSchema>;

export interface ServeConfig {
  readonly tokens: readonly TokenEntry[];
  readonly bodyLimitBytes: number;
}

/**
 * Resolves the server's access settings once: `EVIDENCE_TOKENS` (a JSON array of token entries) is added to
 * the file's tokens; `EVIDENCE_BODY_LIMIT` beats the file's `serve.bodyLimitBytes`. Errors name the source and
 * the field ("EVIDENCE_TOKENS: [1].role: must be ...").
 *
 * @example loadServeConfig({ environment: { EVIDENCE_TOKENS: '[{"reviewer":"Maya","role":"reviewer","accounts":"*","sha256":"..."}]' } })
 */
export function loadServeConfig(sources: { readonly environment: NodeJS.ProcessEnv; readonly file?: ServeFileSettings | undefined; readonly fileName?: string }): ServeConfig {
  const fileName = sources.fileName ?? "settings file";
  const tokens = [...(sources.file?.tokens ?? [])];
  const rawTokens = sources.environment.EVIDENCE_TOKENS?.trim();
  if (rawTokens !== undefined && rawTokens !== "") {
    let parsedJson: unknown;
    try {
      parsedJson = JSON.parse(rawTokens);
    } catch (error) {
      throw new ConfigError(`EVIDENCE_TOKENS: not JSON (${(error as Error).message}); expected an array of token entries.`, { cause: error });
    }
    const parsed = z.array(tokenEntrySchema).safeParse(parsedJson);
    if (!parsed.success) throw new ConfigError(`EVIDENCE_TOKENS: ${describeIssue(parsed.error)}`, { cause: parsed.error });
    tokens.push(...parsed.data);
  }
  const rawLimit = sources.environment.EVIDENCE_BODY_LIMIT?.trim();
  let bodyLimitBytes = sources.file?.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;
  if (rawLimit !== undefined && rawLimit !== "") {
    const parsed = z.coerce.number().int().min(1024).safeParse(rawLimit);
    if (!parsed.success) throw new ConfigError(`EVIDENCE_BODY_LIMIT: must be a whole number of bytes, at least 1024 (got "${rawLimit}").`);
    bodyLimitBytes = parsed.data;
  }
  const seen = new Set<string>();
  for (const token of tokens) {
    if (seen.has(token.sha256)) throw new ConfigError(`${fileName} / EVIDENCE_TOKENS: the token hash ${token.sha256.slice(0, 12)}... is listed twice.`);
    seen.add(token.sha256);
  }
  return { tokens, bodyLimitBytes };
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return "invalid";
  const path = issue.path.map((part) => (typeof part === "number" ? `[${part}]` : `.${String(part)}`)).join("").replace(/^\./, "");
  return `${path === "" ? "" : `${path}: `}${issue.message}`;
}
