import { createHash } from "node:crypto";
import { sentenceSpans } from "../index/chunk-document.js";
import type { Segment } from "../ingest/canonical-document.js";
import { SIGNAL_CUES, type SignalCue, type SignalCues } from "../taxonomy/signal-cues.js";
import { SIGNALS, type SignalId } from "../taxonomy/signals.js";
import type { CandidateEvidence, ChunkExtraction, ExtractionChunk, Extractor } from "./extractor.js";
import {
  foldSentence,
  isHypothetical,
  isNegatedBefore,
  isPitch,
  isQuestion,
  isQuestionToListener,
  isResolvedPast,
  SPEECH_CONTEXT_PATTERNS,
} from "./speech-context.js";

/** Bumped when the matching logic (not the patterns) changes, so cached results are not reused. */
const MATCHER_VERSION = 2;
const DEFAULT_WEIGHT = 0.7;
/** The widest `nearby` window any signal may ask for, in sentences either side. */
const NEARBY_REACH = Math.max(0, ...Object.values(SIGNAL_CUES as Record<string, SignalCues>).map((entry) => entry.nearby?.sentences ?? 0));

const RISK_SIGNALS: ReadonlySet<SignalId> = new Set(SIGNALS.filter((signal) => signal.category === "risk").map((signal) => signal.id));

/** A content hash of every cue and every context pattern: the offline extractor's "prompt hash". */
export function offlineCueHash(): string {
  const serialise = (pattern: RegExp) => `${pattern.source}/${pattern.flags}`;
  const cues = Object.entries(SIGNAL_CUES as Record<string, SignalCues>).map(([id, entry]) => [
    id,
    entry.cues.map((cue) => [serialise(cue.pattern), cue.weight ?? DEFAULT_WEIGHT, cue.carriesNegation === true, cue.inQuestions === true, cue.conditional === true]),
    (entry.exclusions ?? []).map(serialise),
    entry.nearby === undefined ? null : [entry.nearby.sentences, entry.nearby.becomes ?? null, entry.nearby.patterns.map(serialise)],
  ]);
  return createHash("sha256")
    .update(JSON.stringify({ version: MATCHER_VERSION, cues, context: SPEECH_CONTEXT_PATTERNS.map(serialise) }))
    .digest("hex")
    .slice(0, 16);
}

/** One sentence of one speaker inside a chunk, in chunk offsets. */
interface SpokenSentence {
  readonly text: string;
  readonly speakerRole: Segment["speakerRole"];
}

function sentencesOf(chunk: ExtractionChunk): SpokenSentence[] {
  const sentences: SpokenSentence[] = [];
  for (const segment of chunk.segments) {
    const start = Math.max(segment.start, chunk.startOffset) - chunk.startOffset;
    const end = Math.min(segment.end, chunk.startOffset + chunk.text.length) - chunk.startOffset;
    if (end <= start) continue;
    for (const [from, to] of sentenceSpans(chunk.text, start, end)) {
      const text = chunk.text.slice(from, to).trim();
      if (text !== "") sentences.push({ text, speakerRole: segment.speakerRole });
    }
  }
  return sentences;
}

/** The strongest cue of `cues` that matches the sentence in a way that counts, if any. */
function matchingCue(folded: string, entry: SignalCues, question: boolean, hypothetical: boolean): SignalCue | undefined {
  if ((entry.exclusions ?? []).some((pattern) => pattern.test(folded))) return undefined;
  let best: SignalCue | undefined;
  for (const cue of entry.cues) {
    if (question && cue.inQuestions !== true) continue;
    if (hypothetical && cue.conditional !== true) continue;
    const match = cue.pattern.exec(folded);
    if (match === null) continue;
    if (cue.carriesNegation !== true && isNegatedBefore(folded, match.index)) continue;
    if (best === undefined || (cue.weight ?? DEFAULT_WEIGHT) > (best.weight ?? DEFAULT_WEIGHT)) best = cue;
  }
  return best;
}

/** Another sentence of the same chunk, folded, and how many sentences away it is. */
export interface NearbySentence {
  readonly folded: string;
  readonly distance: number;
}

/** True when a sentence near this one says, without negating it, what the signal's `nearby` rule looks for. */
function nearbySays(entry: SignalCues, nearby: readonly NearbySentence[]): boolean {
  const { patterns = [], sentences: reach = 0 } = entry.nearby ?? {};
  return nearby.some(({ folded, distance }) =>
    distance <= reach &&
    patterns.some((pattern) => {
      const match = pattern.exec(folded);
      return match !== null && !isNegatedBefore(folded, match.index);
    }),
  );
}

/**
 * Candidates in one sentence. Vendor speech is never a signal (seed 001: pull, not push); a speaker of
 * unknown role is read, but their pitches and questions about the listener are not. Hypotheticals never
 * count, and a risk reported as resolved is not an open risk. `nearby` holds the folded sentences around
 * this one (any speaker), for the signals whose meaning depends on them.
 */
export function sentenceCandidates(sentence: SpokenSentence, nearby: readonly NearbySentence[] = []): CandidateEvidence[] {
  if (sentence.speakerRole === "vendor") return [];
  const folded = foldSentence(sentence.text);
  if (sentence.speakerRole === "unknown" && (isPitch(folded) || isQuestionToListener(folded))) return [];
  const hypothetical = isHypothetical(folded);
  const question = isQuestion(folded);
  const resolved = isResolvedPast(folded);
  const candidates: CandidateEvidence[] = [];
  for (const [signalId, entry] of Object.entries(SIGNAL_CUES) as Array<[SignalId, SignalCues]>) {
    if (resolved && RISK_SIGNALS.has(signalId)) continue;
    const cue = matchingCue(folded, entry, question, hypothetical);
    if (cue === undefined) continue;
    const confidence = cue.weight ?? DEFAULT_WEIGHT;
    if (entry.nearby !== undefined && nearbySays(entry, nearby)) {
      if (entry.nearby.becomes !== undefined) candidates.push({ signalId: entry.nearby.becomes, quote: sentence.text, confidence });
      continue;
    }
    candidates.push({ signalId, quote: sentence.text, confidence });
  }
  // A sentence is one signal at most once, however it got there.
  return candidates.filter((candidate, index) => candidates.findIndex((other) => other.signalId === candidate.signalId) === index);
}

/** The sentences of a chunk with, for each, the folded sentences up to `NEARBY_REACH` either side. */
function candidatesOf(chunk: ExtractionChunk): CandidateEvidence[] {
  const sentences = sentencesOf(chunk);
  const folded = sentences.map((sentence) => foldSentence(sentence.text));
  return sentences.flatMap((sentence, index) => {
    const nearby = folded.flatMap((text, other) => {
      const distance = Math.abs(other - index);
      return distance === 0 || distance > NEARBY_REACH ? [] : [{ folded: text, distance }];
    });
    return sentenceCandidates(sentence, nearby);
  });
}

/**
 * The offline extractor: deterministic cue patterns per signal (`taxonomy/signal-cues.ts`), sentence
 * by sentence within one speaker's words, so every quote is the speaker's own sentence, verbatim. No
 * network, no key: the eval baseline, and what the demo and CI run.
 *
 * @example const [result] = await new OfflineExtractor().extract([chunk]); result?.candidates
 */
export class OfflineExtractor implements Extractor {
  readonly provider = "offline";
  readonly modelId = "cue-patterns";
  readonly promptHash = offlineCueHash();

  async extract(chunks: readonly ExtractionChunk[]): Promise<ChunkExtraction[]> {
    return chunks.map((chunk) => ({
      key: chunk.key,
      candidates: candidatesOf(chunk),
      cached: false,
    }));
  }
}
