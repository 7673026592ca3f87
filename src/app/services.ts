import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { NotFoundError } from "../errors.js";
import type { Database } from "../db/database.js";
import { describeHolder, type LockHolder } from "../db/directory-lock.js";
import type { MigrationReport } from "../db/migrate.js";
import { openDatabase as openConfiguredDatabase } from "../db/open-database.js";
import type { CandidatePrefilter } from "../extract/candidate-prefilter.js";
import { createExtractor } from "../extract/create-extractor.js";
import type { Extractor } from "../extract/extractor.js";
import type { HypothesisWriter } from "../hypotheses/hypothesis-writer.js";
import { templateWriter } from "../hypotheses/template-writer.js";
import { createEmbedder } from "../models/create-embedder.js";
import type { Embedder } from "../models/embedder.js";
import { loadRules } from "../rules/load-rules.js";
import type { LoadedRules } from "../rules/rules-schema.js";
import type { Settings } from "./settings.js";

export type { Database } from "../db/database.js";
export type { MigrationReport } from "../db/migrate.js";

export const TOOL_VERSION: string = (createRequire(import.meta.url)("../../package.json") as { version: string }).version;

/** Opens and migrates the database; tests hand in one that is already open. */
export type OpenDatabase = typeof openConfiguredDatabase;

/**
 * Everything a use case needs, built once from validated settings. A CLI command builds it, runs one use
 * case and closes it; a server keeps one for its whole life.
 */
export interface Services {
  readonly settings: Settings;
  /** Opened and migrated once; closed by `close()`. */
  readonly database: Database;
  readonly migrations: MigrationReport;
  readonly toolVersion: string;
  /** The shipped rules, or the settings' rules file; read and validated before the database opens. */
  readonly rules: LoadedRules;
  readonly writer: HypothesisWriter;
  /** The configured embedder, created on first use (an openai embedder needs a key only when used). */
  embedder(): Embedder;
  /** The configured extractor and, for a model, its prefilter; created on first use. */
  extraction(options?: { readonly prefilter?: boolean }): { extractor: Extractor; prefilter?: CandidatePrefilter; redact: boolean };
  close(): Promise<void>;
}

export interface ServiceOverrides {
  readonly openDatabase?: OpenDatabase;
  /** Told when the embedded database is held by another process and this one waits. */
  readonly onDatabaseWait?: (message: string) => void;
  readonly embedder?: Embedder;
  readonly extractor?: Extractor;
  readonly writer?: HypothesisWriter;
  /**
   * For commands that only read (or review what is stored): an embedded database directory that holds no
   * database is an error (NotFoundError, exit 66), not a reason to create an empty one.
   */
  readonly existingDatabaseOnly?: boolean;
}

/** Refuses an embedded database directory that was never created (PGlite writes PG_VERSION first). */
export function assertDatabaseExists(settings: Settings): void {
  if (settings.database.engine !== "pglite") return;
  const directory = settings.database.directory;
  if (existsSync(path.join(directory, "PG_VERSION"))) return;
  throw new NotFoundError(
    `No evidence database in ${directory} (${settings.databaseSource === "default" ? "none found from the working directory upward" : `from ${settings.databaseSource}`}). ` +
      "Create one with: evidence index <folder> (or evidence demo), or point --db / EVIDENCE_DB at an existing one.",
  );
}

/**
 * Builds the services: rules validated first (a bad rules file opens nothing), then the database opened
 * and migrated once. Providers are created lazily from the same settings.
 *
 * @example const services = await createServices(loadSettings({ environment: process.env, workingDirectory: process.cwd() }));
 *          try { await listEvidence(services, { accountId: "acme" }); } finally { await services.close(); }
 */
export async function createServices(settings: Settings, overrides: ServiceOverrides = {}): Promise<Services> {
  const rules = await loadRules(settings.rulesFile);
  // A database handed in by the caller (tests) exists by definition.
  if (overrides.existingDatabaseOnly === true && overrides.openDatabase === undefined) assertDatabaseExists(settings);
  const open = overrides.openDatabase ?? openConfiguredDatabase;
  const { database, migrations } = await open(settings.database, {
    server: { poolSize: settings.pool.size, statementTimeoutMs: settings.pool.statementTimeoutMs },
    lock: {
      onWait: (holder: LockHolder | undefined) =>
        overrides.onDatabaseWait?.(
          `The embedded database is in use by another process (${describeHolder(holder)}); waiting for it to finish (up to 5 minutes)...`,
        ),
    },
  });
  let embedder = overrides.embedder;
  let closed = false;
  return {
    settings,
    database,
    migrations,
    toolVersion: TOOL_VERSION,
    rules,
    writer: overrides.writer ?? templateWriter,
    embedder() {
      embedder ??= createEmbedder(settings.embedder());
      return embedder;
    },
    extraction(options = {}) {
      if (overrides.extractor !== undefined) return { extractor: overrides.extractor, redact: false };
      const models = settings.models();
      return { ...createExtractor(models, options), redact: models.redaction.enabled };
    },
    async close() {
      if (closed) return;
      closed = true;
      await database.close();
    },
  };
}

/** Builds the services, runs `work`, and always closes them: the shape of one CLI command. */
export async function withServices<T>(settings: Settings, overrides: ServiceOverrides, work: (services: Services) => Promise<T>): Promise<T> {
  const services = await createServices(settings, overrides);
  try {
    return await work(services);
  } finally {
    await services.close();
  }
}
