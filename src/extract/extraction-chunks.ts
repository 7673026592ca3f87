import { createHash } from "node:crypto";
import type { CanonicalDocument, Segment } from "../ingest/canonical-document.js";
import type { DocumentChunk } from "../index/chunk-document.js";
import type { ExtractionChunk } from "./extractor.js";

/**
 * The cache key of a chunk's content: its text and who said which part of it, relative to the chunk, so
 * an unchanged passage keeps its cache entry even when text earlier in the document moved it.
 */
export function chunkContentHash(text: string, startOffset: number, segments: readonly Segment[]): string {
  const relativeSegments = segments.map((segment) => [segment.start - startOffset, segment.end - startOffset, segment.speaker, segment.speakerRole]);
  return createHash("sha256").update(text).update(JSON.stringify(relativeSegments)).digest("hex");
}

/**
 * Turns a document's chunks into what extractors read. The content hash covers the chunk's text and who
 * said which part of it, relative to the chunk, so an unchanged passage keeps its cache entry even when
 * text earlier in the document moved it.
 *
 * @example extractionChunksOf(document, chunkDocument(document)).map((chunk) => chunk.key) // ["tickets/a.json#7#0", ...]
 */
export function extractionChunksOf(
  document: CanonicalDocument,
  chunks: readonly DocumentChunk[],
  keyOf: (chunk: DocumentChunk) => string = (chunk) => `${document.sourceRef}#${chunk.ordinal}`,
): ExtractionChunk[] {
  return chunks.map((chunk) => {
    const source = document.fullText.slice(chunk.startOffset, chunk.endOffset);
    const segments = document.segments.filter((segment) => segment.start < chunk.endOffset && segment.end > chunk.startOffset);
    return {
      key: keyOf(chunk),
      accountId: document.accountId,
      sourceRef: document.sourceRef,
      kind: document.kind,
      // The document's own span: quotes map to document offsets by position (the chunk's indexed text
      // leaves the speaker labels out, so its positions are not the document's).
      text: source,
      startOffset: chunk.startOffset,
      segments,
      contentHash: chunkContentHash(source, chunk.startOffset, segments),
    };
  });
}
