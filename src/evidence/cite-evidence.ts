import type { Segment } from "../ingest/canonical-document.js";
import type { EvidenceRecord, QuotedEvidence } from "./evidence-record.js";
import { formatCallOffset } from "../ingest/transcript-schema.js";
import type { EvidenceFact } from "../rules/readiness-contract.js";
import { isSignalId } from "../taxonomy/signals.js";

function segmentOf(stored: QuotedEvidence): Segment | undefined {
  return stored.document.segments.find((segment) => segment.start <= stored.quoteStart && stored.quoteStart < segment.end);
}

/** The ticket id is the part of the source reference after `#` (`tickets/acme.json#4412`). */
function ticketIdOf(sourceRef: string): string {
  return sourceRef.slice(sourceRef.lastIndexOf("#") + 1);
}

/**
 * When the quoted words were said: a ticket comment's own time (written into the comment's label line,
 * `[comment 3] Dana Okafor (customer), 2026-09-23T12:30:00Z:`), or the call's date plus the turn's offset.
 * Falls back to the document's date.
 */
export function occurredAtOf(stored: QuotedEvidence): string | undefined {
  const segment = segmentOf(stored);
  const documentTime = stored.document.occurredAt ?? undefined;
  if (segment === undefined) return documentTime;
  if (stored.document.kind === "ticket") {
    const label = stored.document.fullText.slice(Math.max(0, segment.start - 300), segment.start);
    const written = /, (\d{4}-\d{2}-\d{2}T[^\s,]+):\n$/.exec(label)?.[1];
    return written !== undefined && !Number.isNaN(Date.parse(written)) ? new Date(written).toISOString() : documentTime;
  }
  if (documentTime === undefined || segment.callOffsetSeconds === undefined) return documentTime;
  return new Date(Date.parse(documentTime) + Math.round(segment.callOffsetSeconds * 1000)).toISOString();
}

/**
 * Where the quote is, for people: `ticket #4412 comment 3` or `call 2026-05-14 00:23:41`.
 *
 * @example placeOf(stored) // "ticket #1031 comment 3"
 */
export function placeOf(stored: QuotedEvidence): string {
  const segment = segmentOf(stored);
  if (stored.document.kind === "ticket") {
    const ticket = `ticket #${ticketIdOf(stored.document.sourceRef)}`;
    return segment?.commentRef === undefined ? ticket : `${ticket} comment ${segment.commentRef}`;
  }
  const day = stored.document.occurredAt?.slice(0, 10) ?? stored.document.title ?? stored.document.sourceRef;
  return segment?.callOffsetSeconds === undefined ? `call ${day}` : `call ${day} ${formatCallOffset(segment.callOffsetSeconds)}`;
}

/** A stored row as the rules read it; undefined for a row whose signal the taxonomy no longer has, or with no date. */
export function toEvidenceFact(stored: QuotedEvidence): EvidenceFact | undefined {
  const occurredAt = occurredAtOf(stored);
  if (!isSignalId(stored.signalId) || occurredAt === undefined) return undefined;
  return {
    id: stored.id,
    signalId: stored.signalId,
    speakerRole: stored.speakerRole,
    ...(stored.speaker === null ? {} : { speaker: stored.speaker }),
    sourceRef: stored.document.sourceRef,
    occurredAt,
    quote: stored.quote,
    place: placeOf(stored),
  };
}

/**
 * Where the words were said and by whom, as a CSM would cite them: the one citation of the read model,
 * used by the CLI, the report and the API.
 *
 * @example formatCitation(record) // "ticket #4412, comment 3, Dana Okafor (customer)" or "call 2026-05-14 at 00:23:41, Dana (customer)"
 */
export function formatCitation(record: EvidenceRecord): string {
  const who = `${record.speaker ?? "unknown speaker"} (${record.speakerRole})`;
  if (record.documentKind === "ticket") {
    return [`ticket #${ticketIdOf(record.sourceRef)}`, record.commentRef === null ? undefined : `comment ${record.commentRef}`, who].filter(Boolean).join(", ");
  }
  const date = record.occurredAt?.slice(0, 10) ?? "undated";
  const at = record.callOffsetSeconds === null ? "" : ` at ${formatCallOffset(record.callOffsetSeconds)}`;
  return `call ${date}${at}, ${who}`;
}
