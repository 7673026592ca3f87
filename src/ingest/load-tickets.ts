import path from "node:path";
import { InputError, type InputProblem } from "../errors.js";
import { optionalCell, withoutUndefined } from "./csv-values.js";
import { readCsv, readJson, type CsvRecord } from "./read-source-file.js";
import { ticketSchema, TICKET_CSV_COLUMNS, type Ticket } from "./ticket-schema.js";
import { recordList, recordName, validateRecord, type RecordCandidate } from "./validate-records.js";
import { isZendeskExport, ticketsFromZendesk } from "./zendesk-export.js";

export interface TicketLoad {
  readonly tickets: Ticket[];
  readonly problems: InputProblem[];
}

/**
 * Reads tickets from JSON (this tool's own shape, or a Zendesk export, told apart by shape), or the
 * one-row-per-comment CSV. Unlike accounts, one bad ticket does not stop the others: the caller indexes
 * the good ones and reports the rest. A file that cannot be read at all throws an InputError.
 */
export async function loadTickets(file: string): Promise<TicketLoad> {
  const extension = path.extname(file).toLowerCase();
  if (extension === ".json") {
    const parsed = await readJson(file);
    if (isZendeskExport(parsed)) {
      const { candidates, problems } = ticketsFromZendesk(file, parsed);
      return withProblems(problems, validateTickets(file, candidates));
    }
    return validateTickets(file, ticketCandidatesFromJson(file, parsed));
  }
  if (extension === ".csv") {
    const { records, problems } = await readCsv(file);
    return withProblems(problems, validateTickets(file, ticketsFromCsv(file, records)));
  }
  throw new InputError([{ file, reason: `unsupported ticket file type "${extension}": use .json or .csv` }]);
}

function withProblems(earlier: readonly InputProblem[], load: TicketLoad): TicketLoad {
  return { tickets: load.tickets, problems: [...earlier, ...load.problems] };
}

// A comment's role can come from its email's domain; a ticket's date can fall back to its first comment's.
const OPTIONAL_CSV_COLUMNS = new Set<string>(["author_email", "author_role", "ticket_created_at"]);

function ticketCandidatesFromJson(file: string, parsed: unknown): RecordCandidate[] {
  const list = recordList(parsed, "tickets") ?? (typeof parsed === "object" && parsed !== null ? [parsed] : undefined);
  if (list === undefined) throw new InputError([{ file, reason: 'expected a ticket, an array of tickets or { "tickets": [...] }' }]);
  return list.map((value, index) => ({ value, record: `ticket ${recordName(value, index)}` }));
}

function ticketsFromCsv(file: string, rows: CsvRecord[]): RecordCandidate[] {
  const header = rows[0] === undefined ? [] : Object.keys(rows[0].values);
  const missing = TICKET_CSV_COLUMNS.filter((column) => !OPTIONAL_CSV_COLUMNS.has(column) && !header.includes(column));
  if (rows.length > 0 && missing.length > 0) {
    throw new InputError([{ file, line: 1, reason: `missing column(s): ${missing.join(", ")}` }]);
  }
  const byTicket = new Map<string, { line: number; ticket: Record<string, unknown>; comments: unknown[] }>();
  for (const row of rows) {
    const values = row.values;
    const ticketId = optionalCell(values.ticket_id) ?? `(line ${row.line})`;
    let entry = byTicket.get(ticketId);
    if (entry === undefined) {
      entry = {
        line: row.line,
        ticket: withoutUndefined({
          id: optionalCell(values.ticket_id),
          account_id: optionalCell(values.account_id),
          subject: optionalCell(values.subject),
          status: optionalCell(values.status),
          created_at: optionalCell(values.ticket_created_at) ?? optionalCell(values.created_at),
        }),
        comments: [],
      };
      byTicket.set(ticketId, entry);
    }
    entry.comments.push(
      withoutUndefined({
        id: optionalCell(values.comment_id) ?? String(entry.comments.length + 1),
        created_at: optionalCell(values.created_at),
        author: withoutUndefined({
          name: optionalCell(values.author_name),
          email: optionalCell(values.author_email),
          role: optionalCell(values.author_role),
        }),
        body: values.body,
      }),
    );
  }
  return [...byTicket.entries()].map(([ticketId, entry]) => ({
    value: { ...entry.ticket, comments: entry.comments },
    record: `ticket ${ticketId}`,
    line: entry.line,
  }));
}

function validateTickets(file: string, candidates: RecordCandidate[]): TicketLoad {
  const tickets: Ticket[] = [];
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  for (const candidate of candidates) {
    const result = validateRecord(ticketSchema, candidate.value, {
      file,
      record: candidate.record,
      ...(candidate.line === undefined ? {} : { line: candidate.line }),
    });
    if (!result.success) {
      problems.push(...result.problems);
    } else if (seen.has(result.data.id)) {
      problems.push({ file, record: candidate.record, field: "id", reason: "duplicate ticket id in this file" });
    } else {
      seen.add(result.data.id);
      tickets.push(result.data);
    }
  }
  return { tickets, problems };
}
