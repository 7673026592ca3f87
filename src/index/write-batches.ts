import type { Database } from "../db/database.js";
import { documentKey, lockDocumentWrites, storedContentHashes, storedDocumentOf, writeDocuments, type NewDocument } from "../db/document-store.js";
import type { CanonicalDocument } from "../ingest/canonical-document.js";
import { CHUNKING_VERSION, chunkDocument, type ChunkOptions, type DocumentChunk } from "./chunk-document.js";

/** A batch of changed documents, chunked and embedded, ready to be written in one transaction. */
export interface PreparedBatch {
  readonly documents: ReadonlyArray<{ document: CanonicalDocument; chunks: DocumentChunk[] }>;
  readonly vectors: number[][];
}

/** Changed documents with their chunks, grouped so that a batch holds about `chunksPerBatch` chunks. */
export function* batchesOf(
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
export async function writeBatch(
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
      CHUNKING_VERSION,
    );
    const toWrite: NewDocument[] = [];
    let vectorIndex = 0;
    for (const { document, chunks } of batch.documents) {
      const vectors = batch.vectors.slice(vectorIndex, vectorIndex + chunks.length);
      vectorIndex += chunks.length;
      if (current.get(documentKey(document.accountId, document.sourceRef)) === document.contentHash) continue;
      toWrite.push(
        storedDocumentOf(
          document,
          chunks.map((chunk, index) => ({ ...chunk, embedding: vectors[index], embeddingModel: context.modelId })),
          CHUNKING_VERSION,
        ),
      );
    }
    await writeDocuments(transaction, toWrite, { scopeAccountIds: context.accountIds });
    return new Set(toWrite.map((document) => documentKey(document.accountId, document.sourceRef)));
  });
}
