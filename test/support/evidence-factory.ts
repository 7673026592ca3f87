import type { Queryable } from "../../src/db/database.js";
import { replaceDocument, storedDocumentOf } from "../../src/db/document-store.js";
import { callDocument, ticketDocument, type CanonicalDocument } from "../../src/ingest/canonical-document.js";
import type { SpeakerRole } from "../../src/ingest/speaker-role.js";
import { ticketSchema } from "../../src/ingest/ticket-schema.js";
import type { EvidenceFact } from "../../src/rules/readiness-contract.js";
import type { SignalId } from "../../src/taxonomy/signals.js";

let nextFactId = 1;

/**
 * An evidence fact for the rules, customer-side unless told otherwise; override only what a test is about.
 *
 * @example createFact({ signalId: "measurable_outcome", occurredAt: "2026-10-20" })
 */
export function createFact(overrides: Partial<EvidenceFact> & { signalId: SignalId }): EvidenceFact {
  const id = overrides.id ?? String(nextFactId++);
  return {
    id,
    speakerRole: "customer",
    speaker: "Dana Okafor",
    sourceRef: `tickets/acme.json#${id}`,
    occurredAt: "2026-10-20",
    quote: `quote ${id}`,
    ...overrides,
  };
}

export interface PassageSpec {
  readonly speaker: string;
  readonly role: SpeakerRole;
  readonly text: string;
  /** Ticket comments: when it was written (defaults to the ticket's time). Calls: seconds from the start. */
  readonly at?: string;
  readonly offsetSeconds?: number;
}

/** Stores a ticket as the indexer would (canonical text, segments in metadata). Returns its source reference. */
export async function storeTicket(
  database: Queryable,
  ticket: { accountId: string; id: string; createdAt: string; subject?: string; comments: readonly PassageSpec[] },
): Promise<string> {
  const parsed = ticketSchema.parse({
    id: ticket.id,
    account_id: ticket.accountId,
    subject: ticket.subject ?? `Ticket ${ticket.id}`,
    status: "open",
    created_at: ticket.createdAt,
    comments: ticket.comments.map((comment, index) => ({
      id: String(index + 1),
      created_at: comment.at ?? ticket.createdAt,
      author: { name: comment.speaker, role: comment.role },
      body: comment.text,
    })),
  });
  return store(database, ticketDocument(parsed, NO_DIRECTORY, `tickets/${ticket.accountId}.json`));
}

/** Stores a call transcript as the indexer would. Returns its source reference. */
export async function storeCall(
  database: Queryable,
  call: { accountId: string; date: string; title: string; turns: readonly PassageSpec[] },
): Promise<string> {
  const file = `calls/${call.accountId}/${call.date}-${call.title.toLowerCase().replaceAll(/[^a-z0-9]+/g, "-")}.vtt`;
  const directory = {
    vendorEmailDomains: [],
    participants: call.turns.map((turn) => ({ name: turn.speaker, role: turn.role })),
    unmatchedSpeakerRole: "unknown" as const,
  };
  const turns = call.turns.map((turn, index) => ({ speaker: turn.speaker, start: turn.offsetSeconds ?? index * 30, text: turn.text }));
  return store(database, callDocument({ file, accountId: call.accountId, format: "vtt", date: call.date, title: call.title, turns }, directory, file));
}

const NO_DIRECTORY = { vendorEmailDomains: [], participants: [], unmatchedSpeakerRole: "unknown" as const };

async function store(database: Queryable, document: CanonicalDocument): Promise<string> {
  await replaceDocument(database, storedDocumentOf(document, []));
  return document.sourceRef;
}

export interface EvidenceRow {
  readonly sourceRef: string;
  readonly signalId: SignalId;
  /** Must occur verbatim in the document; the speaker comes from the passage it sits in. */
  readonly quote: string;
  readonly speakerRole?: SpeakerRole;
  readonly status?: "active" | "disputed";
  /** Record the comment or call time of the quote, as the extractor does. */
  readonly withPlace?: boolean;
}

/** Inserts an evidence row as the extractor would after its citation check. Returns the evidence id. */
export async function insertEvidence(database: Queryable, row: EvidenceRow): Promise<string> {
  const [document] = await database.query<{
    id: string;
    account_id: string;
    full_text: string;
    metadata: { segments: Array<{ start: number; end: number; speaker: string; speakerRole: SpeakerRole; commentRef?: string; callOffsetSeconds?: number }> };
  }>(
    "select id::text as id, account_id, full_text, metadata from documents where source_ref = $1",
    [row.sourceRef],
  );
  if (document === undefined) throw new Error(`No stored document ${row.sourceRef}`);
  const start = document.full_text.indexOf(row.quote);
  if (start === -1) throw new Error(`Quote not in ${row.sourceRef}: ${row.quote}`);
  const segment = document.metadata.segments.find((item) => item.start <= start && start < item.end);
  const [inserted] = await database.query<{ id: string }>(
    `insert into evidence (account_id, document_id, signal_id, quote, quote_start, quote_end, alignment, speaker, speaker_role,
                           confidence, extractor_provider, extractor_model, status, comment_ref, call_offset_seconds)
     values ($1, $2, $3, $4, $5, $6, 'exact', $7, $8, 0.9, 'test', 'hand-made', $9, $10, $11) returning id::text as id`,
    [
      document.account_id,
      document.id,
      row.signalId,
      row.quote,
      start,
      start + row.quote.length,
      segment?.speaker ?? null,
      row.speakerRole ?? segment?.speakerRole ?? "unknown",
      row.status ?? "active",
      // Where in the document, as the extractor records it (the comment, or the turn's time in the call),
      // only when asked: older tests expect citations without it.
      row.withPlace === true ? (segment?.commentRef ?? null) : null,
      row.withPlace === true ? (segment?.callOffsetSeconds ?? null) : null,
    ],
  );
  if (inserted === undefined) throw new Error("evidence insert returned no id");
  return inserted.id;
}
