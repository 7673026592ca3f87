/**
 * The parts of an e-mail that are nobody's statement about the account: the earlier message quoted back
 * (`> ...`), forwarding and reply headers, and signature lines (a name, a job title, a company). Ticket
 * comments exported from a help desk carry all three; read as sentences, a signature's capitalised
 * company name looks like another tool and a title like "Director of Finance" like an executive.
 *
 * A colleague's note the writer forwards on purpose is different: under a `From:` header, `>` lines are
 * the colleague's words, said on the customer's side, and count.
 */

const HEADER = /^(?:from|sent|to|cc|bcc|subject|date|reply-to)\s*:\s*\S/i;
const REPLY_HEADER = /^(?:on\s.{4,120}\bwrote:|-{2,}\s*(?:original message|forwarded message)\s*-{2,}|begin forwarded message:?)$/i;
const CONTACT = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\bhttps?:\/\/|\b(?:tel|phone|mobile|mob|t|m)\s*[:.]\s*\+?\d/i;
/** Words a title or a company name keeps in lower case. */
const SMALL_WORDS = new Set(["of", "and", "&", "the", "for", "at", "in", "on", "to", "a", "an", "|", "-", "–", "—", "/"]);
/** The most words a signature line has. */
const SIGNATURE_WORDS = 10;

/** True when a line of a message is a header or a signature line, never evidence. */
export function isMailBoilerplate(sentence: string): boolean {
  const line = sentence.trim().replace(/^(?:>\s*)+/, "");
  if (HEADER.test(line) || REPLY_HEADER.test(line)) return true;
  // A signature line is short, has no sentence ending and is all names: every word that counts is
  // capitalised (or it is a bar-separated or contact line).
  if (/[.?!:;]["')\]]*$/.test(line)) return false;
  const words = line.split(/[\s,()]+/u).filter((word) => word.length > 0);
  if (words.length === 0 || words.length > SIGNATURE_WORDS) return false;
  if (line.includes(" | ") || CONTACT.test(line)) return true;
  const counted = words.filter((word) => !SMALL_WORDS.has(word.toLowerCase()));
  return counted.length > 0 && counted.every((word) => /^[\p{Lu}\p{N}]/u.test(word));
}

const FORWARDED_HEADER = /^(?:>\s*)*(?:from|von|de)\s*:\s*\S/i;

/**
 * `[start, end)` offsets (in `text`) of every line that is mail furniture: headers, signature lines, and
 * lines quoted back from the thread (`>` lines that no forwarded `From:` header above them introduces).
 *
 * @example mailFurnitureSpans("Thanks!\n> We can add seats.") // [[8, 27]]
 */
export function mailFurnitureSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let forwarded = false;
  let offset = 0;
  for (const line of text.split("\n")) {
    const start = offset;
    offset += line.length + 1;
    if (FORWARDED_HEADER.test(line.trim())) forwarded = true;
    const quotedHistory = /^\s*>/.test(line) && !forwarded;
    if (line.trim().length > 0 && (quotedHistory || isMailBoilerplate(line))) spans.push([start, start + line.length]);
  }
  return spans;
}

/** True when every line that `[start, end)` of `text` touches is mail furniture. */
export function isInMailFurniture(text: string, start: number, end: number): boolean {
  const furniture = mailFurnitureSpans(text);
  let lineStart = text.lastIndexOf("\n", start - 1) + 1;
  while (lineStart < end) {
    const lineEnd = text.indexOf("\n", lineStart) === -1 ? text.length : text.indexOf("\n", lineStart);
    if (!furniture.some(([from, to]) => from === lineStart && to === lineEnd)) return false;
    lineStart = lineEnd + 1;
  }
  return true;
}
