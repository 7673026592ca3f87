import type { CanonicalDocument, Segment } from "../ingest/canonical-document.js";
import type { StoredTurn } from "../db/document-store.js";
import type { SpeakerRole } from "../ingest/speaker-role.js";

export interface ChunkOptions {
  /** Budget per chunk in estimated tokens (about four characters each). */
  readonly maxTokens: number;
  /** Sentences carried over from the end of one piece of a long turn into the next. */
  readonly overlapSentences: number;
}

export const DEFAULT_CHUNK_OPTIONS: ChunkOptions = { maxTokens: 256, overlapSentences: 1 };

/**
 * Raised whenever what chunks hold changes (their text, their turns), so every stored document is
 * chunked again on the next index run (see storedContentHashes and fingerprintSalt). 2: speaker labels
 * left out of the chunk text and kept as turns.
 */
export const CHUNKING_VERSION = 2;

/** One speaker's words inside a chunk, as the chunk stores them (see StoredTurn). */
export type ChunkTurn = StoredTurn;

export interface DocumentChunk {
  readonly ordinal: number;
  /** The span of the document the chunk covers, labels between its turns included. */
  readonly startOffset: number;
  readonly endOffset: number;
  /**
   * What is embedded and indexed: the speakers' own words, one turn per line, without the
   * `[hh:mm:ss] Name:` or `[comment N]` labels the document adds (they would be a fifth of the words).
   */
  readonly text: string;
  /** Who said which part of `text`, with document offsets. */
  readonly turns: readonly ChunkTurn[];
  /** The speaker when one person said all of it; undefined for a merged exchange. */
  readonly speaker?: string;
  /** The shared role of everyone in the chunk, else unknown; citations use the turns. */
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
  // Pieces of segments: [start, end) of the document and the segment they belong to.
  let group: Array<{ start: number; end: number; segment: Segment }> = [];
  let groupLength = 0;

  const emit = (pieces: ReadonlyArray<{ start: number; end: number; segment: Segment }>) => {
    const first = pieces[0];
    const last = pieces.at(-1);
    if (first === undefined || last === undefined) return;
    let text = "";
    const turns: ChunkTurn[] = [];
    for (const piece of pieces) {
      if (text !== "") text += "\n";
      const textStart = text.length;
      text += document.fullText.slice(piece.start, piece.end);
      const { segment } = piece;
      turns.push({
        speaker: segment.speaker,
        speakerRole: segment.speakerRole,
        textStart,
        textEnd: text.length,
        documentStart: piece.start,
        documentEnd: piece.end,
        ...(segment.callOffsetSeconds === undefined ? {} : { callOffsetSeconds: segment.callOffsetSeconds }),
        ...(segment.commentRef === undefined ? {} : { commentRef: segment.commentRef }),
      });
    }
    const oneSpeaker = pieces.every((piece) => piece.segment.speaker === first.segment.speaker);
    const oneRole = pieces.every((piece) => piece.segment.speakerRole === first.segment.speakerRole);
    chunks.push({
      ordinal: chunks.length,
      startOffset: first.start,
      endOffset: last.end,
      text,
      turns,
      ...(oneSpeaker ? { speaker: first.segment.speaker } : {}),
      speakerRole: oneRole ? first.segment.speakerRole : "unknown",
      ...(first.segment.callOffsetSeconds === undefined ? {} : { callOffsetSeconds: first.segment.callOffsetSeconds }),
      ...(first.segment.commentRef === undefined ? {} : { commentRef: first.segment.commentRef }),
    });
  };
  const flush = () => {
    emit(group);
    group = [];
    groupLength = 0;
  };

  for (const segment of document.segments) {
    const length = segment.end - segment.start;
    // A turn with no words (a blank cue that slipped through) has nothing to embed or cite.
    if (document.fullText.slice(segment.start, segment.end).trim() === "") continue;
    const fits = length <= budget;
    // The budget counts the words and the line breaks between turns, not the labels.
    if (document.kind === "ticket" || !fits || (group.length > 0 && groupLength + 1 + length > budget)) flush();
    if (!fits || document.kind === "ticket") {
      for (const [start, end] of splitSegment(document, segment, budget, options.overlapSentences)) emit([{ start, end, segment }]);
    } else {
      groupLength += (group.length > 0 ? 1 : 0) + length;
      group.push({ start: segment.start, end: segment.end, segment });
    }
  }
  flush();
  return chunks;
}

/**
 * Maps a span of a chunk's text back to the document: the turn it lies in and its document offsets.
 * Undefined when the span crosses from one turn into the next (no single speaker said it).
 *
 * @example documentSpanOf(chunk, 0, 12) // { start: 57, end: 69, turn: { speaker: "Dana", ... } }
 */
export function documentSpanOf(
  chunk: Pick<DocumentChunk, "turns">,
  textStart: number,
  textEnd: number,
): { start: number; end: number; turn: ChunkTurn } | undefined {
  const turn = chunk.turns.find((candidate) => candidate.textStart <= textStart && textEnd <= candidate.textEnd);
  if (turn === undefined) return undefined;
  const shift = turn.documentStart - turn.textStart;
  return { start: textStart + shift, end: textEnd + shift, turn };
}
