import { createHash } from "node:crypto";
import type { CanonicalDocument, Segment } from "../ingest/canonical-document.js";
import type { DocumentChunk } from "../index/chunk-document.js";
import type { AccountContext, ContextTurn, ExtractionChunk } from "./extractor.js";

/** Turns or comments of context on each side of a chunk, and how much of each is kept. */
const CONTEXT_TURNS = 2;
const CONTEXT_CHARACTERS = 280;

/**
 * The cache key of a chunk's content: its text and who said which part of it, relative to the chunk, so
 * an unchanged passage keeps its cache entry even when text earlier in the document moved it. The
 * context around it is part of the key: the same words answer differently next to different turns.
 */
export function chunkContentHash(text: string, startOffset: number, segments: readonly Segment[], context: readonly ContextTurn[] = [], account?: AccountContext): string {
  const relativeSegments = segments.map((segment) => [segment.start - startOffset, segment.end - startOffset, segment.speaker, segment.speakerRole]);
  const hash = createHash("sha256").update(text).update(JSON.stringify(relativeSegments));
  if (context.length > 0) hash.update(JSON.stringify(context));
  // The same words read differently for another champion or another vendor's products.
  if (account !== undefined) hash.update(JSON.stringify(["account", account.champion ?? null, account.productNames]));
  return hash.digest("hex");
}

/**
 * The turns (calls) or comments (tickets) next to a chunk, outside it: up to two before and two after,
 * each clipped to its end nearest the chunk.
 *
 * @example contextOf(document.fullText, document.segments, 120, 300)[0]?.position // "before"
 */
export function contextOf(fullText: string, segments: readonly Segment[], chunkStart: number, chunkEnd: number): ContextTurn[] {
  const before = segments.filter((segment) => segment.end <= chunkStart).slice(-CONTEXT_TURNS);
  const after = segments.filter((segment) => segment.start >= chunkEnd).slice(0, CONTEXT_TURNS);
  const turn = (segment: Segment, position: ContextTurn["position"]): ContextTurn => {
    const words = fullText.slice(segment.start, segment.end).replace(/\s+/g, " ").trim();
    const clipped =
      words.length <= CONTEXT_CHARACTERS ? words : position === "before" ? `...${words.slice(-CONTEXT_CHARACTERS)}` : `${words.slice(0, CONTEXT_CHARACTERS)}...`;
    return { position, speaker: segment.speaker, speakerRole: segment.speakerRole, text: clipped };
  };
  return [...before.map((segment) => turn(segment, "before")), ...after.map((segment) => turn(segment, "after"))];
}

/**
 * Turns a document's chunks into what extractors read, each with the turns or comments around it.
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
    const context = contextOf(document.fullText, document.segments, chunk.startOffset, chunk.endOffset);
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
      context,
      contentHash: chunkContentHash(source, chunk.startOffset, segments, context),
    };
  });
}
