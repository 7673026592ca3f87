import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

export interface CorpusOptions {
  readonly accounts: number;
  readonly documentsPerAccount: number;
  /** Same seed, same corpus, byte for byte. */
  readonly seed?: number;
}

export interface CorpusSummary {
  readonly folder: string;
  readonly accounts: number;
  readonly tickets: number;
  readonly calls: number;
}

/** mulberry32: a tiny seeded generator, so a corpus can be rebuilt exactly. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const OPENERS = ["Honestly", "Right now", "Since last month", "As of this week", "Between us", "Quick update", "For context", "On our side"];
const SUBJECTS = ["our dispatch team", "the finance analysts", "the regional managers", "two new hires", "the night shift", "our CFO", "the support leads", "the warehouse crew", "marketing", "the data team"];
const VERBS = ["keeps asking about", "spends hours on", "cannot find", "is excited about", "struggles with", "wants to automate", "exports by hand", "relies on", "stopped using", "asked me twice about"];
const OBJECTS = [
  "the weekly delivery dashboard",
  "scheduled reports for each depot",
  "seat licences for the new hub",
  "forecasting demand for next quarter",
  "single sign-on for contractors",
  "the churn analysis spreadsheet",
  "alerts when a route runs late",
  "the API export into our warehouse",
  "custom roles for regional leads",
  "embedding charts in our portal",
];
const OUTCOMES = [
  "Late deliveries dropped by {n} percent.",
  "We saved about {n} hours a week.",
  "That cut our reporting time from {n} hours to one.",
  "Nobody has complained in {n} days, which is a first.",
  "We are {n} seats short already.",
  "The board asked for the same numbers {n} times this quarter.",
];
const VENDOR_LINES = [
  "Thanks, that is really helpful context.",
  "Let me check with the product team and come back to you.",
  "I can set up a session with your admins next week.",
  "That feature is included in your current plan; I will send the steps.",
  "Would a short training for the new team help?",
];
const FIRST_NAMES = ["Dana", "Luis", "Mei", "Owen", "Farah", "Jonas", "Priscilla", "Tariq", "Ines", "Ravi", "Sofia", "Kwame"];
const LAST_NAMES = ["Okafor", "Romero", "Chen", "Whitaker", "Siddiqui", "Berg", "Nakamura", "Haddad", "Carvalho", "Iyer", "Brandt", "Mensah"];
const VENDOR_PEOPLE = [
  { name: "Priya Raman", email: "priya.raman@lumen.example" },
  { name: "Marcus Lee", email: "marcus.lee@lumen.example" },
  { name: "Lena Fischer", email: "lena.fischer@lumen.example" },
];
const CALL_FORMATS = ["vtt", "srt", "txt", "json"] as const;

/**
 * Writes a synthetic source folder laid out as data/README.md describes: accounts, usage, tickets
 * (native JSON, one-row-per-comment CSV and Zendesk exports, by account) and calls in every transcript
 * format. The text is generated from a few hundred phrases, so documents differ and chunk like real ones.
 */
export async function generateCorpus(folder: string, options: CorpusOptions): Promise<CorpusSummary> {
  const random = seeded(options.seed ?? 42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const sentence = () =>
    random() < 0.3
      ? pick(OUTCOMES).replace("{n}", String(between(2, 40)))
      : `${pick(OPENERS)}, ${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)}.`;
  const passage = (sentences: number) => Array.from({ length: sentences }, sentence).join(" ");

  const accounts = Array.from({ length: options.accounts }, (_, index) => {
    const id = `account-${String(index + 1).padStart(4, "0")}`;
    const people = Array.from({ length: 3 }, () => `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`);
    return { id, name: `Account ${index + 1}`, domain: `${id}.example`, people };
  });

  await mkdir(path.join(folder, "tickets"), { recursive: true });
  await writeFile(
    path.join(folder, "vendor.json"),
    JSON.stringify({
      product: "Lumen",
      vendor: "Lumen Metrics",
      vendor_email_domains: ["lumen.example"],
      tiers: [
        { id: "team", name: "Team", capabilities: ["dashboards"] },
        { id: "business", name: "Business", capabilities: ["scheduled reports", "single sign-on"] },
      ],
      add_ons: [{ id: "forecast", name: "Lumen Forecast", capabilities: ["forecasting"] }],
      participants: VENDOR_PEOPLE.map((person) => ({ ...person, role: "vendor" })),
    }),
  );
  await writeFile(
    path.join(folder, "accounts.json"),
    JSON.stringify(
      accounts.map((account, index) => ({
        id: account.id,
        name: account.name,
        tier: index % 2 === 0 ? "team" : "business",
        arr: 10_000 + index * 250,
        health: (["green", "yellow", "red"] as const)[index % 3],
        licensed_seats: 20 + (index % 80),
        domains: [account.domain],
      })),
    ),
  );
  await writeFile(
    path.join(folder, "usage.csv"),
    ["account_id,date,metric,value", ...accounts.flatMap((account) => ["2026-09-30", "2026-10-31"].map((date) => `${account.id},${date},active_users,${between(5, 90)}`))].join("\n"),
  );

  let tickets = 0;
  let calls = 0;
  for (const [accountIndex, account] of accounts.entries()) {
    const ticketCount = Math.floor(options.documentsPerAccount / 2);
    const callCount = options.documentsPerAccount - ticketCount;
    const customer = () => {
      const name = pick(account.people);
      return { name, email: `${name.split(" ")[0]?.toLowerCase()}@${account.domain}` };
    };
    const ticketList = Array.from({ length: ticketCount }, (_, index) => {
      const day = 1 + (index % 28);
      return {
        number: (accountIndex + 1) * 1000 + index,
        subject: `${pick(OBJECTS)} (${pick(SUBJECTS)})`,
        createdAt: `2026-10-${String(day).padStart(2, "0")}T09:00:00Z`,
        comments: Array.from({ length: between(2, 5) }, (_, position) => ({
          id: position + 1,
          createdAt: `2026-10-${String(day).padStart(2, "0")}T${String(9 + position).padStart(2, "0")}:15:00Z`,
          author: position % 2 === 0 ? customer() : pick(VENDOR_PEOPLE),
          body: position % 2 === 0 ? passage(between(2, 6)) : `${pick(VENDOR_LINES)} ${passage(between(1, 3))}`,
        })),
      };
    });
    tickets += ticketList.length;
    await writeFile(path.join(folder, "tickets", ticketFileName(account.id, accountIndex)), ticketFile(account.id, accountIndex, ticketList));

    const callFolder = path.join(folder, "calls", account.id);
    await mkdir(callFolder, { recursive: true });
    for (let index = 0; index < callCount; index += 1) {
      const format = CALL_FORMATS[(accountIndex + index) % CALL_FORMATS.length] ?? "vtt";
      const date = `2026-${String(1 + (index % 12)).padStart(2, "0")}-${String(1 + (index % 28)).padStart(2, "0")}`;
      let seconds = 3;
      const turns = Array.from({ length: between(10, 24) }, (_, turn) => {
        const speaker = turn % 3 === 1 ? (pick(VENDOR_PEOPLE).name) : pick(account.people);
        const text = turn % 3 === 1 ? `${pick(VENDOR_LINES)} ${passage(between(0, 2))}`.trim() : passage(between(1, 4));
        const start = seconds;
        seconds += 5 + Math.floor(text.length / 15);
        return { speaker, start, end: seconds - 1, text };
      });
      const name = `${date}-call-${index + 1}.${format}`;
      await writeFile(path.join(callFolder, name), callFile(format, account.id, `Call ${index + 1}`, date, turns));
      calls += 1;
    }
  }
  return { folder, accounts: accounts.length, tickets, calls };
}

interface GeneratedTicket {
  readonly number: number;
  readonly subject: string;
  readonly createdAt: string;
  readonly comments: ReadonlyArray<{ id: number; createdAt: string; author: { name: string; email: string }; body: string }>;
}

function ticketFileName(accountId: string, accountIndex: number): string {
  return accountIndex % 3 === 1 ? `${accountId}.csv` : `${accountId}.json`;
}

/** Native JSON, CSV or a Zendesk export, by account, so every ticket reader is exercised. */
function ticketFile(accountId: string, accountIndex: number, tickets: readonly GeneratedTicket[]): string {
  if (accountIndex % 3 === 1) {
    const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;
    const rows = tickets.flatMap((ticket) =>
      ticket.comments.map((comment) =>
        [ticket.number, accountId, quote(ticket.subject), "open", ticket.createdAt, comment.id, quote(comment.author.name), comment.author.email, "", comment.createdAt, quote(comment.body)].join(","),
      ),
    );
    return ["ticket_id,account_id,subject,status,ticket_created_at,comment_id,author_name,author_email,author_role,created_at,body", ...rows].join("\n");
  }
  if (accountIndex % 3 === 2) {
    const people = [...new Map(tickets.flatMap((ticket) => ticket.comments.map((comment) => [comment.author.email, comment.author] as const))).values()];
    const userId = (email: string) => 100_000 + people.findIndex((person) => person.email === email);
    return JSON.stringify({
      tickets: tickets.map((ticket) => ({
        id: ticket.number,
        subject: ticket.subject,
        status: "open",
        created_at: ticket.createdAt,
        requester_id: userId(ticket.comments[0]?.author.email ?? ""),
        organization_id: 1,
        via: { channel: "email" },
        comments: ticket.comments.map((comment) => ({ id: ticket.number * 10 + comment.id, author_id: userId(comment.author.email), public: true, created_at: comment.createdAt, body: comment.body })),
      })),
      users: people.map((person) => ({ id: userId(person.email), name: person.name, email: person.email, role: person.email.endsWith("@lumen.example") ? "agent" : "end-user" })),
      organizations: [{ id: 1, name: accountId, external_id: accountId }],
    });
  }
  return JSON.stringify({
    tickets: tickets.map((ticket) => ({
      id: String(ticket.number),
      account_id: accountId,
      subject: ticket.subject,
      status: "open",
      created_at: ticket.createdAt,
      comments: ticket.comments.map((comment) => ({ id: String(comment.id), created_at: comment.createdAt, author: comment.author, body: comment.body })),
    })),
  });
}

function clock(seconds: number, separator: "." | ","): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor((seconds % 3600) / 60))}:${pad(seconds % 60)}${separator}000`;
}

function callFile(
  format: (typeof CALL_FORMATS)[number],
  accountId: string,
  title: string,
  date: string,
  turns: ReadonlyArray<{ speaker: string; start: number; end: number; text: string }>,
): string {
  switch (format) {
    case "vtt":
      return ["WEBVTT", "", ...turns.flatMap((turn) => [`${clock(turn.start, ".")} --> ${clock(turn.end, ".")}`, `<v ${turn.speaker}>${turn.text}</v>`, ""])].join("\n");
    case "srt":
      return turns.flatMap((turn, index) => [String(index + 1), `${clock(turn.start, ",")} --> ${clock(turn.end, ",")}`, `${turn.speaker}: ${turn.text}`, ""]).join("\n");
    case "txt":
      return turns.map((turn) => `[${clock(turn.start, ".").slice(0, 8)}] ${turn.speaker}: ${turn.text}`).join("\n");
    case "json":
      return JSON.stringify({
        account_id: accountId,
        title,
        started_at: `${date}T15:00:00Z`,
        turns: turns.map((turn) => ({ speaker: turn.speaker, start: turn.start, text: turn.text })),
      });
  }
}
