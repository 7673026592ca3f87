-- Search over chunks: speaker turns kept as data beside label-free chunk text, the chunking version each
-- document was cut with, and the statistics a BM25 ranking reads, kept current by statement triggers.

-- Who said which part of a chunk's text, with offsets into the chunk and into the document:
-- [{ speaker, speakerRole, textStart, textEnd, documentStart, documentEnd, callOffsetSeconds?, commentRef? }].
-- Chunks written before this migration have labels inside their text and no turns; they are chunked
-- again on the next index run (their document's chunking_version is 1).
alter table chunks add column turns jsonb not null default '[]';

-- The chunking a document's chunks were cut with; a document cut by an older version counts as changed.
alter table documents add column chunking_version integer not null default 1;

-- The length BM25 normalises by: distinct lexemes of the chunk text (what the tsvector holds).
alter table chunks add column search_length integer generated always as (length(to_tsvector('english', text))) stored;

-- Per account: how many chunks hold each lexeme (document frequency) ...
create table chunk_term_stats (
  account_id text not null,
  lexeme text not null,
  chunks integer not null check (chunks >= 0),
  primary key (account_id, lexeme)
);

-- ... and how many chunks there are and their summed length (for the average length).
create table chunk_length_stats (
  account_id text primary key,
  chunks integer not null check (chunks >= 0),
  total_length bigint not null check (total_length >= 0)
);

-- Statement-level triggers with transition tables: one aggregate per statement (a COPY of thousands of
-- rows costs one pass), and a document deleted with its chunks takes its counts with it.
create function chunk_stats_add() returns trigger language plpgsql as $$
begin
  insert into chunk_term_stats (account_id, lexeme, chunks)
  select added.account_id, term.lexeme, count(*)
    from added_chunks added, unnest(added.search_vector) as term
   group by added.account_id, term.lexeme
  on conflict (account_id, lexeme) do update set chunks = chunk_term_stats.chunks + excluded.chunks;
  insert into chunk_length_stats (account_id, chunks, total_length)
  select account_id, count(*), coalesce(sum(search_length), 0) from added_chunks group by account_id
  on conflict (account_id) do update
    set chunks = chunk_length_stats.chunks + excluded.chunks,
        total_length = chunk_length_stats.total_length + excluded.total_length;
  return null;
end;
$$;

create function chunk_stats_remove() returns trigger language plpgsql as $$
begin
  update chunk_term_stats stats
     set chunks = stats.chunks - removed.count
    from (select gone.account_id, term.lexeme, count(*) as count
            from removed_chunks gone, unnest(gone.search_vector) as term
           group by gone.account_id, term.lexeme) removed
   where stats.account_id = removed.account_id and stats.lexeme = removed.lexeme;
  update chunk_length_stats stats
     set chunks = stats.chunks - removed.count, total_length = stats.total_length - removed.length
    from (select account_id, count(*) as count, coalesce(sum(search_length), 0) as length
            from removed_chunks group by account_id) removed
   where stats.account_id = removed.account_id;
  delete from chunk_term_stats where chunks = 0;
  delete from chunk_length_stats where chunks = 0;
  return null;
end;
$$;

create trigger chunks_stats_insert after insert on chunks
  referencing new table as added_chunks for each statement execute function chunk_stats_add();
create trigger chunks_stats_delete after delete on chunks
  referencing old table as removed_chunks for each statement execute function chunk_stats_remove();

-- Chunks are written and deleted, never updated in place; refuse an update so the counts cannot drift.
create function refuse_chunk_update() returns trigger language plpgsql as $$
begin
  raise exception 'chunks are replaced, not updated (search statistics depend on it)'
    using errcode = 'feature_not_supported';
end;
$$;
create trigger chunks_no_update before update on chunks for each statement execute function refuse_chunk_update();

-- Chunks stored before this migration.
insert into chunk_term_stats (account_id, lexeme, chunks)
select c.account_id, term.lexeme, count(*) from chunks c, unnest(c.search_vector) as term group by 1, 2;
insert into chunk_length_stats (account_id, chunks, total_length)
select account_id, count(*), coalesce(sum(search_length), 0) from chunks group by account_id;
