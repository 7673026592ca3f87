import type { CanonicalDocument, Segment } from "../ingest/canonical-document.js";
import type { SpeakerRole } from "../ingest/speaker-role.js";

export interface ChunkOptions {
  /** Budget per chunk in estimated tokens (about four characters each). */
  readonly maxTokens: number;
  /** Sentences carried over from the end of one piece of a long turn into the next. */
  readonly overlapSentences: number;
}

export const DEFAULT_CHUNK_OPTIONS: ChunkOptions = { maxTokens: 256, overlapSentences: 1 };

export interface DocumentChunk {
  readonly ordinal: number;
  readonly startOffset: number;
  readonly endOffset: number;
  readonly text: string;
  /** The speaker when one person said all of it; undefined for a merged exchange. */
  readonly speaker?: string;
  /** The shared role of everyone in the chunk, else unknown; citations use the document's segments. */
  readonly speakerRole: SpeakerRole;
  readonly callOffsetSeconds?: number;
  readonly commentRef?: string;
}

const CHARACTERS_PER_TOKEN = 4;

/** Sentence spans inside [start, end) of `text`: a sentence ends at . ! or ? followed by space. */
export function sentenceSpans(text: string, start: number, end: number): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const pattern = /[^.!?]*(?:[.!?]+["')\]]*|$)\s*/gy;
  pattern.lastIndex = start;
  let sentenceStart = start;
  while (pattern.lastIndex < end) {
    const before = pattern.lastIndex;
    const match = pattern.exec(text);
    if (match === null || pattern.lastIndex === before) break;
    const stop = Math.min(pattern.lastIndex, end);
    const trimmedStop = stop - (/\s*$/.exec(text.slice(sentenceStart, stop))?.[0].length ?? 0);
    if (trimmedStop > sentenceStart) spans.push([sentenceStart, trimmedStop]);
    sentenceStart = stop;
  }
  if (sentenceStart < end && text.slice(sentenceStart, end).trim() !== "") spans.push([sentenceStart, end]);
  return spans;
}

/** Pieces of one segment that fit the budget, cut between sentences, with a little overlap. */
function splitSegment(document: CanonicalDocument, segment: Segment, budget: number, overlap: number): Array<[number, number]> {
  if (segment.end - segment.start <= budget) return [[segment.start, segment.end]];
  const sentences = sentenceSpans(document.fullText, segment.start, segment.end);
  const pieces: Array<[number, number]> = [];
  let first = 0;
  while (first < sentences.length) {
    let last = first;
    // A sentence longer than the budget stays whole: never cut inside a sentence.
    while (last + 1 < sentences.length && (sentences[last + 1]?.[1] ?? 0) - (sentences[first]?.[0] ?? 0) <= budget) last += 1;
    pieces.push([sentences[first]?.[0] ?? segment.start, sentences[last]?.[1] ?? segment.end]);
    if (last + 1 >= sentences.length) break;
    first = Math.max(first + 1, last + 1 - overlap);
  }
  return pieces;
}

/**
 * Cuts a canonical document into chunks for embedding and search. Tickets: one chunk per comment (split
 * between sentences when a comment is long). Calls: consecutive short turns are merged up to the budget,
 * a turn that fits is never split, and a longer one is cut between sentences.
 *
 * @example chunkDocument(callDocument(call, directory, ref)).map((chunk) => chunk.text)
 */
export function chunkDocument(document: CanonicalDocument, options: ChunkOptions = DEFAULT_CHUNK_OPTIONS): DocumentChunk[] {
  const budget = options.maxTokens * CHARACTERS_PER_TOKEN;
  const chunks: DocumentChunk[] = [];
  let group: Segment[] = [];

  const emit = (start: number, end: number, members: readonly Segment[]) => {
    const first = members[0];
    if (first === undefined) return;
    const oneSpeaker = members.every((member) => member.speaker === first.speaker);
    const oneRole = members.every((member) => member.speakerRole === first.speakerRole);
    chunks.push({
      ordinal: chunks.length,
      startOffset: start,
      endOffset: end,
      text: document.fullText.slice(start, end),
      ...(oneSpeaker ? { speaker: first.speaker } : {}),
      speakerRole: oneRole ? first.speakerRole : "unknown",
      ...(first.callOffsetSeconds === undefined ? {} : { callOffsetSeconds: first.callOffsetSeconds }),
      ...(first.commentRef === undefined ? {} : { commentRef: first.commentRef }),
    });
  };
  const flush = () => {
    const first = group[0];
    const last = group.at(-1);
    if (first !== undefined && last !== undefined) emit(first.start, last.end, group);
    group = [];
  };

  for (const segment of document.segments) {
    const fits = segment.end - segment.start <= budget;
    const groupStart = group[0]?.start;
    if (document.kind === "ticket" || !fits || (groupStart !== undefined && segment.end - groupStart > budget)) flush();
    if (!fits || document.kind === "ticket") {
      for (const [start, end] of splitSegment(document, segment, budget, options.overlapSentences)) emit(start, end, [segment]);
    } else {
      group.push(segment);
    }
  }
  flush();
  return chunks;
}
