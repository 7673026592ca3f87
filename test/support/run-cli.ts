import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createProgram } from "../../src/cli/program.js";
import type { Database } from "../../src/db/database.js";

const BIN = fileURLToPath(new URL("../../src/cli/bin.js", import.meta.url));

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the installed `evidence` entry point as a user would, in a child process. */
export function runCli(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? process.cwd(),
    env: { ...process.env, EVIDENCE_DB: "", DATABASE_URL: "", ...options.env },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export interface StartedCli {
  readonly child: ChildProcess;
  /** Resolves with the first stderr line that `matches`, or rejects when the process ends first. */
  waitForLine(matches: (line: string) => boolean): Promise<string>;
  /** Resolves when the process has ended, with everything it wrote. */
  readonly finished: Promise<CliRun & { signal: NodeJS.Signals | null }>;
}

/** Starts `evidence` in a child process and lets a test watch its stderr line by line while it runs. */
export function startCli(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): StartedCli {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? process.cwd(),
    env: { ...process.env, EVIDENCE_DB: "", DATABASE_URL: "", ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  let pending = "";
  const lines: string[] = [];
  const watchers: Array<{ matches: (line: string) => boolean; resolve: (line: string) => void }> = [];
  child.stdout?.setEncoding("utf8").on("data", (text: string) => (stdout += text));
  child.stderr?.setEncoding("utf8").on("data", (text: string) => {
    stderr += text;
    pending += text;
    const complete = pending.split("\n");
    pending = complete.pop() ?? "";
    for (const line of complete) {
      lines.push(line);
      for (const watcher of [...watchers]) {
        if (watcher.matches(line)) {
          watchers.splice(watchers.indexOf(watcher), 1);
          watcher.resolve(line);
        }
      }
    }
  });
  const finished = new Promise<CliRun & { signal: NodeJS.Signals | null }>((resolve) => {
    child.on("close", (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
  return {
    child,
    finished,
    waitForLine(matches) {
      const seen = lines.find(matches);
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        watchers.push({ matches, resolve });
        void finished.then(({ status, signal }) => reject(new Error(`evidence ended (status ${status}, signal ${signal}) before the awaited line:\n${stderr}`)));
      });
    },
  };
}

export interface InProcessOptions {
  readonly workingDirectory?: string;
  readonly environment?: NodeJS.ProcessEnv;
  readonly write: (text: string) => void;
  readonly writeProgress?: (text: string) => void;
  /** The terminal width tables wrap to (default 1000: wide enough that tests read whole lines). */
  readonly columns?: number;
}

/**
 * Runs the program in this process on a shared test database. Commands close the database they open,
 * so the one handed over ignores `close` and survives for the next command.
 */
export async function runInProcess(database: Database, args: readonly string[], options: InProcessOptions): Promise<void> {
  const shared: Database = { ...database, close: async () => undefined };
  const program = createProgram({
    environment: options.environment ?? {},
    workingDirectory: options.workingDirectory ?? process.cwd(),
    write: options.write,
    writeProgress: options.writeProgress ?? (() => undefined),
    columns: options.columns ?? 1000,
    argv: ["node", "evidence", ...args],
    openDatabase: async () => ({ database: shared, migrations: { applied: [], alreadyApplied: 1 } }),
  });
  await program.parseAsync(["node", "evidence", ...args]);
}
