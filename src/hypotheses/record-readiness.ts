import { createHash } from "node:crypto";
import { lockAccount } from "../db/account-store.js";
import { appendAuditEvent } from "../db/audit-store.js";
import type { Database, Queryable } from "../db/database.js";
import {
  currentHypotheses,
  insertAssessment,
  insertHypothesis,
  latestAssessmentBasis,
  lockOpenHypotheses,
  setHypothesisStatus,
  unreplacedStaleHypotheses,
  updateDraft,
  type HypothesisValues,
  type StoredHypothesis,
} from "../db/hypothesis-store.js";
import { sortedIds } from "../rules/evidence-timeline.js";
import type { ReadinessAssessment } from "./assess-account.js";
import { draftHypotheses } from "./build-hypotheses.js";
import type { HypothesisDraft } from "./hypothesis-content.js";
import type { HypothesisWriter } from "./hypothesis-writer.js";

export type HypothesisChange = "drafted" | "updated" | "unchanged" | "kept";

export interface RecordedHypothesis {
  readonly id: string;
  readonly expansionType: string;
  readonly status: "draft" | "approved" | "rejected";
  readonly change: HypothesisChange;
  /** The hypothesis a new draft replaces (a stale approval or a rejection whose basis changed). */
  readonly supersedes?: string;
  /** True when the replaced hypothesis was approved with the same verdict: `approve <id> --carry-over` applies. */
  readonly carryOverPossible?: boolean;
}

export interface RecordedReadiness {
  readonly assessmentId: string;
  readonly hypotheses: readonly RecordedHypothesis[];
  /** Hypotheses this run made stale, with the reason stored on each. */
  readonly staled: readonly { readonly id: string; readonly expansionType: string; readonly reason: string }[];
  /**
   * True when nothing that feeds the rules changed since the latest stored run (same evidence, rules,
   * day and result): nothing new was stored and `assessmentId` is that run's.
   */
  readonly unchanged?: boolean;
}

export interface RecordOptions {
  /** Who ran it, for the audit trail. */
  readonly actor: string;
  readonly writer?: HypothesisWriter;
  readonly runId?: number;
}

/** sha256 of the sorted evidence ids: two hypotheses rest on the same evidence when these match. */
export function evidenceSetHash(ids: readonly string[]): string {
  return createHash("sha256").update(sortedIds(ids).join(",")).digest("hex");
}

/** An approval can be carried over to the draft that replaced it when the verdict and type are the same. */
export function canCarryOver(before: Pick<StoredHypothesis, "status" | "reviewedBy" | "verdict" | "expansionType">, draft: { verdict: string; expansionType: string }): boolean {
  const wasApproved = before.status === "approved" || (before.status === "stale" && before.reviewedBy !== null);
  return wasApproved && before.verdict === draft.verdict && before.expansionType === draft.expansionType;
}

/**
 * The stored run this assessment would repeat, or undefined when something that feeds the rules changed:
 * the evidence set, the rules version, the day or anything in the result (account facts, usage, vendor
 * profile all show there).
 */
export async function unchangedAssessment(database: Queryable, assessment: ReadinessAssessment): Promise<string | undefined> {
  const latest = await latestAssessmentBasis(database, assessment.result.accountId);
  if (latest === undefined) return undefined;
  const evidenceIds = sortedIds(assessment.input.evidence.map((fact) => fact.id));
  const same =
    latest.asOf === assessment.result.asOf &&
    latest.rulesVersion === assessment.result.rulesVersion &&
    latest.evidenceIds.join(",") === evidenceIds.join(",") &&
    stableJson(latest.result) === stableJson(assessment.result);
  return same ? latest.id : undefined;
}

/** JSON with object keys sorted: jsonb does not keep key order, so plain stringify cannot compare. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item !== null && typeof item === "object" && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0)))
      : item,
  );
}

/** Why an approval no longer holds, in words a reviewer can check. Undefined when nothing that matters changed. */
export function staleReason(before: StoredHypothesis, draft: HypothesisDraft): string | undefined {
  const reasons: string[] = [];
  if (before.verdict !== draft.verdict) reasons.push(`verdict changed from ${before.verdict} to ${draft.verdict}`);
  if (before.evidenceSetHash !== evidenceSetHash(draft.evidenceIds)) {
    const added = draft.evidenceIds.filter((id) => !before.evidenceIds.includes(id));
    const removed = before.evidenceIds.filter((id) => !draft.evidenceIds.includes(id));
    const parts = [
      added.length === 0 ? "" : `new evidence ${added.map((id) => `#${id}`).join(", ")}`,
      removed.length === 0 ? "" : `no longer counted ${removed.map((id) => `#${id}`).join(", ")}`,
    ].filter((part) => part !== "");
    reasons.push(`evidence changed (${parts.join("; ")})`);
  }
  if (reasons.length === 0) return undefined;
  if (before.rulesVersion !== draft.rulesVersion) reasons.push(`after a rules change from ${before.rulesVersion} to ${draft.rulesVersion}`);
  return reasons.join("; ");
}

function auditDetails(values: { accountId: string; expansionType: string; verdict: string; evidenceIds: readonly string[]; rulesVersion: string; assessmentId: string | null }) {
  return {
    accountId: values.accountId,
    expansionType: values.expansionType,
    verdict: values.verdict,
    evidenceIds: [...values.evidenceIds],
    rulesVersion: values.rulesVersion,
    assessmentId: values.assessmentId,
  };
}

async function markStale(transaction: Queryable, hypothesis: StoredHypothesis, reason: string, actor: string): Promise<void> {
  await setHypothesisStatus(transaction, hypothesis.id, { status: "stale", reason });
  await appendAuditEvent(transaction, {
    actor,
    action: "hypothesis.stale",
    subjectType: "hypothesis",
    subjectId: hypothesis.id,
    details: { ...auditDetails(hypothesis), from: hypothesis.status, to: "stale", reason },
  });
}

/**
 * Stores a readiness result and its hypotheses in one transaction, and keeps reviews honest: a draft is
 * rewritten, an approval whose verdict or evidence changed becomes `stale` (with the reason) and a new
 * draft takes its place, a rejection stays rejected while nothing changed. Every change is an audit event.
 */
export async function recordReadiness(database: Database, assessment: ReadinessAssessment, options: RecordOptions): Promise<RecordedReadiness> {
  // Prose first, outside the transaction: a writer may be slow (a model), and must not hold locks.
  const drafts = await draftHypotheses(assessment, options.writer);
  const { result, input } = assessment;
  return database.transaction(async (transaction) => {
    // Two runs for one account take turns, so they never both draft the same expansion type.
    await lockAccount(transaction, result.accountId);
    const assessmentId = await insertAssessment(transaction, {
      accountId: result.accountId,
      asOf: result.asOf,
      verdict: result.verdict,
      result,
      evidenceIds: sortedIds(input.evidence.map((fact) => fact.id)),
      rulesVersion: result.rulesVersion,
      ...(options.runId === undefined ? {} : { runId: options.runId }),
    });
    await appendAuditEvent(transaction, {
      actor: options.actor,
      action: "readiness.assessed",
      subjectType: "account",
      subjectId: result.accountId,
      details: {
        assessmentId,
        asOf: result.asOf,
        verdict: result.verdict,
        expansionTypes: result.expansionTypes.map((support) => support.type),
        evidenceIds: sortedIds(input.evidence.map((fact) => fact.id)),
        rulesVersion: result.rulesVersion,
      },
    });

    await lockOpenHypotheses(transaction, result.accountId);
    // Read after the lock: a statement that starts now sees every review that committed while we waited.
    const current = new Map((await currentHypotheses(transaction, result.accountId)).map((hypothesis) => [hypothesis.expansionType, hypothesis]));
    // A stale hypothesis (disputed evidence, or no longer supported) is replaced by the next draft of its type.
    const staleByType = new Map((await unreplacedStaleHypotheses(transaction, result.accountId)).map((hypothesis) => [hypothesis.expansionType, hypothesis]));
    const recorded: RecordedHypothesis[] = [];
    const staled: { id: string; expansionType: string; reason: string }[] = [];
    const draftNew = async (values: HypothesisValues, replaced: StoredHypothesis | undefined) => {
      const id = await insertHypothesis(transaction, { ...values, supersedesId: replaced?.id });
      await appendAuditEvent(transaction, {
        actor: options.actor,
        action: "hypothesis.drafted",
        subjectType: "hypothesis",
        subjectId: id,
        details: { ...auditDetails(values), to: "draft", ...(replaced === undefined ? {} : { supersedes: replaced.id }) },
      });
      recorded.push({
        id,
        expansionType: values.expansionType,
        status: "draft",
        change: "drafted",
        ...(replaced === undefined ? {} : { supersedes: replaced.id, carryOverPossible: canCarryOver(replaced, values) }),
      });
    };

    for (const draft of drafts) {
      const values: HypothesisValues = {
        accountId: draft.accountId,
        expansionType: draft.expansionType,
        verdict: draft.verdict,
        content: draft.content,
        evidenceIds: draft.evidenceIds,
        evidenceSetHash: evidenceSetHash(draft.evidenceIds),
        rulesVersion: draft.rulesVersion,
        assessmentId,
        asOf: draft.asOf,
        ...(options.runId === undefined ? {} : { runId: options.runId }),
      };
      const before = current.get(draft.expansionType);
      current.delete(draft.expansionType);
      if (before === undefined) {
        await draftNew(values, staleByType.get(draft.expansionType));
        continue;
      }
      const reason = staleReason(before, draft);
      if (before.status === "draft") {
        const changed = reason !== undefined || before.rulesVersion !== draft.rulesVersion || stableJson(before.content) !== stableJson(draft.content);
        if (changed) {
          await updateDraft(transaction, before.id, values);
          await appendAuditEvent(transaction, {
            actor: options.actor,
            action: "hypothesis.updated",
            subjectType: "hypothesis",
            subjectId: before.id,
            details: { ...auditDetails(values), ...(reason === undefined ? {} : { reason }) },
          });
        }
        recorded.push({ id: before.id, expansionType: draft.expansionType, status: "draft", change: changed ? "updated" : "unchanged" });
      } else if (reason === undefined) {
        recorded.push({ id: before.id, expansionType: draft.expansionType, status: before.status === "approved" ? "approved" : "rejected", change: "kept" });
      } else {
        if (before.status === "approved") {
          await markStale(transaction, before, reason, options.actor);
          staled.push({ id: before.id, expansionType: before.expansionType, reason });
        }
        await draftNew(values, { ...before, status: before.status === "approved" ? "stale" : before.status });
      }
    }

    // Open hypotheses of types the customer side no longer supports.
    for (const before of current.values()) {
      if (before.status !== "draft" && before.status !== "approved") continue;
      const reason = `customer-side evidence no longer supports ${before.expansionType} (verdict now ${result.verdict})`;
      await markStale(transaction, before, reason, options.actor);
      staled.push({ id: before.id, expansionType: before.expansionType, reason });
    }
    return { assessmentId, hypotheses: recorded, staled };
  });
}
