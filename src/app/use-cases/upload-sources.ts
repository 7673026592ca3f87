import { mkdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { appendAuditEvent } from "../../db/audit-store.js";
import { storedVendorProfile } from "../../db/vendor-profile-store.js";
import { ConfigError, InputError, NotFoundError } from "../../errors.js";
import type { IndexSummary } from "../../index/index-source-folder.js";
import { readSourceFolder } from "../../ingest/read-source-folder.js";
import type { Services } from "../services.js";
import { listAccounts } from "./accounts.js";
import { indexSource } from "./index-folders.js";

/** One uploaded file: a tickets file (JSON or CSV) or one call transcript (WebVTT, SRT, text or JSON). */
export interface UploadedSource {
  readonly kind: "tickets" | "call";
  /** A plain file name; its extension says the format, as in a source folder. */
  readonly name: string;
  readonly content: string;
}

// Uploads of one account take turns in this process: they share the account's staging folder.
const accountQueues = new Map<string, Promise<unknown>>();

function inTurn<T>(accountId: string, work: () => Promise<T>): Promise<T> {
  const previous = accountQueues.get(accountId) ?? Promise.resolve();
  const next = previous.then(work, work);
  accountQueues.set(accountId, next.catch(() => undefined));
  return next;
}

/**
 * Indexes new tickets or transcripts of one account through the same reader and index job as `evidence
 * index`: the files are laid out as a source folder with the account and the vendor profile it was indexed
 * with, read and validated, and indexed incrementally (unchanged documents cost nothing). Unlike the CLI,
 * which skips bad records and indexes the rest, an upload is all or nothing: any problem throws an
 * InputError naming the file, record and field, and nothing is stored.
 *
 * @example await uploadSources(services, { accountId: "acme", actor: "Maya Chen", files: [{ kind: "call", name: "2026-11-30-sync.vtt", content }] });
 */
export async function uploadSources(
  services: Services,
  input: { readonly accountId: string; readonly files: readonly UploadedSource[]; readonly actor: string },
): Promise<IndexSummary> {
  const account = (await listAccounts(services)).find((candidate) => candidate.id === input.accountId);
  if (account === undefined) throw new NotFoundError(`No account "${input.accountId}".`);
  const vendor = await storedVendorProfile(services.database, input.accountId);
  if (vendor === undefined) {
    throw new ConfigError(`Account "${input.accountId}" has no stored vendor profile: index its source folder once (evidence index <folder>) before uploading.`);
  }
  const names = new Set<string>();
  for (const file of input.files) {
    const key = `${file.kind}/${file.name}`;
    if (names.has(key)) throw new InputError([{ file: file.name, field: "name", reason: "sent twice in one upload" }]);
    names.add(key);
  }
  return inTurn(input.accountId, async () => {
    const folder = path.join(os.tmpdir(), "evidence-uploads", input.accountId);
    await rm(folder, { recursive: true, force: true });
    await mkdir(path.join(folder, "tickets"), { recursive: true });
    await mkdir(path.join(folder, "calls", input.accountId), { recursive: true });
    try {
      await writeFile(path.join(folder, "vendor.json"), JSON.stringify(vendor.profile));
      await writeFile(path.join(folder, "accounts.json"), JSON.stringify([account]));
      const uploaded = new Map<string, string>();
      for (const file of input.files) {
        const target = file.kind === "tickets" ? path.join(folder, "tickets", file.name) : path.join(folder, "calls", input.accountId, file.name);
        uploaded.set(target, file.name);
        await writeFile(target, file.content);
      }
      const source = await readSourceFolder(folder);
      if (source.problems.length > 0) {
        throw new InputError(
          source.problems.map((problem) => ({ ...problem, file: uploaded.get(problem.file) ?? path.basename(problem.file) })),
          { headline: `${source.problems.length} problem(s) in the upload; nothing was indexed:` },
        );
      }
      const summary = await indexSource(services, source);
      await appendAuditEvent(services.database, {
        actor: input.actor,
        action: "sources.uploaded",
        subjectType: "account",
        subjectId: input.accountId,
        details: { accountId: input.accountId, files: input.files.map((file) => file.name), indexed: summary.indexed, unchanged: summary.unchanged },
      });
      return summary;
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
}
