import { indexFolders, type Services } from "../../src/app/index.js";
import { createAccount } from "./factories.js";
import { insertEvidence } from "./evidence-factory.js";
import { writeTempFiles } from "./temp-files.js";

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

const VENDOR = {
  product: "Lumen",
  vendor: "Lumen Metrics",
  vendor_email_domains: ["lumen.example"],
  tiers: [
    { id: "team", name: "Team", capabilities: ["dashboards"] },
    { id: "business", name: "Business", capabilities: ["scheduled reports", "single sign-on"] },
  ],
  participants: [
    { name: "Sam Ortiz", role: "vendor" },
    { name: "Priya Raman", role: "vendor" },
    { name: "Dana Okafor", role: "customer" },
    { name: "Luis Romero", role: "customer" },
  ],
};

function readyTicket(accountId: string) {
  const comment = (id: string, at: string, name: string, role: "customer" | "vendor", body: string) => ({ id, created_at: at, author: { name, role }, body });
  return {
    id: "4412",
    account_id: accountId,
    subject: "Dashboards for the warehouse",
    status: "open",
    created_at: "2026-09-01T10:00:00Z",
    comments: [
      comment("1", "2026-09-01T10:00:00Z", "Sam Ortiz", "vendor", "How is the rollout going on your side?"),
      comment("2", "2026-09-03T08:15:00Z", "Dana Okafor", "customer", "Great so far. Our warehouse team keeps asking when they can get into the dashboards."),
      comment("3", "2026-11-02T09:00:00Z", "Dana Okafor", "customer", "Late deliveries are down 18% since the dashboards went live."),
      comment("4", "2026-11-03T09:00:00Z", "Dana Okafor", "customer", `A user pasted this into a form: ${HOSTILE_TEXT}`),
    ],
  };
}

const READY_CALL = [
  "[00:00:05] Priya Raman: Thanks for joining, everyone.",
  "[00:23:20] Priya Raman: Anything new on the warehouse side?",
  "[00:23:41] Luis Romero: The warehouse leads asked me for logins again this week.",
  "[00:25:00] Dana Okafor: I ran two training sessions for the night shift last week.",
  "",
].join("\n");

/**
 * A source folder of accounts the rules find ready (another team asks, in a ticket and in a call; a measured
 * outcome; an engaged champion), and "globex" for scope checks when asked. One ticket comment quotes SQL-
 * and HTML-looking text.
 */
export function writeReviewSourceFolder(accounts: ReadonlyArray<{ id: string; name: string }>, options: { globex?: boolean } = {}): Promise<string> {
  const files: Record<string, string> = {
    "vendor.json": JSON.stringify(VENDOR),
    "accounts.json": JSON.stringify([
      ...accounts.map((account) =>
        createAccount({ id: account.id, name: account.name, health: "green", health_trend: "up", licensed_seats: 100, champion: "Dana Okafor", renewal_date: "2027-03-01" }),
      ),
      ...(options.globex === true ? [createAccount({ id: "globex", name: "Globex Retail", health: "yellow", health_trend: "flat" })] : []),
    ]),
    "usage.csv": ["account_id,date,metric,value", ...accounts.map((account) => `${account.id},2026-10-31,active_users,60`), ""].join("\n"),
  };
  for (const account of accounts) {
    files[`tickets/${account.id}.json`] = JSON.stringify([readyTicket(account.id)]);
    files[`calls/${account.id}/2026-10-20-quarterly-review.txt`] = READY_CALL;
  }
  if (options.globex === true) {
    files["tickets/globex.json"] = JSON.stringify([
      {
        id: "7001",
        account_id: "globex",
        subject: "Stock levels",
        status: "open",
        created_at: "2026-10-01T10:00:00Z",
        comments: [{ id: "1", created_at: "2026-10-01T10:00:00Z", author: { name: "Ines Carvalho", role: "customer" }, body: "Stock-outs fell by 12% this quarter." }],
      },
    ]);
  }
  return writeTempFiles(files);
}

/**
 * Labels the evidence of one indexed ready account as the extractor would store it (quotes found verbatim,
 * speaker and place from the document), without running the extractor: the tests are about review, not
 * extraction.
 */
export async function labelReadyAccount(services: Services, accountId: string): Promise<ReadyAccountEvidence> {
  const database = services.database;
  const ticket = `tickets/${accountId}.json#4412`;
  const call = `calls/${accountId}/2026-10-20-quarterly-review.txt`;
  return {
    teamTicket: await insertEvidence(database, { sourceRef: ticket, signalId: "other_team_interest", withPlace: true, quote: "Our warehouse team keeps asking when they can get into the dashboards." }),
    outcome: await insertEvidence(database, { sourceRef: ticket, signalId: "measurable_outcome", withPlace: true, quote: "Late deliveries are down 18% since the dashboards went live." }),
    teamCall: await insertEvidence(database, { sourceRef: call, signalId: "other_team_interest", withPlace: true, quote: "The warehouse leads asked me for logins again this week." }),
    champion: await insertEvidence(database, { sourceRef: call, signalId: "champion_engaged", withPlace: true, quote: "I ran two training sessions for the night shift last week." }),
    hostile: await insertEvidence(database, { sourceRef: ticket, signalId: "peer_usage_question", withPlace: true, quote: HOSTILE_TEXT }),
  };
}

/** "acme" (ready) and "globex" (for scope checks), indexed through the index job and labelled. */
export async function seedReviewAccounts(services: Services): Promise<ReviewFixture> {
  await indexFolders(services, { folders: [await writeReviewSourceFolder([{ id: "acme", name: "Acme Freight" }], { globex: true })] });
  const acme = await labelReadyAccount(services, "acme");
  const globexOutcome = await insertEvidence(services.database, { sourceRef: "tickets/globex.json#7001", signalId: "measurable_outcome", withPlace: true, quote: "Stock-outs fell by 12% this quarter." });
  return { evidence: { ...acme, globexOutcome } };
}
