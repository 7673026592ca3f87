import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import pLimit from "p-limit";
import { InputError, type InputProblem } from "../errors.js";
import type { Account } from "./account-schema.js";
import { loadAccounts } from "./load-accounts.js";
import { loadTickets } from "./load-tickets.js";
import { loadUsage } from "./load-usage.js";
import { readJson, readText } from "./read-source-file.js";
import { TRANSCRIPT_FORMATS } from "./transcript-formats/index.js";
import type { Ticket } from "./ticket-schema.js";
import type { Participant } from "./speaker-role.js";
import {
  callFileName,
  TRANSCRIPT_EXTENSIONS,
  jsonTranscriptTurns,
  transcriptJsonSchema,
  transcriptSidecarSchema,
  type TranscriptSidecar,
  type TranscriptTurn,
} from "./transcript-schema.js";
import type { UsageMetric } from "./usage-schema.js";
import { validateRecord, type Validated } from "./validate-records.js";
import { loadVendorProfile, type VendorProfile } from "./vendor-profile.js";

export interface CallFile {
  readonly file: string;
  readonly accountId: string;
  readonly format: "vtt" | "srt" | "txt" | "json";
  readonly date: string;
  /** When the call started, as given (a JSON transcript's or sidecar's started_at with its time). */
  readonly startedAt?: string;
  readonly title: string;
  /** People named by the transcript itself or its sidecar: their roles come before vendor.json's. */
  readonly participants?: readonly Participant[];
  readonly turns: readonly TranscriptTurn[];
}

/** A ticket and the file it came from (its document's source reference starts with it). */
export type SourcedTicket = Ticket & { readonly sourceFile: string };

export interface SourceFolder {
  readonly folder: string;
  /** The accounts file that was read (accounts.json or accounts.csv). */
  readonly accountsFile: string;
  readonly vendor: VendorProfile;
  readonly accounts: Account[];
  readonly usage: UsageMetric[];
  readonly tickets: SourcedTicket[];
  readonly calls: CallFile[];
  /**
   * Problems in tickets, calls and usage: those records (or a whole unreadable file) are skipped and the
   * rest is still used. A usage file with any problem is skipped whole, so stored usage is never half
   * replaced.
   */
  readonly problems: InputProblem[];
  /**
   * Every ticket and call file present, by path relative to the folder (with `/`), with a fingerprint of
   * its bytes (a call's sidecar included) and of everything else that decides what it becomes.
   */
  readonly fingerprints: ReadonlyMap<string, string>;
  /** Files left unparsed because the caller said it already holds them (see ReadSourceOptions.skipFile). */
  readonly skippedFiles: ReadonlySet<string>;
  /** What was skipped without harm (blank transcript turns): reported, not rejected. */
  readonly warnings: InputProblem[];
}

export interface ReadSourceOptions {
  /**
   * Called with each ticket or call file's relative path and fingerprint; returning true leaves the file
   * unparsed. The index job uses it to skip files unchanged since they were indexed.
   */
  readonly skipFile?: (relativePath: string, fingerprint: string) => boolean;
  /** Mixed into every fingerprint: what else decides the result (the index job's chunking and embedder). */
  readonly fingerprintSalt?: string;
}

// Part of every fingerprint: bump it when a reader's output changes, so every file is read again.
const READER_VERSION = "readers-2";
// Files read at once: enough to overlap disk and parsing, few enough to keep memory flat.
const FILES_IN_FLIGHT = 16;

/**
 * Reads and validates a source folder laid out as data/README.md describes. The vendor profile and the
 * accounts must be wholly valid (everything else refers to them) or this throws; a bad ticket, call or
 * usage file is reported in `problems` and left out.
 */
export async function readSourceFolder(folderPath: string, options: ReadSourceOptions = {}): Promise<SourceFolder> {
  // One spelling per folder ("data/demo/" and "./data/demo" are the same): it keys what was indexed from it.
  const folder = path.resolve(folderPath);
  const vendorFile = path.join(folder, "vendor.json");
  const vendor = await loadVendorProfile(vendorFile);
  const accountsFile = await firstExisting(folder, ["accounts.json", "accounts.csv"]);
  const accounts = await loadAccounts(accountsFile);
  const accountIds = new Set(accounts.map((account) => account.id));
  const problems: InputProblem[] = [];
  const warnings: InputProblem[] = [];
  const limit = pLimit(FILES_IN_FLIGHT);
  const relative = (file: string) => path.relative(folder, file).split(path.sep).join("/");
  // Roles come from the vendor profile and tickets may only name listed accounts: both are in the hash.
  const context = createHash("sha256")
    .update(`${READER_VERSION}\n${options.fingerprintSalt ?? ""}\n`)
    .update(await readFile(vendorFile))
    .update([...accountIds].sort().join("\n"))
    .digest("hex");
  const fingerprints = new Map<string, string>();
  const skippedFiles = new Set<string>();
  /** Fingerprints a file; true when the caller wants it parsed. */
  const wanted = async (file: string, companions: readonly string[] = []): Promise<boolean> => {
    const hash = createHash("sha256").update(context).update(await readFile(file));
    for (const companion of companions) hash.update("\n--companion--\n").update((await readFile(companion).catch(() => undefined)) ?? "");
    const fingerprint = hash.digest("hex");
    fingerprints.set(relative(file), fingerprint);
    if (options.skipFile?.(relative(file), fingerprint) === true) {
      skippedFiles.add(relative(file));
      return false;
    }
    return true;
  };

  const usageFile = path.join(folder, "usage.csv");
  const usage = (await exists(usageFile)) ? await readUsage(usageFile, accountIds, problems) : [];

  const tickets: SourcedTicket[] = [];
  const ticketFiles = await filesIn(path.join(folder, "tickets"), [".json", ".csv"]);
  const ticketLoads = await Promise.all(
    ticketFiles.map((file) =>
      limit(async () => ((await wanted(file)) ? { file, ...(await readUnlessUnreadable(() => loadTickets(file))) } : undefined)),
    ),
  );
  for (const loaded of ticketLoads) {
    if (loaded === undefined) continue;
    const { file, result, problems: unreadable } = loaded;
    problems.push(...unreadable);
    if (result === undefined) continue;
    problems.push(...result.problems);
    for (const ticket of result.tickets) {
      if (accountIds.has(ticket.account_id)) tickets.push({ ...ticket, sourceFile: file });
      else problems.push({ file, record: `ticket ${ticket.id}`, field: "account_id", reason: `unknown account "${ticket.account_id}"` });
    }
  }

  const calls: CallFile[] = [];
  const callFiles: Array<{ file: string; accountId: string }> = [];
  for (const accountFolder of await directoriesIn(path.join(folder, "calls"))) {
    for (const file of await filesIn(accountFolder, TRANSCRIPT_EXTENSIONS)) {
      if (!file.endsWith(SIDECAR_SUFFIX)) callFiles.push({ file, accountId: path.basename(accountFolder) });
    }
  }
  const callLoads = await Promise.all(
    callFiles.map(({ file, accountId }) =>
      limit(async () =>
        (await wanted(file, file.endsWith(".json") ? [] : [`${file}${SIDECAR_SUFFIX}`])) ? readUnlessUnreadable(() => readCall(file, accountId, accountIds)) : undefined,
      ),
    ),
  );
  for (const loaded of callLoads) {
    if (loaded === undefined) continue;
    problems.push(...loaded.problems, ...(loaded.result?.problems ?? []));
    warnings.push(...(loaded.result?.warnings ?? []));
    if (loaded.result?.call !== undefined) calls.push(loaded.result.call);
  }
  return { folder, accountsFile, vendor, accounts, usage, tickets, calls, problems, fingerprints, skippedFiles, warnings };
}

const SIDECAR_SUFFIX = ".meta.json";

/** Runs a reader of one file; a file that cannot be read at all gives problems instead of an error. */
async function readUnlessUnreadable<T>(read: () => Promise<T>): Promise<{ result?: T; problems: InputProblem[] }> {
  try {
    return { result: await read(), problems: [] };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { problems: [...error.problems] };
  }
}

/** All or nothing: a usage file with a bad row is reported and skipped whole (stored usage stays). */
async function readUsage(file: string, accountIds: ReadonlySet<string>, problems: InputProblem[]): Promise<UsageMetric[]> {
  const { result: usage, problems: unreadable } = await readUnlessUnreadable(() => loadUsage(file));
  problems.push(...unreadable);
  if (usage === undefined) return [];
  const unknown = [...new Set(usage.filter((metric) => !accountIds.has(metric.account_id)).map((metric) => metric.account_id))];
  if (unknown.length === 0) return usage;
  problems.push(
    ...unknown.map((accountId) => ({ file, field: "account_id", reason: `unknown account "${accountId}" (not in the accounts file); usage.csv was skipped` })),
  );
  return [];
}

/** Reads one call: metadata from the JSON itself or from the folder, file name and sidecar, and its turns. */
async function readCall(
  file: string,
  folderAccountId: string,
  accountIds: ReadonlySet<string>,
): Promise<{ call?: CallFile; problems: InputProblem[]; warnings?: InputProblem[] }> {
  const format = path.extname(file).slice(1).toLowerCase() as CallFile["format"];
  if (format === "json") {
    const result = validateRecord(transcriptJsonSchema, await readJson(file), { file, record: "transcript" });
    if (!result.success) return { problems: result.problems };
    const { account_id: accountId, started_at: startedAt, title, participants } = result.data;
    const { turns, problems, warnings } = jsonTranscriptTurns(result.data.turns, file);
    if (!accountIds.has(accountId)) {
      return { problems: [{ file, record: "transcript", field: "account_id", reason: `unknown account "${accountId}"` }] };
    }
    if (turns.length === 0) return { problems: [...problems, { file, record: "transcript", field: "turns", reason: "no turn has a speaker, a start and words" }], warnings };
    return { call: { file, accountId, format, date: startedAt.slice(0, 10), startedAt, title, participants, turns }, problems, warnings };
  }
  const sidecar = await readSidecar(`${file}${SIDECAR_SUFFIX}`);
  if (!sidecar.success) return { problems: sidecar.problems };
  const named = callFileName(path.basename(file));
  const date = sidecar.data?.started_at?.slice(0, 10) ?? named?.date;
  const title = sidecar.data?.title ?? named?.title;
  if (date === undefined || title === undefined) {
    return { problems: [{ file, reason: "call file name must be YYYY-MM-DD-title.(vtt|srt|txt|json), or a .meta.json sidecar must give started_at and title" }] };
  }
  const accountId = sidecar.data?.account_id ?? folderAccountId;
  if (!accountIds.has(accountId)) {
    const where = sidecar.data?.account_id === undefined ? `folder "${accountId}"` : `account_id "${accountId}" in the sidecar`;
    return { problems: [{ file, reason: `${where} is not an account id from the accounts file` }] };
  }
  const parser = TRANSCRIPT_FORMATS.get(format);
  if (parser === undefined) return { problems: [{ file, reason: `no parser for .${format} transcripts` }] };
  const parsed = await parser.parse(await readText(file), file);
  if (parsed.turns.length === 0) {
    return { problems: [...parsed.problems, { file, reason: `no speaker turns found (expected ${parser.description})` }] };
  }
  return {
    call: {
      file,
      accountId,
      format,
      date,
      ...(sidecar.data?.started_at === undefined ? {} : { startedAt: sidecar.data.started_at }),
      title,
      participants: sidecar.data?.participants ?? [],
      turns: parsed.turns,
    },
    problems: parsed.problems,
    warnings: parsed.warnings ?? [],
  };
}

async function readSidecar(file: string): Promise<Validated<TranscriptSidecar | undefined>> {
  if (!(await exists(file))) return { success: true, data: undefined };
  return validateRecord(transcriptSidecarSchema, await readJson(file), { file, record: "sidecar" });
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

async function firstExisting(folder: string, names: readonly string[]): Promise<string> {
  for (const name of names) {
    const file = path.join(folder, name);
    if (await exists(file)) return file;
  }
  throw new InputError([{ file: path.join(folder, names.join(" or ")), reason: "file not found" }]);
}

async function filesIn(folder: string, extensions: readonly string[]): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile() && extensions.includes(path.extname(entry.name).toLowerCase()))
    .map((entry) => path.join(folder, entry.name))
    .sort();
}

async function directoriesIn(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isDirectory()).map((entry) => path.join(folder, entry.name)).sort();
}
