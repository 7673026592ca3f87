import { createHash } from "node:crypto";
import type { Segment } from "../ingest/canonical-document.js";
import type { VendorProfile } from "../ingest/vendor-profile.js";
import { SIGNAL_CUES, type SignalCue, type SignalCues } from "../taxonomy/signal-cues.js";
import { SIGNALS, type SignalId } from "../taxonomy/signals.js";
import type { CandidateEvidence, ChunkExtraction, ExtractionChunk, Extractor } from "./extractor.js";
import { namedToolCandidate, NAMED_TOOL_PATTERNS, ownNamesOf, ownNamesOfProducts } from "./named-tools.js";
import { INSTRUCTION_CONTEXT_PATTERNS, isInstructionToAnalyzer } from "./detect-instructions.js";
import { isMailBoilerplate, mailFurnitureSpans } from "./mail-boilerplate.js";
import { SentenceClassifier } from "./sentence-classifier.js";
import { sentenceSpansOf } from "./split-sentences.js";
import { MINIMUM_QUOTE_WORDS } from "./verify-citations.js";
import {
  foldSentence,
  isDismissal,
  isHypothetical,
  assertedPart,
  isNegatedBefore,
  isPitch,
  isQuestion,
  isQuestionToListener,
  isResolvedPast,
  SPEECH_CONTEXT_PATTERNS,
} from "./speech-context.js";

/** Bumped when the matching logic (not the patterns) changes, so cached results are not reused. */
const MATCHER_VERSION = 5;
const DEFAULT_WEIGHT = 0.7;
/** The widest `nearby` window any signal may ask for, in sentences either side. */
const NEARBY_REACH = Math.max(0, ...Object.values(SIGNAL_CUES as Record<string, SignalCues>).map((entry) => entry.nearby?.sentences ?? 0));

const RISK_SIGNALS: ReadonlySet<SignalId> = new Set(SIGNALS.filter((signal) => signal.category === "risk").map((signal) => signal.id));

/** Signals that are asked as questions ("how do other clinics...?"): the only ones a question can show. */
const QUESTION_SIGNALS: ReadonlySet<SignalId> = new Set(
  (Object.entries(SIGNAL_CUES) as Array<[SignalId, SignalCues]>).filter(([, entry]) => entry.cues.some((cue) => cue.inQuestions === true)).map(([id]) => id),
);

/** Verbs a chat message opens on when its writer left out "I". */
const SUBJECTLESS_START = /^(?:(?:also|just|already)\s+)?(?:trained|training|doing|did|ran|running|set up|setting up|sent|sending|pushed|pushing|showed|showing|booked|booking|loaded|loading|built|building|added|adding|walked|walking|rolled out|rolling out|presented|presenting|scheduled|scheduling|organised|organized|organising|organizing|hosted|hosting|ran through|went through|took|taking)\b/;

/** Signals a speaker takes back when the next sentence shrugs it off ("it's fine, honestly"). */
const DISMISSIBLE: ReadonlySet<SignalId> = new Set(["tier_workaround", "adoption_friction", "premium_feature_affinity"]);

/** A content hash of every cue and every context pattern: the offline extractor's "prompt hash". */
export function offlineCueHash(ownNames: readonly string[] = [], classifier?: unknown): string {
  const serialise = (pattern: RegExp) => `${pattern.source}/${pattern.flags}`;
  const cues = Object.entries(SIGNAL_CUES as Record<string, SignalCues>).map(([id, entry]) => [
    id,
    entry.cues.map((cue) => [
      serialise(cue.pattern),
      cue.weight ?? DEFAULT_WEIGHT,
      cue.carriesNegation === true,
      cue.inQuestions === true,
      cue.conditional === true,
      cue.needsNearby === undefined ? null : serialise(cue.needsNearby),
      cue.needsEarlier === undefined ? null : serialise(cue.needsEarlier),
    ]),
    (entry.exclusions ?? []).map(serialise),
    entry.nearby === undefined ? null : [entry.nearby.sentences, entry.nearby.becomes ?? null, entry.nearby.patterns.map(serialise)],
  ]);
  return createHash("sha256")
    .update(
      JSON.stringify({
        version: MATCHER_VERSION,
        cues,
        context: [...SPEECH_CONTEXT_PATTERNS, ...INSTRUCTION_CONTEXT_PATTERNS, ...NAMED_TOOL_PATTERNS].map(serialise),
        ownNames,
        classifier: classifier ?? null,
      }),
    )
    .digest("hex")
    .slice(0, 16);
}

/** One sentence of one speaker inside a chunk, or of a turn around it. */
interface SpokenSentence {
  readonly text: string;
  readonly speakerRole: Segment["speakerRole"];
  readonly speaker: string;
  /** False for the sentences of the turns around the chunk: read for context, never quoted. */
  readonly inChunk: boolean;
}

function sentencesOf(chunk: ExtractionChunk): SpokenSentence[] {
  const sentences: SpokenSentence[] = [];
  const add = (text: string, speaker: string, speakerRole: Segment["speakerRole"], inChunk: boolean) => {
    const furniture = mailFurnitureSpans(text);
    for (const [from, to] of sentenceSpansOf(text)) {
      // Headers, signatures and the thread quoted back are read by nobody, not even as context.
      if (furniture.some(([start, end]) => start <= from && to <= end)) continue;
      sentences.push({ text: text.slice(from, to), speaker, speakerRole, inChunk });
    }
  };
  for (const turn of chunk.context ?? []) if (turn.position === "before") add(turn.text, turn.speaker, turn.speakerRole, false);
  for (const segment of chunk.segments) {
    const start = Math.max(segment.start, chunk.startOffset) - chunk.startOffset;
    const end = Math.min(segment.end, chunk.startOffset + chunk.text.length) - chunk.startOffset;
    if (end > start) add(chunk.text.slice(start, end), segment.speaker, segment.speakerRole, true);
  }
  for (const turn of chunk.context ?? []) if (turn.position === "after") add(turn.text, turn.speaker, turn.speakerRole, false);
  return sentences;
}

/** The strongest cue of `cues` that matches the sentence in a way that counts, if any. */
function matchingCue(folded: string, entry: SignalCues, question: boolean, asserted: string | undefined, nearby: readonly NearbySentence[]): SignalCue | undefined {
  if ((entry.exclusions ?? []).some((pattern) => pattern.test(folded))) return undefined;
  let best: SignalCue | undefined;
  for (const cue of entry.cues) {
    if (question && cue.inQuestions !== true) continue;
    // In a sentence that imagines something, a cue counts only in the clause said as fact before it,
    // unless the cue is itself a conditional ask.
    const read = cue.conditional === true ? folded : asserted;
    if (read === undefined) continue;
    const match = cue.pattern.exec(read);
    if (match === null) continue;
    if (cue.carriesNegation !== true && isNegatedBefore(folded, match.index)) continue;
    const needed = cue.needsNearby;
    if (needed !== undefined && !nearby.some((other) => other.distance <= 3 && needed.test(other.folded))) continue;
    const earlier = cue.needsEarlier;
    if (earlier !== undefined && !nearby.some((other) => other.sameSpeaker === true && other.after !== true && other.distance <= 2 && earlier.test(other.folded))) continue;
    if (best === undefined || (cue.weight ?? DEFAULT_WEIGHT) > (best.weight ?? DEFAULT_WEIGHT)) best = cue;
  }
  return best;
}

/** Another sentence of the same chunk or a turn around it, folded, and how many sentences away it is. */
export interface NearbySentence {
  readonly folded: string;
  readonly distance: number;
  /** True when the same person said it. */
  readonly sameSpeaker?: boolean;
  /** True when it comes after this sentence. */
  readonly after?: boolean;
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

/** What the sentence reader knows besides the sentence: the vendor's own names, for telling tools apart. */
export interface SentenceReading {
  readonly ownNames?: ReadonlySet<string>;
  /** A trained sentence classifier, asked for the signals no cue found. */
  readonly classifier?: SentenceClassifier;
  /** True to ask the classifier about vendor (and unknown) speech too; it learnt from customers' sentences. */
  readonly classifyEveryone?: boolean;
  /** False to read with the classifier alone (cross-validation measures it so). */
  readonly cues?: boolean;
  /**
   * How the classifier adds to the cues: `unfound` asks it for every signal no cue found in the sentence;
   * `uncued` only for sentences where no cue found anything; `best` like `uncued`, its likeliest signal only.
   */
  readonly combine?: ClassifierCombination;
}

export type ClassifierCombination = "unfound" | "uncued" | "best";

/** Chosen by cross-validation on the tune split (`npm run bench:cv`): fewer false hits, the same recall. */
export const DEFAULT_CLASSIFIER_COMBINATION: ClassifierCombination = "uncued";

/**
 * Candidates in one sentence. Vendor speech is read like anyone's (it is stored with the vendor role and
 * never counts as pull), but a pitch or a question put to the listener is nobody's evidence, and a
 * speaker of unknown role gets the same treatment. Hypotheticals never count, a risk reported as resolved
 * is not an open risk, and a sentence that speaks to the analyzer is quarantined, never evidence.
 * `nearby` holds the folded sentences around this one (any speaker, neighbouring turns included), for the
 * signals whose meaning depends on them.
 */
export function sentenceCandidates(
  sentence: Pick<SpokenSentence, "text" | "speakerRole"> & { readonly before?: string },
  nearby: readonly NearbySentence[] = [],
  reading: SentenceReading = {},
): CandidateEvidence[] {
  if (isInstructionToAnalyzer(sentence.text) || isMailBoilerplate(sentence.text)) return [];
  // Chat drops the subject ("trained the night crew at 9", "doing the field engineers next wk"): read a
  // customer's sentence that opens on such a verb as said by "I".
  const spoken = foldSentence(sentence.text);
  const folded = sentence.speakerRole === "customer" && SUBJECTLESS_START.test(spoken) ? `i ${spoken}` : spoken;
  if (sentence.speakerRole !== "customer" && (isPitch(folded) || isQuestionToListener(folded))) return [];
  const hypothetical = isHypothetical(folded);
  const asserted = assertedPart(folded);
  const question = isQuestion(folded);
  const resolved = isResolvedPast(folded);
  const shrugged = nearby.some((other) => other.sameSpeaker === true && other.after === true && other.distance <= 2 && isDismissal(other.folded));
  const candidates: CandidateEvidence[] = [];
  const considered = new Set<SignalId>();
  // A signal whose meaning the sentences around it change (`nearby`) is changed the same way however it
  // was found, by a cue or by the classifier.
  const place = (signalId: SignalId, confidence: number) => {
    considered.add(signalId);
    const entry: SignalCues = SIGNAL_CUES[signalId];
    if (entry.nearby !== undefined && nearbySays(entry, nearby)) {
      if (entry.nearby.becomes !== undefined) candidates.push({ signalId: entry.nearby.becomes, quote: sentence.text, confidence });
      return;
    }
    candidates.push({ signalId, quote: sentence.text, confidence });
  };
  for (const [signalId, entry] of Object.entries(SIGNAL_CUES) as Array<[SignalId, SignalCues]>) {
    if (reading.cues === false) break;
    if (resolved && RISK_SIGNALS.has(signalId)) continue;
    if (shrugged && DISMISSIBLE.has(signalId)) continue;
    const cue = matchingCue(folded, entry, question, asserted, nearby);
    if (cue !== undefined) place(signalId, cue.weight ?? DEFAULT_WEIGHT);
  }
  // A sentence too short to cite ("Yes, totally.") is never evidence, and one of three words ("Pumpkin
  // loaf season.") gives the classifier too little to read: it is asked from four words up.
  const citable = sentence.text.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word)).length >= Math.max(MINIMUM_QUOTE_WORDS, 4);
  if (reading.classifier !== undefined && citable && !hypothetical && (sentence.speakerRole === "customer" || reading.classifyEveryone === true)) {
    const context = { ...(sentence.before === undefined ? {} : { before: sentence.before }), ...(reading.ownNames === undefined ? {} : { ownNames: reading.ownNames }) };
    const combine = reading.combine ?? DEFAULT_CLASSIFIER_COMBINATION;
    const found = combine === "unfound" || considered.size === 0 ? reading.classifier.classify(sentence.text, context) : [];
    for (const { signalId, probability } of combine === "best" ? found.slice(0, 1) : found) {
      if (considered.has(signalId) || candidates.some((candidate) => candidate.signalId === signalId)) continue;
      if (resolved && RISK_SIGNALS.has(signalId)) continue;
      if (shrugged && DISMISSIBLE.has(signalId)) continue;
      if (question && !QUESTION_SIGNALS.has(signalId)) continue;
      place(signalId, Number(probability.toFixed(3)));
    }
  }
  const assertedSpoken = folded === spoken ? asserted : assertedPart(spoken);
  if (assertedSpoken !== undefined && !question && !candidates.some((candidate) => candidate.signalId === "adjacent_tool")) {
    // The brand is read in the clause said as fact (the same length as the folded one).
    const plain = sentence.text.replace(/\s+/g, " ").trim();
    const named = namedToolCandidate(plain.slice(0, assertedSpoken.length), assertedSpoken, reading.ownNames ?? new Set());
    if (named !== undefined) candidates.push({ ...named, quote: sentence.text });
  }
  // A sentence is one signal at most once, however it got there.
  return candidates.filter((candidate, index) => candidates.findIndex((other) => other.signalId === candidate.signalId) === index);
}

/** The chunk's sentences with, for each, the folded sentences up to `NEARBY_REACH` either side. */
function candidatesOf(chunk: ExtractionChunk, reading: SentenceReading): CandidateEvidence[] {
  const sentences = sentencesOf(chunk);
  const folded = sentences.map((sentence) => foldSentence(sentence.text));
  // A call nobody from the vendor is on is the customer's own meeting, moving through agenda items that
  // each have their numbers: there a result counts only when the words around it credit the product.
  const internal = chunk.kind === "call" && !chunk.segments.some((segment) => segment.speakerRole === "vendor") && !(chunk.context ?? []).some((turn) => turn.speakerRole === "vendor");
  return sentences.flatMap((sentence, index) => {
    if (!sentence.inChunk) return [];
    const nearby = folded.flatMap((text, other) => {
      const distance = Math.abs(other - index);
      if (distance === 0 || distance > Math.max(NEARBY_REACH, 2)) return [];
      return [{ folded: text, distance, sameSpeaker: sentences[other]?.speaker === sentence.speaker, after: other > index }];
    });
    const before = sentences[index - 1]?.text;
    const found = sentenceCandidates(before === undefined ? sentence : { ...sentence, before }, nearby, reading);
    if (!internal) return found;
    return found.filter((candidate) => candidate.signalId !== "measurable_outcome" || creditsTheProduct(folded[index] ?? "", nearby, reading.ownNames));
  });
}

/**
 * Words that tie a result to the product: its own names, the product by what it is, or the change it
 * brought ("since we went live").
 */
const PRODUCT_CREDIT = /\b(?:the (?:new )?(?:system|app|tool|platform|software|dashboards?|portal|kiosks?|screens?|module|product)|since (?:we|going live|go-live|the (?:rollout|switch|launch|change|move))|went live|go-live|rolled (?:it )?out|rollout|switched|with it|thanks to it|because of it)\b/;

/** The text's words between single spaces, so a name is found whole (" quarry works "), never inside a word. */
function spacedWords(text: string): string {
  return ` ${text.replace(/[^\p{L}\p{N}'-]+/gu, " ").trim()} `;
}

/** True when the sentence, or one next to it, credits the product with the result. */
function creditsTheProduct(folded: string, nearby: readonly NearbySentence[], ownNames: ReadonlySet<string> = new Set()): boolean {
  const names = [...ownNames].filter((name) => name.length >= 4).map((name) => spacedWords(name));
  const credits = (text: string) => PRODUCT_CREDIT.test(text) || names.some((name) => spacedWords(text).includes(name));
  return credits(folded) || nearby.some((other) => other.distance <= 1 && credits(other.folded));
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
  readonly promptHash: string;
  private readonly reading: SentenceReading;

  /**
   * `vendor`: the vendor profile, whose product, tier and add-on names are never "another tool".
   * `classifier`: the trained sentence classifier (the shipped weights by default; `false` for cues only).
   */
  constructor(
    options: {
      readonly vendor?: VendorProfile | undefined;
      readonly classifier?: SentenceClassifier | false;
      readonly classifyEveryone?: boolean;
      readonly cues?: boolean;
      readonly combine?: ClassifierCombination;
    } = {},
  ) {
    const ownNames = options.vendor === undefined ? [] : ownNamesOf(options.vendor);
    const classifier = options.classifier === false ? undefined : (options.classifier ?? SentenceClassifier.shipped());
    this.reading = { ownNames: new Set(ownNames), ...(classifier === undefined ? {} : { classifier }), ...(options.classifyEveryone === true ? { classifyEveryone: true } : {}), ...(options.cues === false ? { cues: false } : {}), ...(options.combine === undefined ? {} : { combine: options.combine }) };
    this.promptHash = offlineCueHash(ownNames, classifier === undefined ? undefined : { weights: classifier.data, everyone: options.classifyEveryone === true, cues: options.cues !== false, combine: options.combine ?? DEFAULT_CLASSIFIER_COMBINATION });
  }

  async extract(chunks: readonly ExtractionChunk[]): Promise<ChunkExtraction[]> {
    return chunks.map((chunk) => ({
      key: chunk.key,
      candidates: candidatesOf(chunk, this.readingFor(chunk)),
      cached: false,
    }));
  }

  /** The vendor names given at construction plus those on record for the chunk's account. */
  private readingFor(chunk: ExtractionChunk): SentenceReading {
    const names = chunk.account?.productNames ?? [];
    if (names.length === 0) return this.reading;
    return { ...this.reading, ownNames: new Set([...(this.reading.ownNames ?? []), ...ownNamesOfProducts(names)]) };
  }
}
