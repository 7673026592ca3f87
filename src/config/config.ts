import path from "node:path";
import { z } from "zod";
import { ConfigError } from "../errors.js";

export const DEFAULT_DATABASE_DIRECTORY = "./.evidence/db";

const databaseLocationSchema = z.discriminatedUnion("engine", [
  z.object({ engine: z.literal("pglite"), directory: z.string().min(1) }),
  z.object({ engine: z.literal("postgres"), url: z.string().regex(/^postgres(ql)?:\/\//i) }),
]);

export type DatabaseLocation = z.infer<typeof databaseLocationSchema>;

/**
 * How the program uses a PostgreSQL server (ignored by the embedded engine). Four connections serve the
 * embedder's concurrency and one writer; a statement that runs past a minute on this workload is stuck
 * (waiting on a lock, or a plan gone wrong), and failing it beats holding locks forever. Building the
 * search indexes is exempt: it can take minutes on a large load.
 */
const serverSettingsSchema = z.object({
  poolSize: z.coerce.number().int().min(1).max(100).default(4),
  statementTimeoutMs: z.coerce.number().int().min(0).default(60_000),
});

export type ServerSettings = z.infer<typeof serverSettingsSchema>;

const configSchema = z.object({
  database: databaseLocationSchema,
  server: serverSettingsSchema,
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
    server: {
      poolSize: nonEmpty(sources.environment.EVIDENCE_DB_POOL_SIZE),
      statementTimeoutMs: nonEmpty(sources.environment.EVIDENCE_DB_STATEMENT_TIMEOUT_MS),
    },
    json: sources.json ?? false,
  });
  const serverIssue = parsed.error?.issues.find((issue) => issue.path[0] === "server");
  if (serverIssue !== undefined) {
    const variable = serverIssue.path[1] === "poolSize" ? "EVIDENCE_DB_POOL_SIZE" : "EVIDENCE_DB_STATEMENT_TIMEOUT_MS";
    throw new ConfigError(`Invalid ${variable}: ${serverIssue.message}`, { cause: parsed.error });
  }
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
