import type { Queryable } from "./database.js";

export type HypothesisStatus = "draft" | "approved" | "rejected" | "stale";

/** A stored hypothesis row, as the review commands read it. */
export interface StoredHypothesis {
  readonly id: string;
  readonly accountId: string;
  readonly expansionType: string;
  readonly verdict: string;
  readonly status: HypothesisStatus;
  readonly statusReason: string | null;
  readonly content: Record<string, unknown>;
  readonly evidenceIds: readonly string[];
  readonly evidenceSetHash: string | null;
  readonly rulesVersion: string;
  readonly assessmentId: string | null;
  readonly asOf: string | null;
  readonly reviewedBy: string | null;
  readonly reviewedAt: string | null;
  readonly reviewComment: string | null;
  readonly overrideReason: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** The hypothesis this one replaced (a re-drafted stale approval or rejection), or null. */
  readonly supersedesId: string | null;
  /** The newer draft that replaced this one, or null while it is current. */
  readonly supersededBy: string | null;
}

const HYPOTHESIS_COLUMNS = `id::text as id, account_id, expansion_type, verdict, status, status_reason, content,
  array(select unnest(evidence_ids)::text) as evidence_ids, evidence_set_hash, rules_version,
  assessment_id::text as assessment_id, as_of::text as as_of, reviewed_by,
  to_char(reviewed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as reviewed_at, review_comment, override_reason,
  to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as created_at,
  to_char(updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as updated_at,
  supersedes_id::text as supersedes_id,
  (select max(successor.id)::text from hypotheses successor where successor.supersedes_id = hypotheses.id) as superseded_by`;

interface HypothesisRow {
  id: string;
  account_id: string;
  expansion_type: string;
  verdict: string;
  status: HypothesisStatus;
  status_reason: string | null;
  content: Record<string, unknown> | string;
  evidence_ids: string[];
  evidence_set_hash: string | null;
  rules_version: string;
  assessment_id: string | null;
  as_of: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  review_comment: string | null;
  override_reason: string | null;
  created_at: string;
  updated_at: string;
  supersedes_id: string | null;
  superseded_by: string | null;
}

function toHypothesis(row: HypothesisRow): StoredHypothesis {
  return {
    id: row.id,
    accountId: row.account_id,
    expansionType: row.expansion_type,
    verdict: row.verdict,
    status: row.status,
    statusReason: row.status_reason,
    content: typeof row.content === "string" ? (JSON.parse(row.content) as Record<string, unknown>) : row.content,
    evidenceIds: row.evidence_ids,
    evidenceSetHash: row.evidence_set_hash,
    rulesVersion: row.rules_version,
    assessmentId: row.assessment_id,
    asOf: row.as_of,
    reviewedBy: row.reviewed_by,
    reviewedAt: row.reviewed_at,
    reviewComment: row.review_comment,
    overrideReason: row.override_reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    supersedesId: row.supersedes_id,
    supersededBy: row.superseded_by,
  };
}

export interface NewAssessment {
  readonly accountId: string;
  readonly asOf: string;
  readonly verdict: string;
  readonly result: unknown;
  readonly evidenceIds: readonly string[];
  readonly rulesVersion: string;
  readonly runId?: number;
}

export async function insertAssessment(database: Queryable, assessment: NewAssessment): Promise<string> {
  const [row] = await database.query<{ id: string }>(
    `insert into readiness_assessments (account_id, as_of, verdict, result, evidence_ids, rules_version, run_id)
     values ($1, $2, $3, $4, $5::bigint[], $6, $7) returning id::text as id`,
    [
      assessment.accountId,
      assessment.asOf,
      assessment.verdict,
      JSON.stringify(assessment.result),
      assessment.evidenceIds,
      assessment.rulesVersion,
      assessment.runId ?? null,
    ],
  );
  if (row === undefined) throw new Error("insert into readiness_assessments returned no id");
  return row.id;
}

/** The latest stored readiness result of an account, or undefined. */
export async function latestAssessment(
  database: Queryable,
  accountId: string,
): Promise<{ id: string; verdict: string; result: unknown; rulesVersion: string; asOf: string } | undefined> {
  const [row] = await database.query<{ id: string; verdict: string; result: unknown; rules_version: string; as_of: string }>(
    `select id::text as id, verdict, result, rules_version, as_of::text as as_of from readiness_assessments
      where account_id = $1 order by id desc limit 1`,
    [accountId],
  );
  return row === undefined
    ? undefined
    : { id: row.id, verdict: row.verdict, result: typeof row.result === "string" ? JSON.parse(row.result) : row.result, rulesVersion: row.rules_version, asOf: row.as_of };
}

export interface HypothesisValues {
  readonly accountId: string;
  readonly expansionType: string;
  readonly verdict: string;
  readonly content: unknown;
  readonly evidenceIds: readonly string[];
  readonly evidenceSetHash: string;
  readonly rulesVersion: string;
  readonly assessmentId: string;
  readonly asOf: string;
  readonly runId?: number;
  /** The hypothesis the new draft replaces (insert only). */
  readonly supersedesId?: string | undefined;
}

export async function insertHypothesis(database: Queryable, values: HypothesisValues): Promise<string> {
  const [row] = await database.query<{ id: string }>(
    `insert into hypotheses (account_id, expansion_type, verdict, status, content, evidence_ids, evidence_set_hash,
                             rules_version, assessment_id, as_of, run_id, supersedes_id)
     values ($1, $2, $3, 'draft', $4, $5::bigint[], $6, $7, $8, $9, $10, $11) returning id::text as id`,
    [
      values.accountId,
      values.expansionType,
      values.verdict,
      JSON.stringify(values.content),
      values.evidenceIds,
      values.evidenceSetHash,
      values.rulesVersion,
      values.assessmentId,
      values.asOf,
      values.runId ?? null,
      values.supersedesId ?? null,
    ],
  );
  if (row === undefined) throw new Error("insert into hypotheses returned no id");
  return row.id;
}

/** Rewrites a draft with a newer result (a draft has no review to lose). */
export async function updateDraft(database: Queryable, id: string, values: HypothesisValues): Promise<void> {
  await database.query(
    `update hypotheses set verdict = $2, content = $3, evidence_ids = $4::bigint[], evidence_set_hash = $5, rules_version = $6,
            assessment_id = $7, as_of = $8, run_id = $9, updated_at = now()
      where id = $1 and status = 'draft'`,
    [
      id,
      values.verdict,
      JSON.stringify(values.content),
      values.evidenceIds,
      values.evidenceSetHash,
      values.rulesVersion,
      values.assessmentId,
      values.asOf,
      values.runId ?? null,
    ],
  );
}

export async function setHypothesisStatus(
  database: Queryable,
  id: string,
  change: {
    status: HypothesisStatus;
    reason?: string | undefined;
    reviewer?: string | undefined;
    comment?: string | undefined;
    overrideReason?: string | undefined;
  },
): Promise<void> {
  const reviewed = change.reviewer !== undefined;
  await database.query(
    `update hypotheses set status = $2, status_reason = $3, updated_at = now(),
            reviewed_by = case when $4 then $5 else reviewed_by end,
            reviewed_at = case when $4 then now() else reviewed_at end,
            review_comment = case when $4 then $6 else review_comment end,
            override_reason = case when $4 then $7 else override_reason end
      where id = $1`,
    [id, change.status, change.reason ?? null, reviewed, change.reviewer ?? null, change.comment ?? null, change.overrideReason ?? null],
  );
}

/** One hypothesis by id; `forUpdate` locks the row for the rest of the caller's transaction. */
export async function findHypothesis(database: Queryable, id: string, options: { forUpdate?: boolean } = {}): Promise<StoredHypothesis | undefined> {
  if (!/^\d+$/.test(id)) return undefined;
  const [row] = await database.query<HypothesisRow>(
    `select ${HYPOTHESIS_COLUMNS} from hypotheses where id = $1${options.forUpdate === true ? " for update" : ""}`,
    [id],
  );
  return row === undefined ? undefined : toHypothesis(row);
}

/** Hypotheses in account and id order; `currentOnly` leaves out those a newer draft replaced. */
export async function listHypotheses(
  database: Queryable,
  filter: { accountId?: string | undefined; status?: HypothesisStatus | undefined; currentOnly?: boolean | undefined } = {},
): Promise<StoredHypothesis[]> {
  const rows = await database.query<HypothesisRow>(
    `select ${HYPOTHESIS_COLUMNS} from hypotheses
      where ($1::text is null or account_id = $1) and ($2::text is null or status = $2)
        and (not $3 or not exists (select 1 from hypotheses successor where successor.supersedes_id = hypotheses.id))
      order by account_id, id`,
    [filter.accountId ?? null, filter.status ?? null, filter.currentOnly === true],
  );
  return rows.map(toHypothesis);
}

/**
 * Locks an account's open hypotheses until the transaction ends, so that a review in flight either
 * finishes before a readiness run reads them or waits for it: read without the lock, a draft could be
 * approved between the read and the rewrite, and the approval would stand on evidence the run replaced.
 */
export async function lockOpenHypotheses(transaction: Queryable, accountId: string): Promise<void> {
  await transaction.query("select id from hypotheses where account_id = $1 and status in ('draft', 'approved') order by id for update", [accountId]);
}

/**
 * The hypothesis of each expansion type a re-run compares against: the open one (draft or approved), or
 * else the latest rejected one (a rejection is not re-drafted while nothing changed).
 */
export async function currentHypotheses(database: Queryable, accountId: string): Promise<StoredHypothesis[]> {
  const rows = await database.query<HypothesisRow>(
    `select distinct on (expansion_type) ${HYPOTHESIS_COLUMNS} from hypotheses
      where account_id = $1 and status in ('draft', 'approved', 'rejected')
      order by expansion_type, (status in ('draft', 'approved')) desc, id desc`,
    [accountId],
  );
  return rows.map(toHypothesis);
}

/** Per expansion type, the latest stale hypothesis no newer draft has replaced yet: what a new draft supersedes. */
export async function unreplacedStaleHypotheses(database: Queryable, accountId: string): Promise<StoredHypothesis[]> {
  const rows = await database.query<HypothesisRow>(
    `select distinct on (expansion_type) ${HYPOTHESIS_COLUMNS} from hypotheses
      where account_id = $1 and status = 'stale'
        and not exists (select 1 from hypotheses successor where successor.supersedes_id = hypotheses.id)
      order by expansion_type, id desc`,
    [accountId],
  );
  return rows.map(toHypothesis);
}

/** A stored readiness run of one account, as the history lists it. */
export interface StoredAssessment {
  readonly id: string;
  readonly accountId: string;
  readonly asOf: string;
  readonly verdict: string;
  readonly rulesVersion: string;
  readonly evidenceIds: readonly string[];
  readonly createdAt: string;
}

/** An account's readiness runs, newest first. */
export async function listAssessments(database: Queryable, accountId: string): Promise<StoredAssessment[]> {
  const rows = await database.query<{ id: string; account_id: string; as_of: string; verdict: string; rules_version: string; evidence_ids: string[]; created_at: string }>(
    `select id::text as id, account_id, as_of::text as as_of, verdict, rules_version, array(select unnest(evidence_ids)::text) as evidence_ids,
            to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as created_at
       from readiness_assessments where account_id = $1 order by id desc`,
    [accountId],
  );
  return rows.map((row) => ({
    id: row.id,
    accountId: row.account_id,
    asOf: row.as_of,
    verdict: row.verdict,
    rulesVersion: row.rules_version,
    evidenceIds: row.evidence_ids,
    createdAt: row.created_at,
  }));
}

/** The latest stored run's inputs and result, to tell whether a new run would change anything. */
export async function latestAssessmentBasis(
  database: Queryable,
  accountId: string,
): Promise<{ id: string; asOf: string; result: unknown; evidenceIds: readonly string[]; rulesVersion: string } | undefined> {
  const [row] = await database.query<{ id: string; as_of: string; result: unknown; evidence_ids: string[]; rules_version: string }>(
    `select id::text as id, as_of::text as as_of, result, array(select unnest(evidence_ids)::text) as evidence_ids, rules_version
       from readiness_assessments where account_id = $1 order by id desc limit 1`,
    [accountId],
  );
  if (row === undefined) return undefined;
  return {
    id: row.id,
    asOf: row.as_of,
    result: typeof row.result === "string" ? (JSON.parse(row.result) as unknown) : row.result,
    evidenceIds: row.evidence_ids,
    rulesVersion: row.rules_version,
  };
}

/** Open hypotheses (draft or approved) that cite an evidence row. */
export async function openHypothesesCiting(database: Queryable, evidenceId: string): Promise<StoredHypothesis[]> {
  const rows = await database.query<HypothesisRow>(
    `select ${HYPOTHESIS_COLUMNS} from hypotheses where status in ('draft', 'approved') and $1::bigint = any(evidence_ids) order by id`,
    [evidenceId],
  );
  return rows.map(toHypothesis);
}
