-- The BM25 length of a chunk (its distinct lexemes) is the length of the full-text vector the row already
-- stores. Migration 006 kept it in a generated column of its own, and since a generated column cannot read
-- another one, every chunk written ran to_tsvector over its text twice: about a third of the cost of a
-- chunk insert on a server. length(search_vector) reads the same number from the vector's header.
create or replace function chunk_stats_add() returns trigger language plpgsql as $$
begin
  insert into chunk_term_stats (account_id, lexeme, chunks)
  select added.account_id, term.lexeme, count(*)
    from added_chunks added, unnest(added.search_vector) as term
   group by added.account_id, term.lexeme
  on conflict (account_id, lexeme) do update set chunks = chunk_term_stats.chunks + excluded.chunks;
  insert into chunk_length_stats (account_id, chunks, total_length)
  select account_id, count(*), coalesce(sum(length(search_vector)), 0) from added_chunks group by account_id
  on conflict (account_id) do update
    set chunks = chunk_length_stats.chunks + excluded.chunks,
        total_length = chunk_length_stats.total_length + excluded.total_length;
  return null;
end;
$$;

create or replace function chunk_stats_remove() returns trigger language plpgsql as $$
begin
  update chunk_term_stats stats
     set chunks = stats.chunks - removed.count
    from (select gone.account_id, term.lexeme, count(*) as count
            from removed_chunks gone, unnest(gone.search_vector) as term
           group by gone.account_id, term.lexeme) removed
   where stats.account_id = removed.account_id and stats.lexeme = removed.lexeme;
  update chunk_length_stats stats
     set chunks = stats.chunks - removed.count, total_length = stats.total_length - removed.length
    from (select account_id, count(*) as count, coalesce(sum(length(search_vector)), 0) as length
            from removed_chunks group by account_id) removed
   where stats.account_id = removed.account_id;
  delete from chunk_term_stats where chunks = 0;
  delete from chunk_length_stats where chunks = 0;
  return null;
end;
$$;

alter table chunks drop column search_length;
