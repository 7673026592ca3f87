/**
 * The parts of an e-mail that are nobody's statement about the account: the earlier message quoted back
 * (`> ...`), forwarding and reply headers, and signature lines (a name, a job title, a company). Ticket
 * comments exported from a help desk carry all three; read as sentences, a signature's capitalised
 * company name looks like another tool and a title like "Director of Finance" like an executive.
 */

const HEADER = /^(?:from|sent|to|cc|bcc|subject|date|reply-to)\s*:\s*\S/i;
const REPLY_HEADER = /^(?:on\s.{4,120}\bwrote:|-{2,}\s*(?:original message|forwarded message)\s*-{2,}|begin forwarded message:?)$/i;
const CONTACT = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\bhttps?:\/\/|\b(?:tel|phone|mobile|mob|t|m)\s*[:.]\s*\+?\d/i;
/** Words a title or a company name keeps in lower case. */
const SMALL_WORDS = new Set(["of", "and", "&", "the", "for", "at", "in", "on", "to", "a", "an", "|", "-", "–", "—", "/"]);
/** The most words a signature line has. */
const SIGNATURE_WORDS = 10;

/** True when a line of a message is quoted text, a header or a signature line, never evidence. */
export function isMailBoilerplate(sentence: string): boolean {
  const line = sentence.trim();
  if (line.startsWith(">")) return true;
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
