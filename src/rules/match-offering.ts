import type { Account } from "../ingest/account-schema.js";
import type { VendorProfile } from "../ingest/vendor-profile.js";
import { signalById } from "../taxonomy/signals.js";
import type { EvidenceFact, OfferingMatch } from "./readiness-contract.js";

// Words that say nothing about a capability; dropped before matching.
const FILLER = new Set(["a", "an", "and", "the", "of", "to", "up", "for", "per", "with", "in", "on", "vs", "or", "by"]);

/** A crude, predictable stem: enough to match "forecasting" with "forecast" and "sources" with "source". */
export function stem(word: string): string {
  let stemmed = word.toLowerCase();
  if (stemmed.length > 4 && stemmed.endsWith("s") && !stemmed.endsWith("ss")) stemmed = stemmed.slice(0, -1);
  if (stemmed.length > 5 && stemmed.endsWith("ing")) stemmed = stemmed.slice(0, -3);
  else if (stemmed.length > 4 && stemmed.endsWith("ed")) stemmed = stemmed.slice(0, -2);
  if (stemmed.length > 4 && stemmed.endsWith("e")) stemmed = stemmed.slice(0, -1);
  return stemmed;
}

function stems(text: string): string[] {
  return (text.toLowerCase().match(/[a-z]+/g) ?? []).filter((word) => !FILLER.has(word)).map(stem);
}

interface Candidate {
  readonly kind: "tier" | "add_on";
  readonly id: string;
  readonly name: string;
  readonly score: number;
  readonly matched: string[];
}

/**
 * Which tier or add-on a quote asks for, from the vendor profile: a capability matches when all its words
 * (two or more) appear in the quote as a phrase; an add-on also matches by its full name ("Lumen Forecast")
 * or its own name written as a name ("Forecast", capitalised), a tier
 * only by name followed by "tier" or "plan" (tier names like "Team" are everyday words). The best-scoring
 * offering wins; a tie or no match gives undefined, and the rules then count both expansion types.
 *
 * @example matchOffering("Can Lumen do the forecasting piece itself?", profile, account)?.relation // "add_on"
 */
export function matchOffering(quote: string, profile: VendorProfile, account: Account): OfferingMatch | undefined {
  const quoteStems = stems(quote);
  const lowerQuote = quote.toLowerCase();
  const productWords = new Set(profile.product.toLowerCase().split(/\s+/));
  const candidates: Candidate[] = [];
  const consider = (kind: "tier" | "add_on", offering: VendorProfile["tiers"][number]) => {
    const matched = offering.capabilities.filter((capability) => {
      const words = stems(capability);
      // One-word capabilities ("dashboards") are everyday words: matching them would call every quote a
      // current-plan ask. Two words or more ("scenario planning", "row-level security"), said together as
      // a phrase, say what is meant; the same words scattered over a sentence do not.
      return words.length >= 2 && containsPhrase(quoteStems, words);
    });
    const shortName = offering.name
      .split(/\s+/)
      .filter((word) => !productWords.has(word.toLowerCase()))
      .join(" ");
    // An add-on by its full name ("Lumen Forecast"), by its own name written as a name ("Forecast",
    // capitalised), or by a form of that name when the name is a long, specific word ("forecasting"):
    // a short everyday word in lower case ("the boring part") is not the "Parts" add-on.
    const shortStems = stems(shortName);
    const named =
      kind === "add_on"
        ? new RegExp(`\\b${escapeRegExp(offering.name)}\\b`, "i").test(quote) ||
          (shortName !== "" && new RegExp(`(?:^|[^\\p{L}])${escapeRegExp(shortName)}(?:s|es)?(?![\\p{L}])`, "u").test(quote)) ||
          (shortStems.length === 1 && (shortStems[0]?.length ?? 0) >= 6 && quoteStems.includes(shortStems[0] ?? ""))
        : new RegExp(`\\b${escapeRegExp(offering.name.toLowerCase())}\\s+(tier|plan)\\b`).test(lowerQuote);
    const score = matched.length + (named ? 2 : 0);
    if (score > 0) candidates.push({ kind, id: offering.id, name: offering.name, score, matched: named ? [offering.name, ...matched] : matched });
  };
  for (const tier of profile.tiers) consider("tier", tier);
  for (const addOn of profile.add_ons) consider("add_on", addOn);
  const best = Math.max(0, ...candidates.map((candidate) => candidate.score));
  const top = candidates.filter((candidate) => candidate.score === best);
  const winner = top[0];
  if (winner === undefined || top.length > 1) return undefined;
  return { kind: winner.kind, id: winner.id, name: winner.name, relation: relationOf(winner, profile, account), matched: winner.matched };
}

function relationOf(candidate: Candidate, profile: VendorProfile, account: Account): OfferingMatch["relation"] {
  if (candidate.kind === "add_on") return account.add_ons.includes(candidate.id) ? "owned_add_on" : "add_on";
  const wanted = profile.tiers.findIndex((tier) => tier.id === candidate.id);
  const current = profile.tiers.findIndex((tier) => tier.id === account.tier);
  // An account on a tier the profile does not list cannot be compared: treat the ask as an upgrade.
  return current !== -1 && wanted <= current ? "current_plan" : "higher_tier";
}

/** True when `phrase` occurs in `words` as consecutive words. */
function containsPhrase(words: readonly string[], phrase: readonly string[]): boolean {
  for (let start = 0; start + phrase.length <= words.length; start += 1) {
    if (phrase.every((word, offset) => words[start + offset] === word)) return true;
  }
  return false;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Labels the evidence whose signal can point to a tier or an add-on (tier_workaround, higher_tier_interest)
 * with the offering its quote names. A quote that names none ("we upload it into the other tool by hand")
 * takes the offering the customer names elsewhere in the same document ("can Lumen do the forecasting
 * itself?"), when exactly one is named there: a workaround told in the same ticket or call as an ask is
 * about what was asked for. Runs before the rules, so the rules never read quote text.
 */
export function labelOfferings<Fact extends EvidenceFact>(evidence: readonly Fact[], profile: VendorProfile | undefined, account: Account): Fact[] {
  if (profile === undefined) return [...evidence];
  const named = new Map<string, { offering: OfferingMatch; factId: string }[]>();
  for (const fact of evidence) {
    if (fact.speakerRole !== "customer") continue;
    const offering = matchOffering(fact.quote, profile, account);
    if (offering === undefined) continue;
    named.set(fact.sourceRef, [...(named.get(fact.sourceRef) ?? []), { offering, factId: fact.id }]);
  }
  return evidence.map((fact) => {
    if (signalById(fact.signalId).expansionTypes.length < 2) return fact;
    const offering = matchOffering(fact.quote, profile, account);
    if (offering !== undefined) return { ...fact, offering };
    const inDocument = named.get(fact.sourceRef) ?? [];
    const [first] = inDocument;
    if (first === undefined || fact.speakerRole !== "customer" || new Set(inDocument.map((item) => `${item.offering.kind}:${item.offering.id}`)).size > 1) return fact;
    return { ...fact, offering: { ...first.offering, inferredFrom: first.factId } };
  });
}
