import { saveAccounts } from "../db/account-store.js";
import type { Database } from "../db/database.js";
import { documentKey, lockDocumentWrites, pruneDocuments, sourceFileOf, storedContentHashes } from "../db/document-store.js";
import { claimEmbeddingSpace, resetEmbeddingSpace } from "../db/embedding-space-store.js";
import { finishRun, startRun } from "../db/run-store.js";
import { createSearchIndexes, dropSearchIndexes, searchIndexesExist } from "../db/search-indexes.js";
import { saveSourceFiles, storedSourceFiles } from "../db/source-file-store.js";
import { saveUsage } from "../db/usage-store.js";
import { saveVendorProfile } from "../db/vendor-profile-store.js";
import type { InputProblem } from "../errors.js";
import { callDocument, ticketDocument, type CanonicalDocument } from "../ingest/canonical-document.js";
import type { SourceFolder } from "../ingest/read-source-folder.js";
import { roleDirectoryOf } from "../ingest/vendor-profile.js";
import type { Embedder } from "../models/embedder.js";
import { taxonomyVersion } from "../taxonomy/taxonomy-version.js";
import { CHUNKING_VERSION, DEFAULT_CHUNK_OPTIONS, type ChunkOptions } from "./chunk-document.js";
import { countRejectedRecords } from "./rejected-records.js";
import { currentSourceFiles, relativeTo } from "./source-fingerprints.js";
import { batchesOf, writeBatch, type PreparedBatch } from "./write-batches.js";

export interface IndexSummary {
  readonly indexed: number;
  readonly unchanged: number;
  /** Records (tickets, calls, cues, rows) that could not be read; see `problems`. */
  readonly rejected: number;
  readonly pruned: number;
  readonly chunks: number;
  readonly embeddedTexts: number;
  readonly problems: readonly InputProblem[];
  /** Skipped without harm (blank transcript turns): shown, never a reason to fail the run. */
  readonly warnings: readonly InputProblem[];
}

/** What an index run reports as it goes; the CLI turns these into a bar or JSON lines. */
export type IndexProgressEvent =
  | { readonly kind: "start"; readonly documents: number; readonly changed: number; readonly unchanged: number }
  | { readonly kind: "embedded"; readonly texts: number }
  | {
      readonly kind: "document";
      readonly accountId: string;
      readonly sourceRef: string;
      /** `unchanged` here means another job stored the same content while this one was embedding it. */
      readonly status: "indexed" | "unchanged";
      readonly chunks: number;
    }
  | { readonly kind: "pruned"; readonly documents: number }
  | { readonly kind: "building-indexes" };

export interface IndexOptions {
  readonly embedder: Embedder;
  readonly toolVersion: string;
  readonly chunkOptions?: ChunkOptions;
  /** Delete stored documents of this folder's accounts whose source is gone (see pruneDocuments). */
  readonly prune?: boolean;
  /** Forget every stored document and vector first, to move the database to the configured embedder. */
  readonly reembed?: boolean;
  /** Chunks written per transaction (several documents, each whole). */
  readonly chunksPerBatch?: number;
  readonly onProgress?: (event: IndexProgressEvent) => void;
}

const DEFAULT_CHUNKS_PER_BATCH = 512;
/**
 * A run that writes at least this many documents, and more than are stored already, drops the search
 * indexes and builds them again at the end: one build is far cheaper than that many row-by-row updates.
 */
const BULK_LOAD_MINIMUM = 1000;

/** The documents of a source folder, with source references relative to the folder. */
export function documentsOf(source: SourceFolder): CanonicalDocument[] {
  const directory = roleDirectoryOf(source.vendor);
  const relative = relativeTo(source.folder);
  return [
    ...source.tickets.map((ticket) => ticketDocument(ticket, directory, relative(ticket.sourceFile))),
    ...source.calls.map((call) => callDocument(call, directory, relative(call.file))),
  ];
}

/**
 * Indexes a validated source folder: accounts and usage first, then every ticket and call whose content
 * changed, several documents per transaction, each document always written whole with its chunks.
 *
 * - Unchanged input costs no embedding call and writes no document, chunk, account or usage row (the
 *   run itself is recorded in `runs`).
 * - A run killed at any moment leaves only whole documents; the next run embeds what is missing, so
 *   the end state is that of one clean run.
 * - Two jobs on one PostgreSQL server take turns for each write and re-check the stored hashes inside
 *   it, so neither duplicates nor undoes the other's work (the embedded engine is guarded by a lock on
 *   its directory instead: see open-pglite).
 */
export async function indexSourceFolder(database: Database, source: SourceFolder, options: IndexOptions): Promise<IndexSummary> {
  const { embedder } = options;
  const report = options.onProgress ?? (() => undefined);
  const space = { modelId: embedder.modelId, dimensions: embedder.dimensions };
  const accountIds = source.accounts.map((account) => account.id);
  const relative = relativeTo(source.folder);

  const runId = await database.transaction(async (transaction) => {
    await lockDocumentWrites(transaction);
    if (options.reembed === true) await resetEmbeddingSpace(transaction, space);
    else await claimEmbeddingSpace(transaction, space, database.location);
    const id = await startRun(transaction, {
      command: "index",
      arguments: { folder: source.folder, prune: options.prune === true, reembed: options.reembed === true },
      toolVersion: options.toolVersion,
      versions: { taxonomy: taxonomyVersion(), embedder: embedder.modelId },
    });
    await saveAccounts(transaction, source.accounts, relative(source.accountsFile));
    await saveVendorProfile(transaction, accountIds, source.vendor, "vendor.json");
    await saveUsage(transaction, source.usage, "usage.csv");
    return id;
  });

  const documents = documentsOf(source);
  // Reads go through a transaction too: a PGlite socket server (tests, benchmark) keeps several pg
  // connections apart only at transaction boundaries.
  const { stored, indexesExist, files } = await database.transaction(async (transaction) => ({
    stored: await storedContentHashes(transaction, accountIds, undefined, CHUNKING_VERSION),
    indexesExist: await searchIndexesExist(transaction),
    files: await storedSourceFiles(transaction, source.folder),
  }));
  // Documents of files left unparsed because they did not change since they were indexed.
  const skippedKeys = [...stored.keys()].filter((key) => source.skippedFiles.has(sourceFileOf(key.slice(key.indexOf("\u0000") + 1))));
  const changed = documents.filter((document) => stored.get(documentKey(document.accountId, document.sourceRef)) !== document.contentHash);
  const considered = documents.length + skippedKeys.length;
  report({ kind: "start", documents: considered, changed: changed.length, unchanged: considered - changed.length });

  const bulkLoad = indexesExist && changed.length >= BULK_LOAD_MINIMUM && changed.length > stored.size;
  if (bulkLoad) {
    await database.transaction(async (transaction) => {
      await lockDocumentWrites(transaction);
      await dropSearchIndexes(transaction);
    });
  }

  let indexed = 0;
  let chunkCount = 0;
  let embeddedTexts = 0;
  const batches = batchesOf(changed, options.chunkOptions ?? DEFAULT_CHUNK_OPTIONS, options.chunksPerBatch ?? DEFAULT_CHUNKS_PER_BATCH);
  const prepare = async (): Promise<PreparedBatch | undefined> => {
    const next = batches.next();
    if (next.done === true) return undefined;
    const texts = next.value.flatMap((item) => item.chunks.map((chunk) => chunk.text));
    const vectors = texts.length === 0 ? [] : await embedder.embedDocuments(texts);
    embeddedTexts += texts.length;
    report({ kind: "embedded", texts: texts.length });
    return { documents: next.value, vectors };
  };

  // The next batch is embedded while this one is written. The write is started first, so its statements
  // are on their way to the database before the embedder takes the CPU (the offline embedder yields
  // between slices): the database's work (full-text vectors, statistics) and the embedding overlap.
  let upcoming = prepare();
  for (;;) {
    const batch = await upcoming;
    if (batch === undefined) break;
    const writing = writeBatch(database, batch, { accountIds, modelId: embedder.modelId });
    writing.catch(() => undefined); // a failure there surfaces when it is awaited below
    upcoming = prepare();
    upcoming.catch(() => undefined); // a failure there surfaces when it is awaited above
    const written = await writing;
    for (const { document, chunks } of batch.documents) {
      const wasWritten = written.has(documentKey(document.accountId, document.sourceRef));
      if (wasWritten) {
        indexed += 1;
        chunkCount += chunks.length;
      }
      report({
        kind: "document",
        accountId: document.accountId,
        sourceRef: document.sourceRef,
        status: wasWritten ? "indexed" : "unchanged",
        chunks: wasWritten ? chunks.length : 0,
      });
    }
  }

  let pruned = 0;
  if (options.prune === true) {
    const gone = await database.transaction(async (transaction) => {
      await lockDocumentWrites(transaction);
      return pruneDocuments(transaction, {
        accountIds,
        keep: new Set([...documents.map((document) => documentKey(document.accountId, document.sourceRef)), ...skippedKeys]),
        keepFiles: new Set(source.problems.map((problem) => relative(problem.file))),
      });
    });
    pruned = gone.length;
    report({ kind: "pruned", documents: pruned });
  }

  await database.transaction(async (transaction) => {
    await lockDocumentWrites(transaction);
    if (await searchIndexesExist(transaction)) return;
    report({ kind: "building-indexes" });
    await createSearchIndexes(transaction, space.dimensions);
  });

  await database.transaction(async (transaction) => {
    await lockDocumentWrites(transaction);
    await saveSourceFiles(transaction, source.folder, currentSourceFiles(source, documents, files), files);
  });

  const summary: IndexSummary = {
    indexed,
    unchanged: considered - indexed,
    rejected: countRejectedRecords(source.problems),
    pruned,
    chunks: chunkCount,
    embeddedTexts,
    problems: source.problems,
    warnings: source.warnings ?? [],
  };
  await database.transaction((transaction) =>
    finishRun(transaction, runId, {
      status: "succeeded",
      summary: { indexed, unchanged: summary.unchanged, rejected: summary.rejected, pruned, chunks: chunkCount },
    }),
  );
  return summary;
}
