import { link, readFile, stat, unlink, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { DatabaseError } from "../errors.js";

/** Who holds a lock, as written in the lock file. */
export interface LockHolder {
  readonly pid: number;
  readonly hostname: string;
  readonly command: string;
  readonly since: string;
}

export interface DirectoryLock {
  readonly file: string;
  release(): Promise<void>;
}

export interface DirectoryLockOptions {
  /** How long to wait for another process to let go (default five minutes); 0 fails at once. */
  readonly timeoutMs?: number;
  readonly pollMs?: number;
  /** Called once when the lock is held by someone else and this process starts waiting. */
  readonly onWait?: (holder: LockHolder | undefined, file: string) => void;
}

const DEFAULT_TIMEOUT_MS = 5 * 60_000;
// A lock or take-over file that is still unreadable or unreleased after this long lost its writer.
const ABANDONED_AFTER_MS = 10_000;

/**
 * Takes an exclusive lock on a directory for this process: a `<directory>.lock` file naming the holder.
 * The embedded database cannot be opened by two processes at once (each would keep its own copy of
 * the pages and overwrite the other's), so every process that opens it goes through here first.
 *
 * A holder that died without letting go (killed, crashed) is detected by its pid and replaced; a live
 * one is waited for up to `timeoutMs`, then a DatabaseError says who holds it and what to do.
 *
 * @example const lock = await lockDirectory(".evidence/db"); try { ... } finally { await lock.release(); }
 */
export async function lockDirectory(directory: string, options: DirectoryLockOptions = {}): Promise<DirectoryLock> {
  const file = `${directory.replace(/[\\/]+$/, "")}.lock`;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const deadline = Date.now() + timeoutMs;
  const mine: LockHolder = { pid: process.pid, hostname: hostname(), command: process.argv.slice(2).join(" "), since: new Date().toISOString() };
  const content = JSON.stringify(mine);
  let announced = false;
  for (;;) {
    if (await tryCreate(file, content)) {
      return {
        file,
        async release() {
          // Only our own lock: after a take-over the file may belong to someone else.
          if ((await readFile(file, "utf8").catch(() => undefined)) === content) await unlink(file).catch(() => undefined);
        },
      };
    }
    const held = await readFile(file, "utf8").catch(() => undefined);
    if (held === undefined) continue; // released in between: try again at once
    const holder = parseHolder(held);
    if (await isAbandoned(file, holder)) {
      await takeOver(file, held);
      continue;
    }
    if (Date.now() >= deadline) {
      throw new DatabaseError(
        `The embedded database at ${directory} is in use by another process (${describeHolder(holder)}). ` +
          "An embedded database can be opened by one process at a time: wait for that one to finish and run " +
          "this again, or use a PostgreSQL server (--db postgres://...) to run jobs side by side. " +
          `If no such process exists, delete ${file}.`,
      );
    }
    if (!announced) {
      options.onWait?.(holder, file);
      announced = true;
    }
    await sleep(Math.min(options.pollMs ?? 200, Math.max(deadline - Date.now(), 1)));
  }
}

export function describeHolder(holder: LockHolder | undefined): string {
  if (holder === undefined) return "a process that is still writing its lock file";
  const command = holder.command === "" ? "" : `, "evidence ${holder.command}"`;
  // A server holds the database for as long as it runs: waiting for it to "finish" would be a long wait.
  const server = /(^|\s)serve(\s|$)/.test(holder.command) ? "; that is `evidence serve`: stop it (Ctrl-C), or run both against a PostgreSQL server" : "";
  return `pid ${holder.pid} on ${holder.hostname}${command}, since ${holder.since}${server}`;
}

/** Creates the lock file with its content in one step: written aside, then hard-linked into place. */
async function tryCreate(file: string, content: string): Promise<boolean> {
  const draft = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  await writeFile(draft, content);
  try {
    await link(draft, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw new DatabaseError(`Cannot create the lock file ${file}: ${(error as Error).message}`, { cause: error });
  } finally {
    await unlink(draft).catch(() => undefined);
  }
}

function parseHolder(text: string): LockHolder | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (typeof value.pid === "number" && typeof value.hostname === "string") {
      return { pid: value.pid, hostname: value.hostname, command: String(value.command ?? ""), since: String(value.since ?? "") };
    }
  } catch {
    // an unreadable lock file is judged by its age below
  }
  return undefined;
}

async function isAbandoned(file: string, holder: LockHolder | undefined): Promise<boolean> {
  if (holder === undefined) return (await ageOf(file)) > ABANDONED_AFTER_MS;
  // A pid on another machine (a shared network folder) cannot be checked: assume it is alive.
  if (holder.hostname !== hostname()) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

async function ageOf(file: string): Promise<number> {
  const info = await stat(file).catch(() => undefined);
  return info === undefined ? 0 : Date.now() - info.mtimeMs;
}

/**
 * Removes an abandoned lock, guarded by a second file so that two processes that both saw it abandoned
 * cannot both remove it: the second would otherwise delete the lock the first had just taken.
 */
async function takeOver(file: string, abandonedContent: string): Promise<void> {
  const guard = `${file}.takeover`;
  try {
    await writeFile(guard, String(process.pid), { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    if ((await ageOf(guard)) > ABANDONED_AFTER_MS) await unlink(guard).catch(() => undefined);
    await sleep(20);
    return;
  }
  try {
    if ((await readFile(file, "utf8").catch(() => undefined)) === abandonedContent) await unlink(file).catch(() => undefined);
  } finally {
    await unlink(guard).catch(() => undefined);
  }
}
