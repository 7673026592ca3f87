import { createRequire } from "node:module";
import type { Command } from "commander";
import { loadConfig, type Config } from "../config/config.js";
import type { Database } from "../db/database.js";
import type { MigrationReport } from "../db/migrate.js";
import { describeHolder } from "../db/directory-lock.js";
import { openDatabase } from "../db/open-database.js";
import { createOutput, type Output } from "./output.js";

export interface CommandContext {
  readonly config: Config;
  readonly output: Output;
  /** Opens (and migrates) the configured database; the caller closes it. */
  openDatabase(): Promise<{ database: Database; migrations: MigrationReport }>;
}

export interface ContextDependencies {
  readonly environment: NodeJS.ProcessEnv;
  readonly workingDirectory: string;
  readonly write?: (text: string) => void;
  /** Where progress goes (default stderr). */
  readonly writeProgress?: (text: string) => void;
  readonly openDatabase?: typeof openDatabase;
}

/** Builds the context of one command from its options merged with the global ones. */
export function contextFor(command: Command, dependencies: ContextDependencies): CommandContext {
  const options = command.optsWithGlobals<{ db?: string; json?: boolean }>();
  const config = loadConfig({
    db: options.db,
    json: options.json,
    environment: dependencies.environment,
    workingDirectory: dependencies.workingDirectory,
  });
  const open = dependencies.openDatabase ?? openDatabase;
  return {
    config,
    output: createOutput(config.json, dependencies.write),
    openDatabase: () =>
      open(config.database, {
        server: config.server,
        lock: {
          onWait: (holder) => {
            const write = dependencies.writeProgress ?? ((text: string) => process.stderr.write(text));
            const message = `The embedded database is in use by another process (${describeHolder(holder)}); waiting for it to finish (up to 5 minutes)...`;
            write(config.json ? `${JSON.stringify({ event: "waiting-for-database", message })}\n` : `${message}\n`);
          },
        },
      }),
  };
}

/** Opens the database, runs `work`, and always closes it. */
export async function withDatabase<T>(context: CommandContext, work: (database: Database) => Promise<T>): Promise<T> {
  const { database } = await context.openDatabase();
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

export const TOOL_VERSION: string = (createRequire(import.meta.url)("../../package.json") as { version: string }).version;
