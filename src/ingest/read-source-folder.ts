import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { InputError, type InputProblem } from "../errors.js";
import type { Account } from "./account-schema.js";
import { loadAccounts } from "./load-accounts.js";
import { loadTickets } from "./load-tickets.js";
import { loadUsage } from "./load-usage.js";
import { readJson, readText } from "./read-source-file.js";
import { TRANSCRIPT_FORMATS } from "./transcript-formats/index.js";
import type { Ticket } from "./ticket-schema.js";
import { callFileName, TRANSCRIPT_EXTENSIONS, transcriptJsonSchema, type TranscriptTurn } from "./transcript-schema.js";
import type { UsageMetric } from "./usage-schema.js";
import { validateRecord } from "./validate-records.js";
import { loadVendorProfile, type VendorProfile } from "./vendor-profile.js";

export interface CallFile {
  readonly file: string;
  readonly accountId: string;
  readonly format: "vtt" | "srt" | "txt" | "json";
  readonly date: string;
  readonly title: string;
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
  /** Problems in tickets and calls: those records are skipped, the rest can still be used. */
  readonly problems: InputProblem[];
}

/**
 * Reads and validates a source folder laid out as data/README.md describes. The vendor profile and the
 * accounts must be wholly valid (everything else refers to them); a bad ticket or call is reported in
 * `problems` and left out.
 */
export async function readSourceFolder(folder: string): Promise<SourceFolder> {
  const vendor = await loadVendorProfile(path.join(folder, "vendor.json"));
  const accountsFile = await firstExisting(folder, ["accounts.json", "accounts.csv"]);
  const accounts = await loadAccounts(accountsFile);
  const accountIds = new Set(accounts.map((account) => account.id));
  const problems: InputProblem[] = [];

  const usageFile = path.join(folder, "usage.csv");
  const usage = (await exists(usageFile)) ? await loadUsage(usageFile) : [];
  const unknownUsage = usage.filter((metric) => !accountIds.has(metric.account_id));
  if (unknownUsage.length > 0) {
    throw new InputError(
      [...new Set(unknownUsage.map((metric) => metric.account_id))].map((accountId) => ({
        file: usageFile,
        field: "account_id",
        reason: `unknown account "${accountId}" (not in the accounts file)`,
      })),
    );
  }

  const tickets: SourcedTicket[] = [];
  for (const file of await filesIn(path.join(folder, "tickets"), [".json", ".csv"])) {
    const load = await loadTickets(file);
    problems.push(...load.problems);
    for (const ticket of load.tickets) {
      if (accountIds.has(ticket.account_id)) tickets.push({ ...ticket, sourceFile: file });
      else problems.push({ file, record: `ticket ${ticket.id}`, field: "account_id", reason: `unknown account "${ticket.account_id}"` });
    }
  }

  const calls: CallFile[] = [];
  const callsFolder = path.join(folder, "calls");
  for (const accountFolder of await directoriesIn(callsFolder)) {
    const accountId = path.basename(accountFolder);
    for (const file of await filesIn(accountFolder, TRANSCRIPT_EXTENSIONS)) {
      if (file.endsWith(".meta.json")) continue;
      const located = await readCall(file, accountId, accountIds);
      problems.push(...located.problems);
      if (located.call !== undefined) calls.push(located.call);
    }
  }
  return { folder, accountsFile, vendor, accounts, usage, tickets, calls, problems };
}

/** Reads one call: metadata from the JSON itself or from the folder and file name, and its turns. */
async function readCall(
  file: string,
  folderAccountId: string,
  accountIds: ReadonlySet<string>,
): Promise<{ call?: CallFile; problems: InputProblem[] }> {
  const format = path.extname(file).slice(1).toLowerCase() as CallFile["format"];
  if (format === "json") {
    const result = validateRecord(transcriptJsonSchema, await readJson(file), { file, record: "transcript" });
    if (!result.success) return { problems: result.problems };
    const { account_id: accountId, started_at: startedAt, title, turns } = result.data;
    if (!accountIds.has(accountId)) {
      return { problems: [{ file, record: "transcript", field: "account_id", reason: `unknown account "${accountId}"` }] };
    }
    return { call: { file, accountId, format, date: startedAt.slice(0, 10), title, turns }, problems: [] };
  }
  const named = callFileName(path.basename(file));
  if (named === undefined) {
    return { problems: [{ file, reason: "call file name must be YYYY-MM-DD-title.(vtt|srt|txt|json)" }] };
  }
  if (!accountIds.has(folderAccountId)) {
    return { problems: [{ file, reason: `folder "${folderAccountId}" is not an account id from the accounts file` }] };
  }
  const parser = TRANSCRIPT_FORMATS.get(format);
  if (parser === undefined) return { problems: [{ file, reason: `no parser for .${format} transcripts` }] };
  const parsed = await parser.parse(await readText(file), file);
  if (parsed.turns.length === 0) {
    return { problems: [...parsed.problems, { file, reason: `no speaker turns found (expected ${parser.description})` }] };
  }
  return { call: { file, accountId: folderAccountId, format, ...named, turns: parsed.turns }, problems: parsed.problems };
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
