import { saveAccounts } from "../../src/db/account-store.js";
import type { Database } from "../../src/db/database.js";
import { saveUsage } from "../../src/db/usage-store.js";
import { insertEvidence, storeCall, storeTicket } from "./evidence-factory.js";
import { createAccount } from "./factories.js";

export const REVIEW_AS_OF = "2026-11-23";

/** Text that looks like SQL and HTML: stored verbatim, shown as text, never run. */
export const HOSTILE_TEXT = `Robert'); drop table evidence; -- <script>alert("pwned")</script><img src=x onerror=alert(1)>`;

export interface ReadyAccountEvidence {
  readonly teamTicket: string;
  readonly outcome: string;
  readonly teamCall: string;
  readonly champion: string;
  readonly hostile: string;
}

export interface ReviewFixture {
  readonly evidence: ReadyAccountEvidence & { readonly globexOutcome: string };
}

/**
 * One account that the rules find ready (another team asks, in a ticket and in a call; a measured outcome;
 * an engaged champion), stored as the indexer and extractor would store it without running either, so a
 * test starts in a second or two. One of its ticket comments quotes SQL- and HTML-looking text.
 */
export async function seedReadyAccount(database: Database, account: { id: string; name: string }): Promise<ReadyAccountEvidence> {
  await database.transaction(async (transaction) => {
    await saveAccounts(
      transaction,
      [createAccount({ id: account.id, name: account.name, health: "green", health_trend: "up", licensed_seats: 100, champion: "Dana Okafor", renewal_date: "2027-03-01" })],
      "accounts.json",
    );
    await saveUsage(transaction, [{ account_id: account.id, date: "2026-10-31", metric: "active_users", value: 60 }], "usage.csv");
  });
  const ticket = await storeTicket(database, {
    accountId: account.id,
    id: "4412",
    createdAt: "2026-09-01T10:00:00Z",
    subject: "Dashboards for the warehouse",
    comments: [
      { speaker: "Sam Ortiz", role: "vendor", text: "How is the rollout going on your side?" },
      { speaker: "Dana Okafor", role: "customer", at: "2026-09-03T08:15:00Z", text: "Great so far. Our warehouse team keeps asking when they can get into the dashboards." },
      { speaker: "Dana Okafor", role: "customer", at: "2026-11-02T09:00:00Z", text: "Late deliveries are down 18% since the dashboards went live." },
      { speaker: "Dana Okafor", role: "customer", at: "2026-11-03T09:00:00Z", text: `A user pasted this into a form: ${HOSTILE_TEXT}` },
    ],
  });
  const call = await storeCall(database, {
    accountId: account.id,
    date: "2026-10-20",
    title: "Quarterly review",
    turns: [
      { speaker: "Priya Raman", role: "vendor", offsetSeconds: 5, text: "Thanks for joining, everyone." },
      { speaker: "Priya Raman", role: "vendor", offsetSeconds: 1400, text: "Anything new on the warehouse side?" },
      { speaker: "Luis Romero", role: "customer", offsetSeconds: 1421, text: "The warehouse leads asked me for logins again this week." },
      { speaker: "Dana Okafor", role: "customer", offsetSeconds: 1500, text: "I ran two training sessions for the night shift last week." },
    ],
  });
  return {
    teamTicket: await insertEvidence(database, { sourceRef: ticket, signalId: "other_team_interest", quote: "Our warehouse team keeps asking when they can get into the dashboards." }),
    outcome: await insertEvidence(database, { sourceRef: ticket, signalId: "measurable_outcome", quote: "Late deliveries are down 18% since the dashboards went live." }),
    teamCall: await insertEvidence(database, { sourceRef: call, signalId: "other_team_interest", quote: "The warehouse leads asked me for logins again this week." }),
    champion: await insertEvidence(database, { sourceRef: call, signalId: "champion_engaged", quote: "I ran two training sessions for the night shift last week." }),
    hostile: await insertEvidence(database, { sourceRef: ticket, signalId: "peer_usage_question", quote: HOSTILE_TEXT }),
  };
}

/** "acme" (ready, see seedReadyAccount) and "globex" (for scope checks). */
export async function seedReviewAccounts(database: Database): Promise<ReviewFixture> {
  const acme = await seedReadyAccount(database, { id: "acme", name: "Acme Freight" });
  await database.transaction(async (transaction) => {
    await saveAccounts(transaction, [createAccount({ id: "globex", name: "Globex Retail", health: "yellow", health_trend: "flat" })], "accounts.json");
  });
  const globexTicket = await storeTicket(database, {
    accountId: "globex",
    id: "7001",
    createdAt: "2026-10-01T10:00:00Z",
    comments: [{ speaker: "Ines Carvalho", role: "customer", text: "Stock-outs fell by 12% this quarter." }],
  });
  const globexOutcome = await insertEvidence(database, { sourceRef: globexTicket, signalId: "measurable_outcome", quote: "Stock-outs fell by 12% this quarter." });
  return { evidence: { ...acme, globexOutcome } };
}
