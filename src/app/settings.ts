import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { DEFAULT_DATABASE_DIRECTORY, parseDatabaseLocation, type DatabaseLocation } from "../config/config.js";
import { loadEmbedderConfig, type EmbedderConfig } from "../config/embedder-config.js";
import { loadModelConfig, type ModelConfig } from "../config/model-config.js";
import { loadServeConfig, serveFileSchema, type ServeConfig } from "../config/serve-config.js";
import { ConfigError } from "../errors.js";

/** The optional settings file, looked for in the working directory (first found wins). */
export const CONFIG_FILES = ["evidence.config.json", "evidence.config.yaml", "evidence.config.yml"] as const;

const nonEmptyText = z.string({ error: "must be a non-empty string" }).trim().min(1, { error: "must be a non-empty string" });

/** What the settings file may say; every field optional, unknown fields refused (a typo is not ignored). */
const configFileSchema = z.strictObject({
  db: nonEmptyText.optional(),
  reviewer: nonEmptyText.optional(),
  rules: nonEmptyText.optional(),
  embedder: z
    .strictObject({
      provider: z.enum(["offline", "openai"]).optional(),
      model: nonEmptyText.optional(),
      dimensions: z.number().int().min(1).optional(),
    })
    .optional(),
  extractor: z
    .strictObject({
      provider: z.enum(["offline", "openai"]).optional(),
      model: nonEmptyText.optional(),
      concurrency: z.number().int().min(1).max(64).optional(),
    })
    .optional(),
  database: z
    .strictObject({
      poolSize: z.number().int().min(1).max(100).optional(),
      statementTimeoutMs: z.number().int().min(0).optional(),
    })
    .optional(),
  /** `evidence serve`: API tokens (as sha-256 hashes) and the request body limit. */
  serve: serveFileSchema.optional(),
});

export type ConfigFile = z.infer<typeof configFileSchema>;

/** Flags a front end may pass; each beats its environment variable, which beats the settings file. */
export interface SettingsFlags {
  readonly db?: string | undefined;
  readonly json?: boolean | undefined;
  readonly reviewer?: string | undefined;
  readonly rules?: string | undefined;
  readonly embedder?: string | undefined;
  readonly embeddingModel?: string | undefined;
  readonly embeddingDimensions?: string | number | undefined;
  readonly extractor?: string | undefined;
  readonly model?: string | undefined;
  readonly concurrency?: string | number | undefined;
  /** `--no-redact` makes this false. */
  readonly redact?: boolean | undefined;
  readonly redactPatterns?: readonly string[] | undefined;
}

export interface SettingsSources {
  readonly flags?: SettingsFlags;
  readonly environment: NodeJS.ProcessEnv;
  readonly workingDirectory: string;
}

/** Validated settings: what the services are built from. */
export interface Settings {
  readonly database: DatabaseLocation;
  /** Where the database location came from, for messages ("--db", "EVIDENCE_DB", "default"...). */
  readonly databaseSource: string;
  readonly json: boolean;
  /** Who reviews; undefined when no flag, variable or file names one (review use cases then refuse). */
  readonly reviewer: string | undefined;
  /** A readiness rules file, resolved; undefined for the shipped rules. */
  readonly rulesFile: string | undefined;
  /** Resolved lazily: an openai embedder without a key must not stop `accounts list`. */
  embedder(): EmbedderConfig;
  models(): ModelConfig;
  /** The server's tokens and body limit (`EVIDENCE_TOKENS`, `EVIDENCE_BODY_LIMIT`, the file's `serve`); resolved when a server asks. */
  serve(): ServeConfig;
  /** How each process uses a PostgreSQL server (ignored by the embedded engine). */
  readonly pool: { readonly size: number; readonly statementTimeoutMs: number };
  /** The settings file read, if any. */
  readonly configFile: string | undefined;
}

/**
 * Four connections serve the embedder's concurrency and one writer; a statement that runs past a minute on
 * this workload is stuck (waiting on a lock, or a plan gone wrong), and failing it beats holding its locks
 * forever. Building the search indexes is exempt (src/db/search-indexes.ts): it takes minutes on a big load.
 */
const POOL_DEFAULTS = { size: 4, statementTimeoutMs: 60_000 } as const;

/** `EVIDENCE_DB_POOL_SIZE` and `EVIDENCE_DB_STATEMENT_TIMEOUT_MS` beat the file's `database` section. */
function poolSettings(environment: NodeJS.ProcessEnv, file: ConfigFile): Settings["pool"] {
  const fromEnvironment = (name: string, schema: z.ZodNumber): number | undefined => {
    const raw = nonEmpty(environment[name]);
    if (raw === undefined) return undefined;
    const parsed = schema.safeParse(Number(raw));
    if (!parsed.success) throw new ConfigError(`${name}: ${parsed.error.issues[0]?.message ?? "invalid"} (got "${raw}")`, { cause: parsed.error });
    return parsed.data;
  };
  return {
    size: fromEnvironment("EVIDENCE_DB_POOL_SIZE", z.number().int().min(1).max(100)) ?? file.database?.poolSize ?? POOL_DEFAULTS.size,
    statementTimeoutMs:
      fromEnvironment("EVIDENCE_DB_STATEMENT_TIMEOUT_MS", z.number().int().min(0)) ?? file.database?.statementTimeoutMs ?? POOL_DEFAULTS.statementTimeoutMs,
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}

/** Reads and validates the settings file of `directory`, if there is one. Errors name the file and field. */
export function readConfigFile(directory: string): { file: string; values: ConfigFile } | undefined {
  const name = CONFIG_FILES.find((candidate) => existsSync(path.join(directory, candidate)));
  if (name === undefined) return undefined;
  const file = path.join(directory, name);
  let raw: unknown;
  try {
    const text = readFileSync(file, "utf8");
    raw = name.endsWith(".json") ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new ConfigError(`${name}: cannot be read: ${(error as Error).message}`, { cause: error });
  }
  const parsed = configFileSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join(".") ?? "";
    const reason = issue?.code === "unrecognized_keys" ? `unknown field ${issue.keys.join(", ")}` : (issue?.message ?? "invalid");
    throw new ConfigError(`${name}: ${field === "" ? "" : `${field}: `}${reason}`, { cause: parsed.error });
  }
  return { file, values: parsed.data };
}

/**
 * The default embedded database: the nearest `.evidence/db` from the working directory upward (as git
 * finds `.git`), else `./.evidence/db` in the working directory.
 */
export function discoverDatabaseDirectory(workingDirectory: string): string {
  for (let directory = path.resolve(workingDirectory); ; directory = path.dirname(directory)) {
    const candidate = path.resolve(directory, DEFAULT_DATABASE_DIRECTORY);
    if (existsSync(candidate)) return candidate;
    if (path.dirname(directory) === directory) break;
  }
  return path.resolve(workingDirectory, DEFAULT_DATABASE_DIRECTORY);
}

/**
 * Loads the settings once: flags > environment > `evidence.config.json|yaml` in the working directory >
 * defaults. Errors name the source and the field ("evidence.config.yaml: reviewer: must be a non-empty
 * string").
 *
 * @example const settings = loadSettings({ flags: { db: "./data/db" }, environment: process.env, workingDirectory: process.cwd() });
 */
export function loadSettings(sources: SettingsSources): Settings {
  const flags = sources.flags ?? {};
  const environment = sources.environment;
  const fromFile = readConfigFile(sources.workingDirectory);
  const file = fromFile?.values ?? {};
  const fileName = fromFile === undefined ? undefined : path.basename(fromFile.file);
  const fileDirectory = fromFile === undefined ? sources.workingDirectory : path.dirname(fromFile.file);

  const databaseChoice: Array<[string | undefined, string]> = [
    [nonEmpty(flags.db), "--db"],
    [nonEmpty(environment.EVIDENCE_DB), "EVIDENCE_DB"],
    [nonEmpty(environment.DATABASE_URL), "DATABASE_URL"],
    [file.db, `${fileName}: db`],
  ];
  const [rawDatabase, databaseSource] = databaseChoice.find(([value]) => value !== undefined) ?? [undefined, "default"];
  const databaseBase = databaseSource.startsWith(`${fileName}:`) ? fileDirectory : sources.workingDirectory;
  let database: DatabaseLocation;
  try {
    database =
      rawDatabase === undefined
        ? { engine: "pglite", directory: discoverDatabaseDirectory(sources.workingDirectory) }
        : parseDatabaseLocation(rawDatabase, databaseBase);
  } catch (error) {
    throw new ConfigError(`${databaseSource}: ${(error as Error).message}`, { cause: error });
  }

  const reviewer = nonEmpty(flags.reviewer) ?? nonEmpty(environment.EVIDENCE_REVIEWER) ?? file.reviewer;
  const rules = nonEmpty(flags.rules) ?? nonEmpty(environment.EVIDENCE_RULES);
  const rulesFile = rules !== undefined ? path.resolve(sources.workingDirectory, rules) : file.rules === undefined ? undefined : path.resolve(fileDirectory, file.rules);

  let embedder: EmbedderConfig | undefined;
  let models: ModelConfig | undefined;
  let serve: ServeConfig | undefined;
  // The file is the lowest tier: it fills in only what neither a flag nor the environment says.
  const withFileDefaults = (name: string, value: string | undefined): NodeJS.ProcessEnv =>
    value === undefined || nonEmpty(environment[name]) !== undefined ? {} : { [name]: value };
  return {
    database,
    databaseSource,
    json: flags.json ?? false,
    reviewer,
    rulesFile,
    pool: poolSettings(environment, file),
    configFile: fromFile?.file,
    embedder() {
      embedder ??= loadEmbedderConfig({
        embedder: flags.embedder,
        model: flags.embeddingModel,
        dimensions: flags.embeddingDimensions,
        redact: flags.redact,
        environment: {
          ...environment,
          ...withFileDefaults("EVIDENCE_EMBEDDER", file.embedder?.provider),
          ...withFileDefaults("EVIDENCE_EMBEDDING_MODEL", file.embedder?.model),
          ...withFileDefaults("EVIDENCE_EMBEDDING_DIMENSIONS", file.embedder?.dimensions?.toString()),
        },
      });
      return embedder;
    },
    models() {
      models ??= loadModelConfig({
        extractor: flags.extractor,
        model: flags.model,
        redact: flags.redact,
        redactPatterns: flags.redactPatterns,
        concurrency: flags.concurrency,
        environment: {
          ...environment,
          ...withFileDefaults("EVIDENCE_EXTRACTOR", file.extractor?.provider),
          ...withFileDefaults("EVIDENCE_MODEL", file.extractor?.model),
          ...withFileDefaults("EVIDENCE_CONCURRENCY", file.extractor?.concurrency?.toString()),
        },
      });
      return models;
    },
    serve() {
      serve ??= loadServeConfig({ environment, file: file.serve, ...(fileName === undefined ? {} : { fileName }) });
      return serve;
    },
  };
}

/** The reviewer, or an error that says every way to name one. */
export function requireReviewer(settings: Pick<Settings, "reviewer">): string {
  if (settings.reviewer === undefined) {
    throw new ConfigError("Name the reviewer: pass --reviewer NAME, set EVIDENCE_REVIEWER, or add reviewer to evidence.config.json (it goes into the audit trail).");
  }
  return settings.reviewer;
}
