import path from "node:path";
import { saveAccounts } from "../db/account-store.js";
import type { Database } from "../db/database.js";
import { replaceDocument } from "../db/document-store.js";
import { finishRun, startRun } from "../db/run-store.js";
import { saveUsage } from "../db/usage-store.js";
import { ConfigError, type InputProblem } from "../errors.js";
import { callDocument, ticketDocument, type CanonicalDocument } from "../ingest/canonical-document.js";
import type { SourceFolder } from "../ingest/read-source-folder.js";
import { roleDirectoryOf } from "../ingest/vendor-profile.js";
import type { Embedder } from "../models/embedder.js";
import { taxonomyVersion } from "../taxonomy/taxonomy-version.js";
import { chunkDocument, DEFAULT_CHUNK_OPTIONS, type ChunkOptions } from "./chunk-document.js";

export interface IndexSummary {
  readonly indexed: number;
  readonly unchanged: number;
  readonly rejected: number;
  readonly chunks: number;
  readonly embeddedTexts: number;
  readonly problems: readonly InputProblem[];
}

export interface IndexOptions {
  readonly embedder: Embedder;
  readonly toolVersion: string;
  readonly chunkOptions?: ChunkOptions;
  /** Called once the documents to consider are known. */
  readonly onStart?: (documents: number) => void;
  /** Called after each document is stored or skipped. */
  readonly onDocument?: (event: { sourceRef: string; status: "indexed" | "unchanged"; chunks: number }) => void;
}

/** The documents of a source folder, with source references relative to the folder. */
export function documentsOf(source: SourceFolder): CanonicalDocument[] {
  const directory = roleDirectoryOf(source.vendor);
  const relative = (file: string) => path.relative(source.folder, file).split(path.sep).join("/");
  return [
    ...source.tickets.map((ticket) => ticketDocument(ticket, directory, relative(ticket.sourceFile))),
    ...source.calls.map((call) => callDocument(call, directory, relative(call.file))),
  ];
}

/**
 * Indexes a validated source folder: accounts and usage first, then every ticket and call whose content
 * changed, each document replaced with its chunks in one transaction. An unchanged document costs no
 * embedding call and no write, and a run killed half-way leaves only whole documents behind.
 */
export async function indexSourceFolder(database: Database, source: SourceFolder, options: IndexOptions): Promise<IndexSummary> {
  await refuseMixedEmbeddings(database, options.embedder);
  const runId = await database.transaction(async (transaction) => {
    const id = await startRun(transaction, {
      command: "index",
      arguments: { folder: source.folder },
      toolVersion: options.toolVersion,
      versions: { taxonomy: taxonomyVersion(), embedder: options.embedder.modelId },
    });
    await saveAccounts(transaction, source.accounts, path.relative(source.folder, source.accountsFile));
    await saveUsage(transaction, source.usage, "usage.csv");
    return id;
  });

  const documents = documentsOf(source);
  const stored = new Map(
    (
      await database.query<{ source_ref: string; content_hash: string }>(
        "select source_ref, content_hash from documents where source_ref = any($1::text[])",
        [documents.map((document) => document.sourceRef)],
      )
    ).map((row) => [row.source_ref, row.content_hash]),
  );

  options.onStart?.(documents.length);
  let indexed = 0;
  let chunkCount = 0;
  let embeddedTexts = 0;
  for (const document of documents) {
    if (stored.get(document.sourceRef) === document.contentHash) {
      options.onDocument?.({ sourceRef: document.sourceRef, status: "unchanged", chunks: 0 });
      continue;
    }
    const chunks = chunkDocument(document, options.chunkOptions ?? DEFAULT_CHUNK_OPTIONS);
    const vectors = await options.embedder.embedDocuments(chunks.map((chunk) => chunk.text));
    embeddedTexts += chunks.length;
    await database.transaction((transaction) =>
      replaceDocument(transaction, {
        accountId: document.accountId,
        kind: document.kind,
        sourceRef: document.sourceRef,
        title: document.title,
        occurredAt: document.occurredAt,
        fullText: document.fullText,
        contentHash: document.contentHash,
        metadata: { segments: document.segments },
        chunks: chunks.map((chunk, index) => ({
          ...chunk,
          embedding: vectors[index],
          embeddingModel: options.embedder.modelId,
        })),
      }),
    );
    indexed += 1;
    chunkCount += chunks.length;
    options.onDocument?.({ sourceRef: document.sourceRef, status: "indexed", chunks: chunks.length });
  }

  const summary: IndexSummary = {
    indexed,
    unchanged: documents.length - indexed,
    rejected: source.problems.length,
    chunks: chunkCount,
    embeddedTexts,
    problems: source.problems,
  };
  await finishRun(database, runId, {
    status: "succeeded",
    summary: { indexed, unchanged: summary.unchanged, rejected: summary.rejected, chunks: chunkCount },
  });
  return summary;
}

async function refuseMixedEmbeddings(database: Database, embedder: Embedder): Promise<void> {
  const rows = await database.query<{ embedding_model: string }>(
    "select distinct embedding_model from chunks where embedding_model is not null and embedding_model <> $1 limit 1",
    [embedder.modelId],
  );
  const other = rows[0]?.embedding_model;
  if (other !== undefined) {
    throw new ConfigError(
      `This database holds embeddings from "${other}", but the configured embedder is "${embedder.modelId}". ` +
        "Vectors of different models cannot be compared: index into a new --db, or delete this database and index again.",
    );
  }
}
