-- The review workflow: a re-drafted hypothesis names the one it replaces, a dispute can be withdrawn, and
-- an account's history is read by an index instead of a scan of the whole audit trail.

-- The hypothesis a new draft replaces (a stale approval, a rejection whose basis changed). The replaced
-- one leaves the default listing; an approval can be carried over to its successor in one step.
-- Keyed with the account, as every key since migration 007 (a successor is always of the same account).
alter table hypotheses add column supersedes_id bigint;
alter table hypotheses add foreign key (account_id, supersedes_id) references hypotheses (account_id, id) on delete set null (supersedes_id);
create index hypotheses_supersedes_idx on hypotheses (supersedes_id) where supersedes_id is not null;

-- A withdrawn dispute keeps its label row (the audit trail points at it) but stops counting as a label.
alter table evidence_labels
  add column withdrawn_at timestamptz,
  add column withdrawn_by text;

-- `evidence history <account>`: events about the account and events whose details name it.
create index audit_events_account_idx on audit_events ((details ->> 'accountId'), id);
create index audit_events_subject_idx on audit_events (subject_type, subject_id, id);
