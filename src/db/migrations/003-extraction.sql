-- Evidence extraction: a cache of extractor answers, citation places on evidence rows, and one row per
-- cited span, so re-running an extraction never duplicates evidence.

-- What an extractor answered for a chunk's content. The key is the chunk's content hash (its text and who
-- said which part) and the extractor id (provider, model and prompt hash): an unchanged chunk read by an
-- unchanged extractor is never sent again. Candidates are stored before the citation check, which is
-- cheap and always runs again.
create table extraction_cache (
  chunk_hash text not null,
  extractor_id text not null,
  candidates jsonb not null,
  prompt_tokens integer not null default 0 check (prompt_tokens >= 0),
  completion_tokens integer not null default 0 check (completion_tokens >= 0),
  created_at timestamptz not null default now(),
  primary key (chunk_hash, extractor_id)
);

-- Where the quoted words were said, for citations: the ticket comment, or seconds into the call.
alter table evidence add column comment_ref text;
alter table evidence add column call_offset_seconds double precision check (call_offset_seconds >= 0);

-- One row per signal per quoted span of a document: a re-run updates the row (and keeps its id, which
-- hypotheses refer to) instead of adding another.
create unique index evidence_span_idx on evidence (document_id, signal_id, quote_start, quote_end);
