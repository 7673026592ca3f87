-- Readiness and review: what the rules decided per run, what reviewers decided per hypothesis, and the
-- evidence rows reviewers marked wrong. Runs unchanged on PGlite and on PostgreSQL.

-- One row per readiness run of one account: the rules' result exactly as decided, with the evidence set
-- the rules read. Hypotheses point here, so a reviewer can always see what an approval was based on.
create table readiness_assessments (
  id bigint generated always as identity primary key,
  account_id text not null references accounts (id) on delete cascade,
  as_of date not null,
  verdict text not null check (verdict in ('ready', 'fix_footprint', 'no_pull', 'insufficient_evidence')),
  result jsonb not null,
  -- Every active evidence row the rules were given (whoever said it), in id order.
  evidence_ids bigint[] not null default '{}',
  rules_version text not null,
  run_id bigint references runs (id) on delete set null,
  created_at timestamptz not null default now()
);

create index readiness_assessments_account_idx on readiness_assessments (account_id, id desc);

alter table hypotheses
  add column assessment_id bigint references readiness_assessments (id) on delete set null,
  add column as_of date,
  -- sha256 of the sorted evidence ids: an approval goes stale when this or the verdict changes.
  add column evidence_set_hash text,
  add column reviewed_by text,
  add column reviewed_at timestamptz,
  add column review_comment text,
  -- Required to approve a hypothesis whose verdict is not ready; kept with the hypothesis and the audit event.
  add column override_reason text;

-- At most one open (draft or approved) hypothesis per account and expansion type: a re-run updates the
-- draft, or marks the approval stale and drafts anew, never piles up duplicates.
create unique index hypotheses_one_open_per_type on hypotheses (account_id, expansion_type) where status in ('draft', 'approved');

-- A reviewer's label on one evidence row. The copy of the row's facts survives re-extraction (the evidence
-- row itself may be replaced), so the eval suite keeps the label and the rules keep ignoring the quote.
create table evidence_labels (
  id bigint generated always as identity primary key,
  evidence_id bigint references evidence (id) on delete set null,
  account_id text not null references accounts (id) on delete cascade,
  label text not null check (label in ('wrong')),
  signal_id text not null,
  source_ref text not null,
  quote text not null,
  quote_start integer not null,
  quote_end integer not null,
  speaker text,
  speaker_role text not null check (speaker_role in ('customer', 'vendor', 'unknown')),
  reviewer text not null,
  comment text,
  created_at timestamptz not null default now()
);

create index evidence_labels_match_idx on evidence_labels (source_ref, signal_id, quote_start, quote_end);
