import type { Account } from "../ingest/account-schema.js";
import type { SignalId } from "../taxonomy/signals.js";
import type { EvidenceFact } from "./readiness-contract.js";

/** The signals that are about one person: the champion, or someone else. */
const PERSON_SIGNALS: ReadonlySet<SignalId> = new Set(["champion_engaged", "champion_departing"]);

const FIRST_PERSON = /\b(?:i|i'm|i've|i'll|i'd|me|my|myself)\b/i;
/** A person named as the subject of a sentence ("Tom is leaving", "Priya's moving to finance"). */
const NAMED_SUBJECT = /(?:^|[^.!?]\s)([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)(?:'s|\s(?:is|was|has|had|will|left|resigned|ran|set|booked|sent|trained|handed|moved|starts?|joined|retir\w*|goes|went))\b/g;
const NOT_A_NAME = new Set(["I", "It", "That", "This", "The", "She", "He", "They", "We", "There", "What", "Which", "Our", "And", "But", "So", "Honestly", "Everyone", "Nobody"]);

function nameWords(name: string): string[] {
  return name.split(/\s+/).filter((word) => word.length > 1);
}

function sameName(speaker: string | undefined, champion: string): boolean {
  if (speaker === undefined) return false;
  const spoken = speaker.toLowerCase().replace(/\s+/g, " ").trim();
  const known = champion.toLowerCase().replace(/\s+/g, " ").trim();
  return spoken === known || spoken.split(" ")[0] === known.split(" ")[0] && spoken.split(" ").at(-1) === known.split(" ").at(-1);
}

/** Who a champion_engaged or champion_departing quote is about: the champion on record, someone else, or unclear. */
export function personOf(fact: Pick<EvidenceFact, "quote" | "speaker" | "signalId">, champion: string): EvidenceFact["about"] {
  const championWords = nameWords(champion);
  const namesChampion = championWords.some((word) => new RegExp(`\\b${word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`).test(fact.quote));
  if (namesChampion) return "champion";
  const speakerIsChampion = sameName(fact.speaker, champion);
  // Engagement the champion shows is theirs, whoever they talk about ("they can be the pilot store").
  if (fact.signalId === "champion_engaged" && speakerIsChampion) return "champion";
  if (FIRST_PERSON.test(fact.quote) && !/\b(?:he|she|they|his|her|their)\b/i.test(fact.quote)) return speakerIsChampion ? "champion" : "someone_else";
  const namesOther = [...fact.quote.matchAll(NAMED_SUBJECT)].some((match) => match[1] !== undefined && !NOT_A_NAME.has(match[1].split(" ")[0] ?? ""));
  if (namesOther) return "someone_else";
  // The champion telling of a colleague ("she's leaving", "my deputy is off to a new job").
  if (speakerIsChampion) return "someone_else";
  return undefined;
}

/**
 * Labels the champion's evidence with who it is about (`about`), from the champion on record: a departure
 * or an engagement counts for the champion only when the champion says it of themselves, or the quote
 * names them. The champion saying a colleague is leaving is not the champion leaving; a colleague booking
 * a session is not the champion engaging. Runs before the rules, so the rules never read quote text; an
 * account with no champion on record is left as it is.
 *
 * @example labelPeople(facts, { ...account, champion: "Ines Baptiste" }).find((fact) => fact.id === "7")?.about // "someone_else"
 */
export function labelPeople<Fact extends EvidenceFact>(evidence: readonly Fact[], account: Account): Fact[] {
  const champion = account.champion;
  if (champion === undefined) return [...evidence];
  return evidence.map((fact) => {
    if (!PERSON_SIGNALS.has(fact.signalId)) return fact;
    const about = personOf(fact, champion);
    return about === undefined ? fact : { ...fact, about };
  });
}
