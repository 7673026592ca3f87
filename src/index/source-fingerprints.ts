import path from "node:path";
import type { Database } from "../db/database.js";
import { sourceFileOf } from "../db/document-store.js";
import { storedDocumentsPerFile, storedSourceFiles, type SourceFileRecord } from "../db/source-file-store.js";
import type { CanonicalDocument } from "../ingest/canonical-document.js";
import { readSourceFolder, type SourceFolder } from "../ingest/read-source-folder.js";
import { CHUNKING_VERSION, DEFAULT_CHUNK_OPTIONS } from "./chunk-document.js";
import type { IndexOptions } from "./index-source-folder.js";

/**
 * Reads a source folder for indexing, leaving unparsed every ticket or call file that is byte for byte
 * what was indexed last time (same vendor profile, accounts, chunking and embedder too) and whose
 * documents are all still stored. Such files are reported in `skippedFiles`; indexSourceFolder counts
 * their documents as unchanged. This is what makes an unchanged re-run cost almost nothing.
 */
export async function readChangedSourceFolder(
  database: Database,
  folder: string,
  options: Pick<IndexOptions, "embedder" | "chunkOptions">,
): Promise<SourceFolder> {
  const scope = path.resolve(folder);
  const { files, documentsPerFile } = await database.transaction(async (transaction) => ({
    files: await storedSourceFiles(transaction, scope),
    documentsPerFile: await storedDocumentsPerFile(transaction),
  }));
  return readSourceFolder(scope, {
    fingerprintSalt: fingerprintSalt(options),
    skipFile: (relativePath, fingerprint) => {
      const stored = files.get(relativePath);
      return stored !== undefined && stored.fingerprint === fingerprint && stored.documents > 0 && documentsPerFile.get(relativePath) === stored.documents;
    },
  });
}

/** What, besides a file's bytes, decides the chunks and vectors it becomes. */
export function fingerprintSalt(options: Pick<IndexOptions, "embedder" | "chunkOptions">): string {
  return `${options.embedder.modelId}|chunking ${CHUNKING_VERSION}|${JSON.stringify(options.chunkOptions ?? DEFAULT_CHUNK_OPTIONS)}`;
}

/** Paths relative to the folder, with `/` on every system: how source references name files. */
export function relativeTo(folder: string): (file: string) => string {
  return (file) => path.relative(folder, file).split(path.sep).join("/");
}

/**
 * The record of every file this run has fully indexed: skipped files keep theirs, a file with a problem
 * gets none (it is read again next time, and its problem reported again).
 */
export function currentSourceFiles(
  source: SourceFolder,
  documents: readonly CanonicalDocument[],
  stored: ReadonlyMap<string, SourceFileRecord>,
): Map<string, SourceFileRecord> {
  const relative = relativeTo(source.folder);
  const withProblems = new Set(source.problems.map((problem) => relative(problem.file)));
  const documentsPerFile = new Map<string, number>();
  for (const document of documents) {
    const file = sourceFileOf(document.sourceRef);
    documentsPerFile.set(file, (documentsPerFile.get(file) ?? 0) + 1);
  }
  const current = new Map<string, SourceFileRecord>();
  for (const [file, fingerprint] of source.fingerprints) {
    const kept = stored.get(file);
    if (source.skippedFiles.has(file) && kept !== undefined) current.set(file, kept);
    else if (!withProblems.has(file)) current.set(file, { fingerprint, documents: documentsPerFile.get(file) ?? 0 });
  }
  return current;
}

