-- Indexing at scale: the embedding space a database holds, documents unique per account, and search
-- indexes that the index job builds after a bulk load instead of maintaining them row by row during it.

-- The one embedding model and dimension every stored vector belongs to. Vectors of different models
-- or sizes cannot be compared, so a database holds at most one space (one row).
create table embedding_space (
  singleton boolean primary key default true check (singleton),
  model_id text not null,
  dimensions integer not null check (dimensions between 1 and 16000),
  created_at timestamptz not null default now()
);

-- A database indexed before this migration adopts the space of the vectors it already holds.
insert into embedding_space (model_id, dimensions)
select embedding_model, vector_dims(embedding)
  from chunks
 where embedding is not null
 order by id
 limit 1;

-- Source references are relative to the folder they were read from, so two folders may both have
-- 'tickets/tickets.json#1'. An account belongs to one folder, which makes (account, reference) unique.
alter table documents drop constraint documents_source_ref_key;
alter table documents add constraint documents_account_source_key unique (account_id, source_ref);

-- What each ticket or call file looked like when its documents were last indexed: a hash of its bytes
-- and of everything else that decides what it becomes (vendor profile, accounts, parser, chunking,
-- embedder). An unchanged file is not even parsed on the next run. `scope` is the folder it was read from.
create table source_files (
  scope text not null,
  path text not null,
  fingerprint text not null,
  -- How many documents the file gave; a file is only skipped while that many are still stored.
  documents integer not null check (documents >= 0),
  primary key (scope, path)
);

-- Built by create_chunk_search_indexes() once chunks are loaded; a first load into an indexed table
-- would pay for the GIN and HNSW updates on every row.
drop index chunks_search_idx;

-- Drops both search indexes before a load that rewrites most of the table.
create function drop_chunk_search_indexes() returns void language plpgsql as $$
begin
  drop index if exists chunks_embedding_idx;
  drop index if exists chunks_search_idx;
end;
$$;

-- Creates the full-text (GIN) and vector (HNSW, cosine) indexes when missing. The embedding column is
-- an untyped vector (the dimension is only known once a model is chosen), and HNSW needs a fixed
-- dimension, so the vector index is on the expression embedding::vector(N), for rows of that size;
-- queries that want it must filter on vector_dims(embedding) = N and order by exactly that expression.
create function create_chunk_search_indexes(dimensions integer) returns void language plpgsql as $$
begin
  if dimensions is null or dimensions < 1 or dimensions > 2000 then
    raise exception 'an HNSW index on vector supports 1 to 2000 dimensions, not %', dimensions
      using errcode = 'invalid_parameter_value';
  end if;
  -- The graph of a large load does not fit the default 64MB and would be built far more slowly.
  perform set_config('maintenance_work_mem', '256MB', true);
  create index if not exists chunks_search_idx on chunks using gin (search_vector);
  -- Partial, so rows of another size (deleted but not yet vacuumed after a re-embed) are never cast.
  execute format(
    'create index if not exists chunks_embedding_idx on chunks using hnsw ((embedding::vector(%1$s)) vector_cosine_ops) '
    'where vector_dims(embedding) = %1$s',
    dimensions);
end;
$$;
