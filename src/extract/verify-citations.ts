import { isInMailFurniture } from "./mail-boilerplate.js";
import { isSignalId } from "../taxonomy/signals.js";
import type { CandidateEvidence, ExtractionChunk, RejectedCandidate, VerifiedEvidence } from "./extractor.js";

/** A quote needs this many words to stand on its own as evidence ("yes", "sure" never do). */
export const MINIMUM_QUOTE_WORDS = 3;

/** Text folded for comparison, and for every folded character the index it came from in the original. */
interface FoldedText {
  readonly text: string;
  readonly origins: readonly number[];
}

const QUOTE_MARKS: Readonly<Record<string, string>> = {
  "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
  "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
  "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u00a0": " ",
};

/**
 * Folds case, typographic quotes, dashes and runs of whitespace, remembering where each character came
 * from, so a match in the folded text maps back to exact offsets in the original.
 */
export function foldText(original: string): FoldedText {
  let text = "";
  const origins: number[] = [];
  let lastWasSpace = true;
  for (let index = 0; index < original.length; index += 1) {
    const character = original[index] ?? "";
    const replaced = QUOTE_MARKS[character] ?? (character === "\u2026" ? "..." : character);
    if (/\s/u.test(replaced)) {
      if (!lastWasSpace) {
        text += " ";
        origins.push(index);
      }
      lastWasSpace = true;
      continue;
    }
    for (const folded of replaced.toLowerCase()) {
      text += folded;
      origins.push(index);
    }
    lastWasSpace = false;
  }
  if (text.endsWith(" ")) {
    text = text.slice(0, -1);
    origins.pop();
  }
  return { text, origins };
}

/** Models like to wrap quotes in quote marks or pad them; none of that is part of the words. */
function trimQuote(quote: string): string {
  return quote.trim().replace(/^["'\u201c\u2018]+|["'\u201d\u2019]+$/gu, "").trim();
}

function wordCount(text: string): number {
  return text.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** Every [start, end) in `haystack` where `needle` occurs. */
function occurrences(haystack: string, needle: string): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) found.push([at, at + needle.length]);
  return found;
}

type Located = { start: number; end: number; alignment: "exact" | "normalised" };

/** Where the quote sits in the chunk, in chunk offsets: exact matches first, then folded ones. */
function locate(chunkText: string, quote: string): Located[] {
  const exact = occurrences(chunkText, quote);
  if (exact.length > 0) return exact.map(([start, end]) => ({ start, end, alignment: "exact" }));
  const folded = foldText(chunkText);
  const foldedQuote = foldText(quote).text;
  if (foldedQuote === "") return [];
  return occurrences(folded.text, foldedQuote).map(([start, end]) => ({
    start: folded.origins[start] ?? 0,
    end: (folded.origins[end - 1] ?? 0) + 1,
    alignment: "normalised",
  }));
}

/**
 * The citation check, run on every candidate from every extractor: the quote must be found in the cited
 * chunk (exactly, or after folding whitespace, quote marks and case), inside the words of one speaker.
 * Accepted evidence carries document offsets and is attributed to that speaker; the rest is rejected with
 * a reason, never stored. Duplicates (same signal, same span) are kept once.
 *
 * @example verifyCandidates(chunk, [{ signalId: "seat_pressure", quote: "we ran out of seats", confidence: 0.9 }])
 */
export function verifyCandidates(
  chunk: ExtractionChunk,
  candidates: readonly CandidateEvidence[],
): { accepted: VerifiedEvidence[]; rejected: RejectedCandidate[] } {
  const accepted: VerifiedEvidence[] = [];
  const rejected: RejectedCandidate[] = [];
  const seen = new Set<string>();
  for (const candidate of candidates) {
    const quote = trimQuote(candidate.quote);
    const reject = (reason: RejectedCandidate["reason"]) =>
      rejected.push({ chunkKey: chunk.key, signalId: candidate.signalId, quote: candidate.quote, reason });
    if (!isSignalId(candidate.signalId)) {
      reject("unknown_signal");
      continue;
    }
    if (wordCount(quote) < MINIMUM_QUOTE_WORDS) {
      reject("too_short");
      continue;
    }
    const matches = locate(chunk.text, quote);
    if (matches.length === 0) {
      reject("quote_not_found");
      continue;
    }
    // Among several matches, the first one that lies inside a single speaker's words is the citation.
    let outcome: RejectedCandidate["reason"] = "outside_speech";
    let evidence: VerifiedEvidence | undefined;
    for (const match of matches) {
      const start = chunk.startOffset + match.start;
      const end = chunk.startOffset + match.end;
      const overlapping = chunk.segments.filter((segment) => segment.start < end && segment.end > start);
      const segment = overlapping.length === 1 ? overlapping[0] : undefined;
      if (overlapping.length > 1) outcome = "spans_speakers";
      if (segment === undefined || segment.start > start || segment.end < end) continue;
      // A quote from an earlier message quoted back, a header or a signature is nobody's statement here.
      const segmentFrom = Math.max(segment.start, chunk.startOffset) - chunk.startOffset;
      const segmentTo = Math.min(segment.end, chunk.startOffset + chunk.text.length) - chunk.startOffset;
      if (isInMailFurniture(chunk.text.slice(segmentFrom, segmentTo), match.start - segmentFrom, match.end - segmentFrom)) {
        outcome = "mail_furniture";
        continue;
      }
      evidence = {
        chunkKey: chunk.key,
        sourceRef: chunk.sourceRef,
        signalId: candidate.signalId,
        quote: chunk.text.slice(match.start, match.end),
        quoteStart: start,
        quoteEnd: end,
        alignment: match.alignment,
        speaker: segment.speaker,
        speakerRole: segment.speakerRole,
        confidence: Math.min(1, Math.max(0, candidate.confidence)),
        ...(segment.commentRef === undefined ? {} : { commentRef: segment.commentRef }),
        ...(segment.callOffsetSeconds === undefined ? {} : { callOffsetSeconds: segment.callOffsetSeconds }),
      };
      break;
    }
    if (evidence === undefined) {
      reject(outcome);
      continue;
    }
    const identity = `${evidence.signalId}:${evidence.quoteStart}:${evidence.quoteEnd}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    accepted.push(evidence);
  }
  return { accepted, rejected };
}
