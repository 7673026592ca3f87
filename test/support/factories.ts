import { accountSchema, type Account } from "../../src/ingest/account-schema.js";
import { ticketDocument, type CanonicalDocument } from "../../src/ingest/canonical-document.js";
import type { RoleDirectory } from "../../src/ingest/speaker-role.js";
import { ticketSchema, type Ticket } from "../../src/ingest/ticket-schema.js";

/** A valid account; override only what a test is about. */
export function createAccount(overrides: Partial<Account> & { id: string }): Account {
  return accountSchema.parse({
    name: overrides.id,
    tier: "business",
    arr: 50_000,
    health: "green",
    health_trend: "flat",
    domains: [`${overrides.id}.example`],
    ...overrides,
  });
}

/** A ticket of one account whose comments alternate customer (acme.example) and vendor (lumen.example). */
export function createTicket(id: string, bodies: readonly string[]): Ticket {
  return ticketSchema.parse({
    id,
    account_id: "acme",
    subject: "Seats",
    status: "open",
    created_at: "2026-06-02T14:10:00Z",
    comments: bodies.map((body, index) => ({
      id: String(index + 1),
      created_at: `2026-06-02T1${4 + index}:00:00Z`,
      author: index % 2 === 0 ? { name: "Dana", email: "dana@acme.example" } : { name: "Sam", email: "sam@lumen.example" },
      body,
    })),
  });
}

const TICKET_DIRECTORY: RoleDirectory = { vendorEmailDomains: ["lumen.example"], participants: [], unmatchedSpeakerRole: "unknown" };

/** A ticket document whose comments are written by the given roles (customer Dana Okafor, vendor Sam Ortiz). */
export function ticketWith(id: string, comments: Array<[role: "customer" | "vendor", body: string]>): CanonicalDocument {
  return ticketDocument(
    ticketSchema.parse({
      id,
      account_id: "acme",
      subject: "Seats",
      status: "open",
      created_at: "2026-06-02T14:10:00Z",
      comments: comments.map(([role, body], index) => ({
        id: String(index + 1),
        created_at: "2026-06-02T14:10:00Z",
        author: role === "customer" ? { name: "Dana Okafor", email: "dana@acme.example" } : { name: "Sam Ortiz", email: "sam@lumen.example" },
        body,
      })),
    }),
    TICKET_DIRECTORY,
    "tickets/acme.json",
  );
}
