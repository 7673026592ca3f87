/**
 * What a sentence does besides naming a topic: negates it, imagines it, pitches it, or reports it as
 * fixed. The offline extractor asks these of every sentence before a cue may count, for every signal.
 * Patterns work on the folded sentence (lower case, straight apostrophes).
 */

const NEGATORS = /\bno\b(?!-)|\b(?:not|never|nobody|no one|nothing|none|neither|nor|without|hardly|barely)\b|n't\b|\bcannot\b/;

/** Where a clause starts: a cue is negated only by words in its own clause. */
const CLAUSE_BREAK = /[,;:()\u2014\u2013]|\s-\s|\b(?:but|although|though|however|whereas|while|because|since|so|and then)\b/g;

/**
 * True when the words before `cueStart`, in the same clause, negate it ("we don't need more seats",
 * "nobody outside ops has asked"). Looks back at most eight words.
 */
export function isNegatedBefore(sentence: string, cueStart: number): boolean {
  const before = sentence.slice(0, cueStart);
  let clauseStart = 0;
  for (const match of before.matchAll(CLAUSE_BREAK)) clauseStart = (match.index ?? 0) + match[0].length;
  const words = before.slice(clauseStart).trim().split(/\s+/).slice(-8).join(" ");
  return NEGATORS.test(words);
}

const HYPOTHETICALS: readonly RegExp[] = [
  /\bif\s+(?:\w+\s+){0,3}(?:ever|were|was to|someday|one day)\b/,
  /\b(?:maybe|perhaps)\b[^.?!]*\b(?:some ?day|one day|eventually|if|would|'d|might)\b/,
  /\bif\b[^.?!]*,\s*(?:we|they|i|he|she|it|you)(?:'d|\s+would|\s+might|\s+could|\s+may)\b/,
  /\b(?:we|they|i|he|she)(?:'d|\s+would|\s+might)\s+(?:\w+\s+){0,4}\w+[^.?!]*\bif\b/,
  /\bif (?:it|this|that) (?:works|goes well|pans out|takes off)\b/,
  /\b(?:hypothetically|in theory|in case|some ?day|down the road)\b/,
  /\b(?:let (?:you|me|us) know|tell (?:you|me|us)|shout) if\b/,
  // A worry about what would happen, told in the past ("I was worried it'd be a sales pitch"), is an
  // expectation that did not come true, unless the sentence says it did.
  /^(?!.*\b(?:and|which)\s+(?:it|this|that|they|you)\s+(?:was|were|did|is)\b).*\b(?:i|we)\s+(?:was|were|had been)\s+(?:\w+\s+){0,2}(?:worried|afraid|nervous|scared|concerned)\b[^.?!]*(?:\bwould\b|'d\b|\bwas going to\b|\bwere going to\b)/,
];

/** "If we ever doubled the team...", "maybe someday marketing would...": imagined, not present. */
export function isHypothetical(sentence: string): boolean {
  return HYPOTHETICALS.some((pattern) => pattern.test(sentence));
}

/** A break strong enough to end an asserted clause before an imagined one. */
const ASSERTION_BREAK = /[,;:\u2014\u2013]|\s-{1,2}\s/g;

/**
 * The part of a folded sentence said as fact, when only a later clause imagines something: "We already
 * pay for Yodeck for the screens, so, maybe, if it could replace that" asserts the first clause. The
 * whole sentence when nothing is imagined; undefined when the imagining starts the sentence or the part
 * before it is too short to stand alone.
 */
export function assertedPart(sentence: string): string | undefined {
  const starts = HYPOTHETICALS.map((pattern) => pattern.exec(sentence)?.index).filter((index): index is number => index !== undefined);
  if (starts.length === 0) return sentence;
  const imagined = Math.min(...starts);
  let cut = -1;
  for (const match of sentence.slice(0, imagined).matchAll(ASSERTION_BREAK)) cut = match.index ?? cut;
  if (cut <= 0) return undefined;
  // "..., so, perhaps, if": the connective that leads into the imagined clause belongs to it.
  const asserted = sentence.slice(0, cut).replace(/(?:[\s,;]+(?:so|and|but|or|then|because))+\s*$/u, "").trimEnd();
  if (asserted.split(/\s+/).length < 5 || isHypothetical(asserted)) return undefined;
  return asserted;
}

const PITCHES: readonly RegExp[] = [
  /\b(?:you could|you can always|you should|you might want|you may want|you'd want|you'll want|you'd love|you'd get)\b/,
  /\bhave you (?:looked at|considered|thought about|seen|tried)\b/,
  /\b(?:customers|companies|teams|clients|accounts|retailers|utilities)\s+(?:like you|like yours|your size|as \w+ as you)\b/,
  /\b(?:most|many|a lot of|lots of|plenty of)\s+(?:of\s+)?(?:our\s+)?(?:teams|customers|clients|accounts)\b/,
  /\b(?:we can offer|we could offer|special (?:price|pricing|offer)|sign before|i'd recommend you|feel free to forward)\b/,
];

/** Vendor-style speech: suggestions to the listener and benchmarks about other customers. */
export function isPitch(sentence: string): boolean {
  return PITCHES.some((pattern) => pattern.test(sentence));
}

/** A question put to the listener about their own situation ("your active users dipped, anything...?"). */
export function isQuestionToListener(sentence: string): boolean {
  return isQuestion(sentence) && /\b(?:you|your|yours)\b/.test(sentence);
}

export function isQuestion(sentence: string): boolean {
  return /\?\s*["')\]]*\s*$/.test(sentence) || /^(?:is there|are there|do you|does|can you|could you)\b/.test(sentence);
}

const RESOLVED: readonly RegExp[] = [
  /\b(?:is|was|got|been|are|were|now|all)\s+(?:\w+\s+)?(?:fixed|resolved|sorted(?: out)?|solved|cleared up)\b/,
  /\b(?:back to normal|back up|back on track|working (?:fine|again|well) (?:now|since)|all good now|went away|no (?:more )?(?:complaints|issues|problems|tickets) since)\b/,
  /\b(?:been|everyone's been|everybody's been|we've been|we're)\s+(?:live|fine|stable|running smoothly|working)\s+since\b/,
  /(?<!\b(?:thanks|thank you),?\s)\bbut\s+(?:now|since|these days|everyone|everybody|it's|they're|we're)\b[^.?!]{0,40}\b(?:live|fine|normal|fixed|working|back|good|sorted)\b/,
];

/** A problem reported as over ("the export bug from March is fixed"): not an open risk. */
export function isResolvedPast(sentence: string): boolean {
  return RESOLVED.some((pattern) => pattern.test(sentence));
}

const DISMISSALS: readonly RegExp[] = [
  /^(?:but\s+|and\s+|honestly,?\s+|really,?\s+)?(?:it's|it is|that's|that is|this is)\s+(?:fine|ok|okay|alright|all right|no (?:big )?(?:deal|bother|problem)|not a (?:big )?(?:deal|problem)|manageable|no hardship)\b/,
  /\b(?:doesn't|does not|don't|do not)\s+(?:really\s+)?(?:bother|trouble)\s+(?:us|me|anyone|them)\b/,
  /\b(?:we|i)(?:'re| are)\s+(?:honestly\s+|really\s+|perfectly\s+)?(?:fine|happy|ok|okay|comfortable)\s+(?:with|doing)\s+(?:it|that|this)\b/,
  /\b(?:works|worked)\s+(?:well enough|fine|for us)\b|\bno complaints\b|\bnot a problem(?: for us)?\b/,
];

/** A speaker shrugging off what they just described ("it's fine, honestly"): no pain behind it. */
export function isDismissal(sentence: string): boolean {
  return DISMISSALS.some((pattern) => pattern.test(sentence));
}

/** Lower case, straight quotes and apostrophes, single spaces: what every cue pattern is written against. */
export function foldSentence(sentence: string): string {
  return sentence
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/[\u2013\u2014]/g, "-")
    .replace(/\s+/g, " ")
    .toLowerCase();
}

/** Every pattern above, for the offline extractor's content hash. */
export const SPEECH_CONTEXT_PATTERNS: readonly RegExp[] = [NEGATORS, CLAUSE_BREAK, ...HYPOTHETICALS, ...PITCHES, ...RESOLVED, ...DISMISSALS];
