import type { VendorProfile } from "../ingest/vendor-profile.js";
import type { CandidateEvidence } from "./extractor.js";

/**
 * Another tool named by its brand: a capitalised name right after paying, using, licensing, switching,
 * renewing or running on ("we pay a fortune for Rostrum", "the parts side runs on Gearbox"). The vendor's
 * own product, tier and add-on names are not another tool, and neither are everyday capitalised words.
 */

/** Words that show money or work going to a tool, each followed (within a few words) by the name. */
const TOOL_VERBS = String.raw`(?:pay|pays|paying|paid|spend|spends|spending|spent|licen[cs]e|licen[cs]es|licen[cs]ed|licen[cs]ing|subscribe to|subscribed to|subscription to|renew|renews|renewed|renewing|renewal (?:of|for|with)|switch(?:ed|ing)? (?:over )?(?:to|from)|mov(?:e|ed|ing) (?:over )?(?:to|from)|migrat(?:e|ed|ing) (?:to|from)|use|uses|used|using|runs? on|running on|rely on|relies on|stuck with|contract with|signed with|bought|buy|(?:scheduled|tracked|kept|logged|managed|booked|planned|invoiced?|stored|recorded|done|run)\s+(?:in|on|through|via))`;
/** A brand: one to three capitalised words, camel case allowed ("RoomRota", "Shift Deck"). */
const BRAND = String.raw`[A-Z][A-Za-z0-9&+]*(?:[ -][A-Z][A-Za-z0-9&+]*){0,2}`;
const NAMED_TOOL = new RegExp(String.raw`\b${TOOL_VERBS}\s+(?:(?:a|an|the|our|their|its|some|for|on|with|to|from|fortune|lot|small|big|annual|yearly|monthly|separate|subscription|licen[cs]e|contract|still|also|all|of|it|money|good|through|already|old|new|other|external|separate|tool,?|system,?|app,?|program,?|platform,?|software,?|called|approx\.?|about|around|roughly|nearly|almost|over|per|month|year|week|seat|user|head|[£$€]?\d[\d,.]*k?)\s+){0,6}(${BRAND})\b`, "g");

/** Capitalised words that are not products: pronouns, days, months, places of work and common tools' generic names. */
const NOT_A_TOOL = new Set(
  [
    "i", "i'm", "i've", "we", "you", "they", "he", "she", "it", "our", "the", "a", "an", "this", "that", "these", "those", "my", "your",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "christmas", "easter", "q1", "q2", "q3", "q4", "fy", "ok", "okay", "thanks", "hr", "it", "ops", "ceo", "cfo", "coo", "csv", "pdf", "api", "sso", "uk", "us", "eu",
    "excel", "word", "outlook", "email", "gmail", "sheets", "google", "google sheets", "teams", "microsoft teams", "zoom", "whatsapp", "powerpoint", "pdfs",
  ].map((word) => word.toLowerCase()),
);

/** True for a capitalised word that is no product or person: a pronoun, a day, a month, a generic office tool. */
export function isEverydayCapitalised(word: string): boolean {
  return NOT_A_TOOL.has(word.toLowerCase());
}

/** The vendor's names, lower case: product, vendor, tiers and add-ons, whole and word by word. */
export function ownNamesOf(profile: VendorProfile): string[] {
  return ownNamesOfProducts([profile.product, profile.vendor, ...profile.tiers.map((tier) => tier.name), ...profile.add_ons.map((addOn) => addOn.name)]);
}

/** The same, from the names as written (an account's stored product names). */
export function ownNamesOfProducts(names: readonly string[]): string[] {
  const words = names.flatMap((name) => name.split(/\s+/));
  return [...new Set([...names, ...words].map((name) => name.toLowerCase()).filter((name) => name.length > 1))].sort();
}

/** True when the name is the vendor's own or an everyday capitalised word, whole or word by word. */
function isOwnOrCommon(name: string, ownNames: ReadonlySet<string>): boolean {
  const lower = name.toLowerCase();
  if (NOT_A_TOOL.has(lower) || ownNames.has(lower)) return true;
  return lower.split(/[ -]/).every((word) => NOT_A_TOOL.has(word) || ownNames.has(word));
}

/**
 * An adjacent_tool candidate when the sentence names another product by brand next to paying, using and
 * the like. The name must not start the sentence (where every word is capitalised) and must not be the
 * vendor's own.
 *
 * @example namedToolCandidate("We pay a fortune for Rostrum for the parts side.", "...", new Set(["halyard"]))?.signalId // "adjacent_tool"
 */
export function namedToolCandidate(sentence: string, folded: string, ownNames: ReadonlySet<string>): CandidateEvidence | undefined {
  // Praise of a tool the customer left, or a plain "no": not a tool in use.
  if (/\b(?:used to|no longer|stopped using|got rid of|dropped|cancel(?:led|ed))\b/.test(folded)) return undefined;
  for (const match of sentence.matchAll(NAMED_TOOL)) {
    const name = match[1];
    if (name === undefined) continue;
    if (isOwnOrCommon(name, ownNames)) continue;
    const after = sentence.slice((match.index ?? 0) + match[0].length);
    // "Dana's login" names a person's account, not a product.
    if (/^'s\b/.test(after)) continue;
    // "the Leeds office", "the Harbour team": a place or a team of the customer's, not a product.
    if (/^\s+(?:(?!(?:for|to|in|on|at|with|and|of|by|from)\b)[a-z-]+\s+){0,2}(?:office|offices|team|teams|site|sites|depot|branch|store|hotel|school|clinic|shift|crew|project|job|region|area|campus|plant|warehouse|people|staff|lot|kitchen|kitchens|ward|lab|shop|restaurant)\b/.test(after)) continue;
    return { signalId: "adjacent_tool", quote: sentence, confidence: 0.65 };
  }
  return undefined;
}

export const NAMED_TOOL_PATTERNS: readonly RegExp[] = [NAMED_TOOL];
