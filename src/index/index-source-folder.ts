import path from "node:path";
import { saveAccounts } from "../db/account-store.js";
import type { Database } from "../db/database.js";
import {
  documentKey,
  lockDocumentWrites,
  pruneDocuments,
  sourceFileOf,
  storedContentHashes,
  writeDocuments,
  type NewDocument,
} from "../db/document-store.js";
import { claimEmbeddingSpace, resetEmbeddingSpace } from "../db/embedding-space-store.js";
import { finishRun, startRun } from "../db/run-store.js";
import { createSearchIndexes, dropSearchIndexes, searchIndexesExist } from "../db/search-indexes.js";
import { saveSourceFiles, storedDocumentsPerFile, storedSourceFiles, type SourceFileRecord } from "../db/source-file-store.js";
import { saveUsage } from "../db/usage-store.js";
import type { InputProblem } from "../errors.js";
import { callDocument, ticketDocument, type CanonicalDocument } from "../ingest/canonical-document.js";
import { readSourceFolder, type SourceFolder } from "../ingest/read-source-folder.js";
import { roleDirectoryOf } from "../ingest/vendor-profile.js";
import type { Embedder } from "../models/embedder.js";
import { taxonomyVersion } from "../taxonomy/taxonomy-version.js";
import { chunkDocument, DEFAULT_CHUNK_OPTIONS, type ChunkOptions, type DocumentChunk } from "./chunk-document.js";
import { countRejectedRecords } from "./rejected-records.js";

export interface IndexSummary {
  readonly indexed: number;
  readonly unchanged: number;
  /** Records (tickets, calls, cues, rows) that could not be read; see `problems`. */
  readonly rejected: number;
  readonly pruned: number;
  readonly chunks: number;
  readonly embeddedTexts: number;
  readonly problems: readonly InputProblem[];
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
function fingerprintSalt(options: Pick<IndexOptions, "embedder" | "chunkOptions">): string {
  return `${options.embedder.modelId}|${JSON.stringify(options.chunkOptions ?? DEFAULT_CHUNK_OPTIONS)}`;
}

/** The documents of a source folder, with source references relative to the folder. */
export function documentsOf(source: SourceFolder): CanonicalDocument[] {
  const directory = roleDirectoryOf(source.vendor);
  const relative = relativeTo(source.folder);
  return [
    ...source.tickets.map((ticket) => ticketDocument(ticket, directory, relative(ticket.sourceFile))),
    ...source.calls.map((call) => callDocument(call, directory, relative(call.file))),
  ];
}

function relativeTo(folder: string): (file: string) => string {
  return (file) => path.relative(folder, file).split(path.sep).join("/");
}

interface PreparedBatch {
  readonly documents: ReadonlyArray<{ document: CanonicalDocument; chunks: DocumentChunk[] }>;
  readonly vectors: number[][];
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
    await saveUsage(transaction, source.usage, "usage.csv");
    return id;
  });

  const documents = documentsOf(source);
  // Reads go through a transaction too: a PGlite socket server (tests, benchmark) keeps several pg
  // connections apart only at transaction boundaries.
  const { stored, indexesExist, files } = await database.transaction(async (transaction) => ({
    stored: await storedContentHashes(transaction, accountIds),
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

  // The next batch is embedded while this one is written: with a remote embedder the two overlap.
  let upcoming = prepare();
  for (;;) {
    const batch = await upcoming;
    if (batch === undefined) break;
    upcoming = prepare();
    upcoming.catch(() => undefined); // a failure there surfaces when it is awaited above
    const written = await writeBatch(database, batch, { accountIds, modelId: embedder.modelId });
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
  };
  await database.transaction((transaction) =>
    finishRun(transaction, runId, {
      status: "succeeded",
      summary: { indexed, unchanged: summary.unchanged, rejected: summary.rejected, pruned, chunks: chunkCount },
    }),
  );
  return summary;
}

/**
 * The record of every file this run has fully indexed: skipped files keep theirs, a file with a problem
 * gets none (it is read again next time, and its problem reported again).
 */
function currentSourceFiles(
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

/** Changed documents with their chunks, grouped so that a batch holds about `chunksPerBatch` chunks. */
function* batchesOf(
  documents: readonly CanonicalDocument[],
  chunkOptions: ChunkOptions,
  chunksPerBatch: number,
): Generator<Array<{ document: CanonicalDocument; chunks: DocumentChunk[] }>> {
  let batch: Array<{ document: CanonicalDocument; chunks: DocumentChunk[] }> = [];
  let size = 0;
  for (const document of documents) {
    const chunks = chunkDocument(document, chunkOptions);
    batch.push({ document, chunks });
    size += chunks.length;
    if (size >= chunksPerBatch) {
      yield batch;
      batch = [];
      size = 0;
    }
  }
  if (batch.length > 0) yield batch;
}

/**
 * Writes one batch in one transaction and returns the keys it wrote. Under the write lock it re-reads
 * the stored hashes: a document another job stored meanwhile with the same content is left alone.
 */
async function writeBatch(
  database: Database,
  batch: PreparedBatch,
  context: { accountIds: readonly string[]; modelId: string },
): Promise<Set<string>> {
  return database.transaction(async (transaction) => {
    await lockDocumentWrites(transaction);
    const current = await storedContentHashes(
      transaction,
      context.accountIds,
      batch.documents.map(({ document }) => document.sourceRef),
    );
    const toWrite: NewDocument[] = [];
    let vectorIndex = 0;
    for (const { document, chunks } of batch.documents) {
      const vectors = batch.vectors.slice(vectorIndex, vectorIndex + chunks.length);
      vectorIndex += chunks.length;
      if (current.get(documentKey(document.accountId, document.sourceRef)) === document.contentHash) continue;
      toWrite.push({
        accountId: document.accountId,
        kind: document.kind,
        sourceRef: document.sourceRef,
        title: document.title,
        occurredAt: document.occurredAt,
        fullText: document.fullText,
        contentHash: document.contentHash,
        metadata: { segments: document.segments },
        chunks: chunks.map((chunk, index) => ({ ...chunk, embedding: vectors[index], embeddingModel: context.modelId })),
      });
    }
    await writeDocuments(transaction, toWrite, { scopeAccountIds: context.accountIds });
    return new Set(toWrite.map((document) => documentKey(document.accountId, document.sourceRef)));
  });
}
