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
const MATCHER_VERSION = 1;
const DEFAULT_WEIGHT = 0.7;

const RISK_SIGNALS: ReadonlySet<SignalId> = new Set(SIGNALS.filter((signal) => signal.category === "risk").map((signal) => signal.id));

/** A content hash of every cue and every context pattern: the offline extractor's "prompt hash". */
export function offlineCueHash(): string {
  const serialise = (pattern: RegExp) => `${pattern.source}/${pattern.flags}`;
  const cues = Object.entries(SIGNAL_CUES as Record<string, SignalCues>).map(([id, entry]) => [
    id,
    entry.cues.map((cue) => [serialise(cue.pattern), cue.weight ?? DEFAULT_WEIGHT, cue.carriesNegation === true, cue.inQuestions === true, cue.conditional === true]),
    (entry.exclusions ?? []).map(serialise),
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

/**
 * Candidates in one sentence. Vendor speech is never a signal (seed 001: pull, not push); a speaker of
 * unknown role is read, but their pitches and questions about the listener are not. Hypotheticals never
 * count, and a risk reported as resolved is not an open risk.
 */
export function sentenceCandidates(sentence: SpokenSentence): CandidateEvidence[] {
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
    if (cue !== undefined) candidates.push({ signalId, quote: sentence.text, confidence: cue.weight ?? DEFAULT_WEIGHT });
  }
  return candidates;
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
      candidates: sentencesOf(chunk).flatMap(sentenceCandidates),
      cached: false,
    }));
  }
}
