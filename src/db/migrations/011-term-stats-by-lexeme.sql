-- A search across all accounts sums each query word's chunk count over every account; the primary key
-- (account_id, lexeme) cannot find one lexeme without reading the whole table (about 100,000 rows at
-- 100,000 chunks), this index can.
create index chunk_term_stats_lexeme_idx on chunk_term_stats (lexeme);
