-- The first schema: every table the pipeline writes, from accounts to the audit trail.
-- Runs unchanged on PGlite (with its pgvector extension) and on PostgreSQL with pgvector.

create extension if not exists vector;

create table accounts (
  id text primary key check (id ~ '^[a-z0-9][a-z0-9-]*$'),
  name text not null,
  tier text not null,
  arr numeric(14, 2) not null check (arr >= 0),
  health text not null check (health in ('green', 'yellow', 'red', 'unknown')),
  health_trend text not null default 'unknown' check (health_trend in ('up', 'flat', 'down', 'unknown')),
  licensed_seats integer check (licensed_seats >= 0),
  renewal_date date,
  champion text,
  economic_buyer text,
  domains text[] not null default '{}',
  add_ons text[] not null default '{}',
  source_ref text not null,
  updated_at timestamptz not null default now()
);

create table documents (
  id bigint generated always as identity primary key,
  account_id text not null references accounts (id) on delete cascade,
  kind text not null check (kind in ('ticket', 'call')),
  -- Stable reference to where the text came from, e.g. 'tickets/brightpath.json#1001'.
  source_ref text not null unique,
  title text,
  occurred_at timestamptz,
  full_text text not null,
  content_hash text not null,
  metadata jsonb not null default '{}',
  indexed_at timestamptz not null default now()
);

create index documents_account_idx on documents (account_id, occurred_at);

create table chunks (
  id bigint generated always as identity primary key,
  document_id bigint not null references documents (id) on delete cascade,
  -- Repeated from the document so per-account filters and sharding never need a join.
  account_id text not null references accounts (id) on delete cascade,
  ordinal integer not null check (ordinal >= 0),
  start_offset integer not null check (start_offset >= 0),
  end_offset integer not null,
  text text not null,
  speaker text,
  speaker_role text not null default 'unknown' check (speaker_role in ('customer', 'vendor', 'unknown')),
  -- Seconds from the start of a call; null for tickets.
  call_offset_seconds double precision check (call_offset_seconds >= 0),
  -- Ticket comment id; null for calls.
  comment_ref text,
  embedding vector,
  embedding_model text,
  search_vector tsvector generated always as (to_tsvector('english', text)) stored,
  unique (document_id, ordinal),
  check (end_offset >= start_offset),
  check ((embedding is null) = (embedding_model is null))
);

create index chunks_account_idx on chunks (account_id);
create index chunks_search_idx on chunks using gin (search_vector);

create table usage_metrics (
  account_id text not null references accounts (id) on delete cascade,
  metric text not null,
  measured_on date not null,
  value double precision not null,
  source_ref text not null,
  primary key (account_id, metric, measured_on)
);

create table runs (
  id bigint generated always as identity primary key,
  command text not null,
  arguments jsonb not null default '{}',
  tool_version text not null,
  -- Versions that decide the result: taxonomy, prompt hashes, model ids, rules file.
  versions jsonb not null default '{}',
  status text not null default 'running' check (status in ('running', 'succeeded', 'failed')),
  summary jsonb not null default '{}',
  started_at timestamptz not null default now(),
  finished_at timestamptz
);

create table evidence (
  id bigint generated always as identity primary key,
  account_id text not null references accounts (id) on delete cascade,
  document_id bigint not null references documents (id) on delete cascade,
  chunk_id bigint references chunks (id) on delete set null,
  signal_id text not null,
  quote text not null,
  -- Offsets of the quote in documents.full_text: every citation points at the exact words.
  quote_start integer not null check (quote_start >= 0),
  quote_end integer not null,
  alignment text not null check (alignment in ('exact', 'normalised')),
  speaker text,
  speaker_role text not null check (speaker_role in ('customer', 'vendor', 'unknown')),
  confidence double precision check (confidence between 0 and 1),
  extractor_provider text not null,
  extractor_model text not null,
  prompt_hash text,
  run_id bigint references runs (id) on delete set null,
  status text not null default 'active' check (status in ('active', 'disputed')),
  created_at timestamptz not null default now(),
  check (quote_end > quote_start)
);

create index evidence_account_idx on evidence (account_id, signal_id);

create table hypotheses (
  id bigint generated always as identity primary key,
  account_id text not null references accounts (id) on delete cascade,
  expansion_type text not null
    check (expansion_type in ('volume', 'tier_upgrade', 'cross_sell', 'new_department', 'new_use_case')),
  verdict text not null check (verdict in ('ready', 'fix_footprint', 'no_pull', 'insufficient_evidence')),
  status text not null default 'draft' check (status in ('draft', 'approved', 'rejected', 'stale')),
  status_reason text,
  -- The brief: proven value, account learning, stakeholder pull, next adjacency, risks, next action.
  content jsonb not null,
  evidence_ids bigint[] not null default '{}',
  rules_version text not null,
  run_id bigint references runs (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create index hypotheses_account_idx on hypotheses (account_id, status);

-- Append-only: who did what, when, with the verdict and evidence at that moment.
create table audit_events (
  id bigint generated always as identity primary key,
  occurred_at timestamptz not null default now(),
  actor text not null,
  action text not null,
  subject_type text not null,
  subject_id text not null,
  details jsonb not null default '{}'
);

create function refuse_audit_change() returns trigger language plpgsql as $$
begin
  raise exception 'audit_events is append-only: % is not allowed', tg_op
    using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_events_append_only
  before update or delete on audit_events
  for each row execute function refuse_audit_change();

create trigger audit_events_no_truncate
  before truncate on audit_events
  for each statement execute function refuse_audit_change();
