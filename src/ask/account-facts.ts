import { lastSpokenBy } from "../db/chunk-search-store.js";
import type { Queryable } from "../db/database.js";
import { activeEvidence, findAccount } from "../db/readiness-input-store.js";
import type { AccountFact } from "./answer-schema.js";

/** Where facts about an account's people and dates come from. */
export interface AccountFactsSource {
  factsFor(accountId: string, question: string): Promise<AccountFact[]>;
}

const PEOPLE_OR_TIME = /\b(who|whom|champion|buyer|sponsor|contact|engaged|spoke|speak|talked|last time|when|recent(ly)?|lately|date|since|renewal|signals?)\b/iu;
const PEOPLE_SIGNALS = new Set(["champion_engaged", "champion_departing", "executive_alignment", "internal_advocacy"]);

/** Whether a question asks about people or time, which account facts can answer in part. */
export function asksAboutPeopleOrTime(question: string): boolean {
  return PEOPLE_OR_TIME.test(question);
}

/**
 * Facts on record for questions about people and time: the champion and economic buyer from the accounts
 * file, the last time each of them spoke in a ticket or call, the renewal date, and the stored evidence
 * about people (engagement, departure, executive alignment, advocacy) by date.
 *
 * @example await accountFacts(database).factsFor("brightpath-logistics", "who is our champion?")
 */
export function accountFacts(database: Queryable): AccountFactsSource {
  return {
    async factsFor(accountId, question) {
      if (!asksAboutPeopleOrTime(question)) return [];
      const account = await findAccount(database, accountId);
      if (account === undefined) return [];
      const facts: AccountFact[] = [];
      for (const [label, person] of [["champion on record", account.champion], ["economic buyer on record", account.economic_buyer]] as const) {
        if (person === undefined || person === null || person === "") continue;
        facts.push({ label, value: person, source: "accounts file" });
        const last = await lastSpokenBy(database, accountId, person);
        facts.push(
          last === undefined
            ? { label: `last time ${person} spoke`, value: "never, in the indexed tickets and calls", source: "tickets and calls" }
            : { label: `last time ${person} spoke`, value: `${last.occurredAt ?? "undated"} (${last.kind} ${last.title ?? last.sourceRef})`, source: last.sourceRef },
        );
      }
      if (account.renewal_date !== undefined && account.renewal_date !== null) facts.push({ label: "renewal date", value: String(account.renewal_date), source: "accounts file" });
      const evidence = (await activeEvidence(database, accountId))
        .filter((row) => PEOPLE_SIGNALS.has(row.signalId) && row.speakerRole === "customer")
        .sort((a, b) => (b.document.occurredAt ?? "").localeCompare(a.document.occurredAt ?? ""))
        .slice(0, 5);
      for (const row of evidence) {
        facts.push({ label: `${row.signalId} (${row.document.occurredAt?.slice(0, 10) ?? "undated"})`, value: `${row.speaker ?? "someone"}: "${row.quote}"`, source: `evidence #${row.id}, ${row.document.sourceRef}` });
      }
      return facts;
    },
  };
}
