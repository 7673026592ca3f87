import { findHypothesis as storedHypothesis, type StoredHypothesis } from "../../db/hypothesis-store.js";
import { findAccount as storedAccount } from "../../db/readiness-input-store.js";
import { assessmentResult, evidenceAccountId, evidenceDocumentText } from "../../db/review-read-store.js";
import type { Account } from "../../ingest/account-schema.js";
import type { Segment } from "../../ingest/canonical-document.js";
import { formatCallOffset } from "../../ingest/transcript-schema.js";
import type { GateResult, ReadinessResult } from "../../rules/readiness-contract.js";
import type { Services } from "../services.js";
import { listEvidence, type CitedEvidence } from "./evidence.js";

/** One stretch of the words around a quote: a ticket comment or a call turn. */
export interface ContextPassage {
  readonly speaker: string;
  readonly speakerRole: Segment["speakerRole"];
  /** "comment 3" or the call time "00:23:41". */
  readonly place: string;
  readonly text: string;
  readonly containsQuote: boolean;
  /** Where the quote sits inside `text`, when it is there. */
  readonly quoteStart?: number;
  readonly quoteEnd?: number;
}

export interface EvidenceInContext {
  readonly evidence: CitedEvidence;
  readonly passages: readonly ContextPassage[];
}

/** Turns shown around a quote: the one before (the question it answers) and, in a call, the one after. */
const PASSAGES_BEFORE = 1;
const CALL_PASSAGES_AFTER = 1;
/** A passage longer than this is cut around the quote, so one long comment does not flood the page. */
const PASSAGE_LIMIT = 600;

/** One evidence row in the read model, with its citation; undefined when there is no such row. */
export async function findEvidence(services: Services, evidenceId: string): Promise<CitedEvidence | undefined> {
  const accountId = await evidenceAccountId(services.database, evidenceId);
  if (accountId === undefined) return undefined;
  return (await listEvidence(services, { accountId })).find((row) => row.id === evidenceId);
}

/** One account's facts, or undefined when there is no such account. */
export async function findAccount(services: Services, accountId: string): Promise<Account | undefined> {
  return storedAccount(services.database, accountId);
}

/** One hypothesis by id, or undefined. */
export async function findHypothesis(services: Services, hypothesisId: string): Promise<StoredHypothesis | undefined> {
  if (!/^[0-9]{1,18}$/.test(hypothesisId)) return undefined;
  return storedHypothesis(services.database, hypothesisId);
}

/** The gates of the readiness run a hypothesis was drafted from (empty when that run is gone). */
export async function gatesOfAssessment(services: Services, hypothesis: Pick<StoredHypothesis, "accountId" | "assessmentId">): Promise<readonly GateResult[]> {
  if (hypothesis.assessmentId === null) return [];
  const result = (await assessmentResult(services.database, hypothesis.accountId, hypothesis.assessmentId)) as Partial<ReadinessResult> | undefined;
  return result?.gates ?? [];
}

function placeOf(segment: Segment): string {
  if (segment.commentRef !== undefined) return `comment ${segment.commentRef}`;
  if (segment.callOffsetSeconds !== undefined) return formatCallOffset(segment.callOffsetSeconds);
  return "";
}

function passageOf(fullText: string, segment: Segment, quote?: { start: number; end: number }): ContextPassage {
  let start = segment.start;
  let end = segment.end;
  if (end - start > PASSAGE_LIMIT) {
    const centre = quote === undefined ? start : Math.floor((quote.start + quote.end) / 2);
    start = Math.max(segment.start, Math.min(centre - PASSAGE_LIMIT / 2, segment.end - PASSAGE_LIMIT));
    end = Math.min(segment.end, start + PASSAGE_LIMIT);
    if (quote !== undefined) {
      start = Math.min(start, quote.start);
      end = Math.max(end, quote.end);
    }
  }
  const lead = start > segment.start ? "…" : "";
  const tail = end < segment.end ? "…" : "";
  const text = `${lead}${fullText.slice(start, end)}${tail}`;
  const base = { speaker: segment.speaker, speakerRole: segment.speakerRole, place: placeOf(segment), text };
  if (quote === undefined) return { ...base, containsQuote: false };
  return { ...base, containsQuote: true, quoteStart: lead.length + quote.start - start, quoteEnd: lead.length + quote.end - start };
}

/**
 * An evidence row with the words around it: the comment or turn the quote is in (the quote's offsets in
 * it), the one before, and in a call the one after, each with speaker, role and time.
 *
 * @example (await evidenceContext(services, "41"))?.passages.find((passage) => passage.containsQuote)?.place // "comment 3"
 */
export async function evidenceContext(services: Services, evidenceId: string): Promise<EvidenceInContext | undefined> {
  const evidence = await findEvidence(services, evidenceId);
  if (evidence === undefined) return undefined;
  const document = await evidenceDocumentText(services.database, evidence.accountId, evidenceId);
  if (document === undefined) return { evidence, passages: [] };
  const index = document.segments.findIndex((segment) => segment.start <= evidence.quoteStart && evidence.quoteEnd <= segment.end);
  if (index < 0) return { evidence, passages: [] };
  const after = evidence.documentKind === "call" ? CALL_PASSAGES_AFTER : 0;
  const from = Math.max(0, index - PASSAGES_BEFORE);
  const passages = document.segments
    .slice(from, index + after + 1)
    .map((segment, position) => passageOf(document.fullText, segment, from + position === index ? { start: evidence.quoteStart, end: evidence.quoteEnd } : undefined));
  return { evidence, passages };
}
