/**
 * Sentences by Unicode's rules (`Intl.Segmenter`, built into Node), which keep decimals ("3.9"), e-mail
 * addresses and most initialisms whole, plus one repair it does not make: a break right after a common
 * abbreviation ("e.g.", "Dr.", "approx.") or after an initialism followed by a lower-case word ("the
 * U.S. team") is not the end of a sentence.
 */

const SEGMENTER = new Intl.Segmenter("en", { granularity: "sentence" });

/** Abbreviations after which a sentence never ends, whatever follows. */
const NEVER_ENDS = /(?:^|[\s(])(?:e\.g|i\.e|etc|vs|approx|incl|esp|cf|dept|mr|mrs|ms|dr|prof|st|no|fig|jr|sr|ca)\.$/i;
/** An initialism like "U.S." or "a.m.": ends a sentence only when a capitalised word follows. */
const INITIALISM = /(?:^|[\s(])(?:\p{L}\.){2,}$/u;

/**
 * `[start, end)` spans of the sentences in `text` between `start` and `end`, trimmed of surrounding
 * white space, in order.
 *
 * @example sentenceSpansOf("It went from 3.0 to 3.9. Nice.", 0, 30) // [[0, 24], [25, 30]]
 */
export function sentenceSpansOf(text: string, start = 0, end = text.length): Array<[number, number]> {
  const slice = text.slice(start, end);
  const pieces: Array<[number, number]> = [];
  for (const { segment, index } of SEGMENTER.segment(slice)) {
    for (const [pieceStart, pieceEnd] of splitBeforeNumbers(segment)) {
      const from = start + index + pieceStart;
      const to = start + index + pieceEnd;
      const previous = pieces.at(-1);
      if (previous !== undefined && continuesSentence(text.slice(previous[0], previous[1]), text.slice(from, to))) previous[1] = to;
      else pieces.push([from, to]);
    }
  }
  return pieces.flatMap(([from, to]) => {
    const piece = text.slice(from, to);
    const leading = piece.length - piece.trimStart().length;
    const trailing = piece.length - piece.trimEnd().length;
    return to - trailing > from + leading ? [[from + leading, to - trailing] as [number, number]] : [];
  });
}

/**
 * Unicode's rules never end a sentence before a number followed by lower-case words ("... seats. 94 of
 * our 100 are active"), which in speech is nearly always a new sentence: cut there too.
 */
function splitBeforeNumbers(segment: string): Array<[number, number]> {
  const cuts = [0];
  for (const match of segment.matchAll(/[.!?]["')\]]*\s+(?=\d)/g)) {
    const at = (match.index ?? 0) + match[0].length;
    if (!NEVER_ENDS.test(segment.slice(0, (match.index ?? 0) + 1))) cuts.push(at);
  }
  cuts.push(segment.length);
  return cuts.slice(1).map((end, index) => [cuts[index] ?? 0, end] as [number, number]).filter(([from, to]) => to > from);
}

function continuesSentence(previous: string, next: string): boolean {
  const ending = previous.trimEnd();
  // A line break is a real end, whatever came before it.
  if (/\n\s*$/.test(previous)) return false;
  if (NEVER_ENDS.test(ending)) return true;
  return INITIALISM.test(ending) && /^\s*[\p{Ll}\d]/u.test(next);
}
