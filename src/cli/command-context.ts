import type { Command } from "commander";
import { loadSettings, withServices, type OpenDatabase, type ServiceOverrides, type Services, type Settings, type SettingsFlags } from "../app/index.js";
import { createOutput, type Output } from "./output.js";

export { TOOL_VERSION } from "../app/index.js";

export interface CommandContext {
  readonly settings: Settings;
  readonly output: Output;
  /** Builds the services (database opened and migrated once), runs one use case, and closes them. */
  run<T>(work: (services: Services) => Promise<T>, overrides?: Omit<ServiceOverrides, "openDatabase" | "onDatabaseWait">): Promise<T>;
  /** As `run`, for commands that read or review what is stored: a missing database is an error (exit 66). */
  read<T>(work: (services: Services) => Promise<T>): Promise<T>;
}

export interface ContextDependencies {
  readonly environment: NodeJS.ProcessEnv;
  readonly workingDirectory: string;
  readonly write?: (text: string) => void;
  /** Where progress goes (default stderr). */
  readonly writeProgress?: (text: string) => void;
  readonly openDatabase?: OpenDatabase;
  /** How a long-running command (`serve`) learns to stop; default the first SIGINT or SIGTERM. Tests resolve it. */
  readonly untilStopped?: () => Promise<unknown>;
  /** The arguments being parsed (default process.argv): `--json` decides how usage errors are written. */
  readonly argv?: readonly string[];
  /** The terminal width for tables (default: stdout columns; unlimited when not a terminal). */
  readonly columns?: number;
}

/**
 * The context of one command: settings loaded once from its flags (merged with the global ones), the
 * environment and the settings file, and the output it writes to.
 */
export function contextFor(command: Command, dependencies: ContextDependencies, flags: Omit<SettingsFlags, "db" | "json"> = {}): CommandContext {
  const options = command.optsWithGlobals<{ db?: string; json?: boolean }>();
  const settings = loadSettings({
    flags: { ...flags, db: options.db, json: options.json },
    environment: dependencies.environment,
    workingDirectory: dependencies.workingDirectory,
  });
  const writeProgress = dependencies.writeProgress ?? ((text: string) => process.stderr.write(text));
  const run: CommandContext["run"] = (work, overrides = {}) =>
      withServices(
        settings,
        {
          ...overrides,
          ...(dependencies.openDatabase === undefined ? {} : { openDatabase: dependencies.openDatabase }),
          onDatabaseWait: (message) =>
            writeProgress(settings.json ? `${JSON.stringify({ event: "waiting-for-database", message })}\n` : `${message}\n`),
        },
        work,
      );
  return {
    settings,
    output: createOutput(settings.json, dependencies.write, dependencies.columns),
    run,
    read: (work) => run(work, { existingDatabaseOnly: true }),
  };
}
