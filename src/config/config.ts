import path from "node:path";
import { z } from "zod";
import { ConfigError } from "../errors.js";

export const DEFAULT_DATABASE_DIRECTORY = "./.evidence/db";

const databaseLocationSchema = z.discriminatedUnion("engine", [
  z.object({ engine: z.literal("pglite"), directory: z.string().min(1) }),
  z.object({ engine: z.literal("postgres"), url: z.string().regex(/^postgres(ql)?:\/\//i) }),
]);

export type DatabaseLocation = z.infer<typeof databaseLocationSchema>;

const configSchema = z.object({
  database: databaseLocationSchema,
  json: z.boolean(),
});

export type Config = z.infer<typeof configSchema>;

export interface ConfigSources {
  /** `--db` from the command line. */
  readonly db?: string | undefined;
  readonly json?: boolean | undefined;
  readonly environment: NodeJS.ProcessEnv;
  readonly workingDirectory: string;
}

/** A `postgres://` or `postgresql://` URL means a server; anything else is an embedded PGlite directory. */
export function parseDatabaseLocation(value: string, workingDirectory: string): DatabaseLocation {
  if (/^postgres(ql)?:\/\//i.test(value)) {
    return { engine: "postgres", url: value };
  }
  if (value.includes("://")) {
    throw new ConfigError(
      `Unsupported database location "${value}": pass a directory for the embedded database or a postgres:// URL.`,
    );
  }
  return { engine: "pglite", directory: path.resolve(workingDirectory, value) };
}

/**
 * Resolves the configuration once at start-up. An explicit flag beats the environment:
 * `--db` > `EVIDENCE_DB` > `DATABASE_URL` > `./.evidence/db`.
 */
export function loadConfig(sources: ConfigSources): Config {
  const rawDatabase =
    nonEmpty(sources.db) ??
    nonEmpty(sources.environment.EVIDENCE_DB) ??
    nonEmpty(sources.environment.DATABASE_URL) ??
    DEFAULT_DATABASE_DIRECTORY;
  const parsed = configSchema.safeParse({
    database: parseDatabaseLocation(rawDatabase, sources.workingDirectory),
    json: sources.json ?? false,
  });
  if (!parsed.success) {
    throw new ConfigError(
      `Invalid database location "${rawDatabase}" (from --db, EVIDENCE_DB or DATABASE_URL): ${z.prettifyError(parsed.error)}`,
      { cause: parsed.error },
    );
  }
  return parsed.data;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}
