-- Keys scoped by account, so the schema can be distributed by account_id on Citus as it stands
-- (docs/scaling.md): a distributed table's primary and unique keys must contain its distribution column,
-- and a foreign key between two distributed tables must join on it. On one machine this changes nothing a
-- query sees; ids stay unique on their own (they still come from one identity sequence per table).

-- Foreign keys that point at the keys about to change go first, and come back scoped below.
alter table chunks drop constraint chunks_document_id_fkey;
alter table evidence drop constraint evidence_document_id_fkey;
alter table evidence drop constraint evidence_chunk_id_fkey;
alter table hypotheses drop constraint hypotheses_assessment_id_fkey;
alter table evidence_labels drop constraint evidence_labels_evidence_id_fkey;

alter table documents drop constraint documents_pkey, add primary key (account_id, id);
alter table chunks drop constraint chunks_pkey, add primary key (account_id, id);
alter table chunks drop constraint chunks_document_id_ordinal_key, add unique (account_id, document_id, ordinal);
alter table evidence drop constraint evidence_pkey, add primary key (account_id, id);
alter table readiness_assessments drop constraint readiness_assessments_pkey, add primary key (account_id, id);
alter table hypotheses drop constraint hypotheses_pkey, add primary key (account_id, id);
alter table evidence_labels drop constraint evidence_labels_pkey, add primary key (account_id, id);

-- One row per signal per quoted span of a document, now within its account (replaceChunkEvidence's
-- ON CONFLICT names these columns).
drop index evidence_span_idx;
create unique index evidence_span_idx on evidence (account_id, document_id, signal_id, quote_start, quote_end);

-- A reviewer names a hypothesis or an evidence row by id alone, and an extraction reads chunks by id:
-- the primary key starts with account_id, so these lookups keep an index of their own (one row per
-- shard to check on Citus: a deliberate fan-out, see src/db/account-scope.ts).
create index documents_id_idx on documents (id);
create index chunks_id_idx on chunks (id);
create index evidence_id_idx on evidence (id);
create index hypotheses_id_idx on hypotheses (id);

-- The primary key (account_id, id) now serves every per-account filter of chunks.
drop index chunks_account_idx;

-- The same references, joined on the account too. SET NULL names its column: account_id must stay.
alter table chunks add foreign key (account_id, document_id) references documents (account_id, id) on delete cascade;
alter table evidence add foreign key (account_id, document_id) references documents (account_id, id) on delete cascade;
alter table evidence add foreign key (account_id, chunk_id) references chunks (account_id, id) on delete set null (chunk_id);
alter table hypotheses add foreign key (account_id, assessment_id) references readiness_assessments (account_id, id) on delete set null (assessment_id);
alter table evidence_labels add foreign key (account_id, evidence_id) references evidence (account_id, id) on delete set null (evidence_id);
