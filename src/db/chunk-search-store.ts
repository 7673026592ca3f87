import pgvector from "pgvector";
import type { SpeakerRole } from "../ingest/speaker-role.js";
import type { Queryable } from "./database.js";
import type { StoredTurn } from "./document-store.js";

/**
 * What a search may be narrowed to. `accountId` undefined means every account (the portfolio mode);
 * every other filter applies in both modes.
 */
export interface ChunkFilters {
  readonly accountId?: string | undefined;
  /** ISO dates (inclusive) on the document's date: a ticket's creation, a call's day. */
  readonly since?: string | undefined;
  readonly until?: string | undefined;
  readonly kind?: "ticket" | "call" | undefined;
  /** Chunks in which someone of this role speaks. */
  readonly speakerRole?: Exclude<SpeakerRole, "unknown"> | undefined;
  /** Chunks in which this person speaks: the full name, or a first name ("Dana" finds "Dana Okafor"). */
  readonly person?: string | undefined;
}

/**
 * How lexical hits are ranked. Every variant matches the query's words OR-ed (a passage need not hold
 * every word of a question, which `websearch_to_tsquery` would require):
 * - `ts_rank_cd`: cover density;
 * - `ts_rank_normalised`: ts_rank divided by 1 + log(length), so long chunks do not win by length;
 * - `bm25`: Okapi BM25 from the stored statistics (chunk_term_stats, chunk_length_stats; migration 006),
 *   the document frequencies of the searched scope (one account, or all).
 */
export type LexicalRanking = "ts_rank_cd" | "ts_rank_normalised" | "bm25";

export interface Bm25Parameters {
  readonly k1: number;
  readonly b: number;
}

export const DEFAULT_BM25: Bm25Parameters = { k1: 1.2, b: 0.75 };

/** A chunk found by a search, with what a citation needs. `score` is the ranking's own (higher is better). */
export interface ChunkMatch {
  readonly chunkId: number;
  readonly documentId: number;
  readonly accountId: string;
  readonly sourceRef: string;
  readonly kind: "ticket" | "call";
  readonly title: string | null;
  /** ISO timestamp of the document, or null. */
  readonly occurredAt: string | null;
  readonly text: string;
  readonly startOffset: number;
  readonly endOffset: number;
  readonly turns: readonly StoredTurn[];
  readonly score: number;
}

interface MatchRow {
  chunk_id: number | string;
  document_id: number | string;
  account_id: string;
  source_ref: string;
  kind: "ticket" | "call";
  title: string | null;
  occurred_at: string | Date | null;
  text: string;
  start_offset: number;
  end_offset: number;
  turns: StoredTurn[] | string;
  score: number | string;
}

function toMatch(row: MatchRow): ChunkMatch {
  const occurredAt = row.occurred_at === null ? null : row.occurred_at instanceof Date ? row.occurred_at.toISOString() : new Date(row.occurred_at).toISOString();
  return {
    chunkId: Number(row.chunk_id),
    documentId: Number(row.document_id),
    accountId: row.account_id,
    sourceRef: row.source_ref,
    kind: row.kind,
    title: row.title,
    occurredAt,
    text: row.text,
    startOffset: row.start_offset,
    endOffset: row.end_offset,
    turns: typeof row.turns === "string" ? (JSON.parse(row.turns) as StoredTurn[]) : row.turns,
    score: Number(row.score),
  };
}

const MATCH_COLUMNS = `c.id as chunk_id, c.document_id, c.account_id, d.source_ref, d.kind, d.title, d.occurred_at, c.text,
       c.start_offset, c.end_offset, c.turns`;

/** Collects parameters as a statement is composed, so fragments can be reused without renumbering. */
class Parameters {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** The `where` conditions (on chunks `c` joined to documents `d`) for the filters. */
function filterConditions(filters: ChunkFilters, parameters: Parameters): string[] {
  const conditions: string[] = [];
  if (filters.accountId !== undefined) conditions.push(`c.account_id = ${parameters.add(filters.accountId)}`);
  if (filters.since !== undefined) conditions.push(`d.occurred_at >= ${parameters.add(filters.since)}::date`);
  if (filters.until !== undefined) conditions.push(`d.occurred_at < ${parameters.add(filters.until)}::date + 1`);
  if (filters.kind !== undefined) conditions.push(`d.kind = ${parameters.add(filters.kind)}`);
  if (filters.speakerRole !== undefined) {
    conditions.push(`c.turns @> jsonb_build_array(jsonb_build_object('speakerRole', ${parameters.add(filters.speakerRole)}::text))`);
  }
  if (filters.person !== undefined) {
    const person = parameters.add(filters.person.trim().toLowerCase());
    conditions.push(
      `exists (select 1 from jsonb_array_elements(c.turns) as turn
                where lower(turn ->> 'speaker') = ${person} or lower(turn ->> 'speaker') like ${person} || ' %')`,
    );
  }
  return conditions;
}

/** Whether a filter reads the document (`d`) rather than the chunk alone. */
function usesDocuments(filters: ChunkFilters): boolean {
  return filters.since !== undefined || filters.until !== undefined || filters.kind !== undefined;
}

/** The query's lexemes OR-ed into one tsquery (null when the query has no searchable word). */
function orQuery(queryParameter: string): string {
  return `(select string_agg(quote_literal(lexeme), ' | ')::tsquery
             from unnest(tsvector_to_array(to_tsvector('english', ${queryParameter}))) as lexeme)`;
}

interface LexicalOptions {
  readonly ranking: LexicalRanking;
  readonly filters: ChunkFilters;
  readonly limit: number;
  readonly bm25?: Bm25Parameters | undefined;
  /**
   * BM25 only: the candidates are the chunks holding one of these lexemes (a subset of the query's);
   * every candidate is still scored on all of the query's lexemes. See bm25Candidates.
   */
  readonly candidateLexemes?: readonly string[] | undefined;
}

function lexicalStatement(query: string, options: LexicalOptions, parameters: Parameters): string {
  const queryParameter = parameters.add(query);
  const conditions = filterConditions(options.filters, parameters);
  // Inside one account the account's chunks are few: read them by the account key and test each, rather
  // than also walking the GIN index over every account (which the planner likes to AND in, and which
  // costs as much as the matches across the whole portfolio). ts_match_vq is what @@ calls; called by
  // name it is not an index condition. Across accounts the GIN index finds the candidates.
  const match = options.filters.accountId === undefined ? "c.search_vector @@ q.query" : "ts_match_vq(c.search_vector, q.query)";
  const where = [match, ...conditions].join(" and ");
  if (options.ranking !== "bm25") {
    const score = options.ranking === "ts_rank_cd" ? "ts_rank_cd(c.search_vector, q.query)" : "ts_rank(c.search_vector, q.query, 1)";
    return `select ${MATCH_COLUMNS}, ${score} as score
              from chunks c join documents d on d.id = c.document_id, (select ${orQuery(queryParameter)} as query) q
             where ${where}
             order by score desc, c.id
             limit ${parameters.add(options.limit)}`;
  }
  const { k1, b } = options.bm25 ?? DEFAULT_BM25;
  const scope = options.filters.accountId === undefined ? "true" : `account_id = ${parameters.add(options.filters.accountId)}`;
  const k1Parameter = parameters.add(k1);
  const bParameter = parameters.add(b);
  // idf = ln(1 + (N - df + 0.5) / (df + 0.5)); tf = positions of the lexeme in the chunk; length = distinct lexemes.
  // A candidate's tsvector is cut down to the query's lexemes before it is read (setweight marks them,
  // ts_filter keeps the marked ones: two passes in C), so scoring reads a few positions per chunk
  // instead of unnesting every lexeme of every candidate.
  // Two steps keep the plan cheap: the weights are materialised once (a few rows, never recomputed per
  // candidate), and only the top `limit` scored chunks are joined back for their text and citation.
  const limit = parameters.add(options.limit);
  // The documents are joined only when a filter reads them: scoring needs nothing of theirs.
  const documentJoin = usesDocuments(options.filters) ? "join documents d on d.account_id = c.account_id and d.id = c.document_id" : "";
  const candidateQuery =
    options.candidateLexemes === undefined
      ? orQuery(queryParameter)
      : `(select string_agg(quote_literal(lexeme), ' | ')::tsquery from unnest(${parameters.add(options.candidateLexemes)}::text[]) as lexeme)`;
  return `with terms as (select array(select distinct lexeme from unnest(tsvector_to_array(to_tsvector('english', ${queryParameter}))) as lexeme) as lexemes),
          q as (select ${candidateQuery} as query),
          collection as materialized (
            select coalesce(sum(chunks), 0)::float8 as chunks, coalesce(sum(total_length)::float8 / nullif(sum(chunks), 0), 1) as average_length
              from chunk_length_stats where ${scope}),
          weights as materialized (
            select term.lexeme,
                   ln(1 + (collection.chunks - coalesce(frequency.chunks, 0) + 0.5) / (coalesce(frequency.chunks, 0) + 0.5)) as idf
              from terms cross join unnest(terms.lexemes) as term (lexeme) cross join collection
              left join (select lexeme, sum(chunks)::float8 as chunks from chunk_term_stats
                          where ${scope} and lexeme = any ((select lexemes from terms)::text[]) group by lexeme) frequency
                     on frequency.lexeme = term.lexeme),
          scored as (
            select c.id,
                   sum(weights.idf * cardinality(term.positions) * (${k1Parameter}::float8 + 1)
                       / (cardinality(term.positions) + ${k1Parameter}::float8
                          * (1 - ${bParameter}::float8 + ${bParameter}::float8 * length(c.search_vector) / collection.average_length))) as score
              from chunks c ${documentJoin} cross join q cross join terms cross join collection
             cross join lateral unnest(ts_filter(setweight(c.search_vector, 'A', terms.lexemes), '{a}')) as term
              join weights on weights.lexeme = term.lexeme
             where ${where}
             group by c.id
             order by score desc, c.id
             limit ${limit})
          select ${MATCH_COLUMNS}, scored.score
            from scored join chunks c on c.id = scored.id join documents d on d.id = c.document_id
           order by scored.score desc, c.id`;
}

/**
 * Chunks whose words match any word of the query, best first by the chosen ranking.
 *
 * @example await lexicalChunks(database, "did they mention another tool", { ranking: "bm25", filters: { accountId: "acme" } })
 */
export async function lexicalChunks(
  database: Queryable,
  query: string,
  options: { ranking: LexicalRanking; filters: ChunkFilters; limit?: number; bm25?: Bm25Parameters },
): Promise<ChunkMatch[]> {
  const limit = options.limit ?? 10;
  if (options.ranking === "bm25" && options.filters.accountId === undefined) {
    const pruned = await bm25Candidates(database, query, { filters: options.filters, limit, bm25: options.bm25 });
    if (pruned.complete !== undefined) return pruned.complete;
    return runLexical(database, query, { ...options, limit, candidateLexemes: pruned.candidateLexemes });
  }
  return runLexical(database, query, { ...options, limit });
}

async function runLexical(database: Queryable, query: string, options: LexicalOptions): Promise<ChunkMatch[]> {
  const parameters = new Parameters();
  const statement = lexicalStatement(query, options, parameters);
  return (await database.query<MatchRow>(statement, parameters.values)).map(toMatch);
}

/**
 * Which chunks BM25 across all accounts must score to find its top `limit` exactly (MaxScore pruning).
 * A question's common words ("team", "week") are in most chunks of a portfolio, and scoring every chunk
 * holding one of them is what made a search across 100,000 chunks take seconds. A word adds at most
 * idf x (k1 + 1) to a chunk's score, so a chunk holding none but the commonest words scores at most the
 * sum of their bounds. The chunks holding the rarest word are scored first; the commonest words whose
 * bounds sum below the `limit`-th score found are then not needed to find candidates (a chunk holding
 * only them cannot reach the top), and the chunks holding any of the others are scored, still on every
 * word. The scores, and so the order, are the ones scoring every chunk gives.
 *
 * Returns the complete answer when the first pass already is one, otherwise the lexemes to find the
 * candidates by (undefined: all of the query's).
 */
async function bm25Candidates(
  database: Queryable,
  query: string,
  options: { filters: ChunkFilters; limit: number; bm25?: Bm25Parameters | undefined },
): Promise<{ complete?: ChunkMatch[]; candidateLexemes?: readonly string[] | undefined }> {
  const k1 = (options.bm25 ?? DEFAULT_BM25).k1;
  const { chunks, frequencies } = await queryTermFrequencies(database, query, options.filters.accountId);
  // Words no chunk holds add nothing; the rest rarest first (ties by lexeme: reproducible passes).
  const terms = frequencies.filter((term) => term.chunks > 0).sort((a, b) => a.chunks - b.chunks || (a.lexeme < b.lexeme ? -1 : 1));
  if (terms.length <= 1) return {};
  const bound = (term: { chunks: number }) => Math.log(1 + (chunks - term.chunks + 0.5) / (term.chunks + 0.5)) * (k1 + 1);
  // First pass: the rarest words, enough of them that their chunks can fill the top `limit`.
  let firstWords = 1;
  for (let held = terms[0]?.chunks ?? 0; held < options.limit && firstWords < terms.length - 1; firstWords += 1) held += terms[firstWords]?.chunks ?? 0;
  const firstLexemes = terms.slice(0, firstWords).map((term) => term.lexeme);
  const first = await runLexical(database, query, { ranking: "bm25", filters: options.filters, limit: options.limit, bm25: options.bm25, candidateLexemes: firstLexemes });
  const threshold = first.length < options.limit ? 0 : (first[options.limit - 1]?.score ?? 0);
  // Leave out the commonest words while the sum of their bounds stays strictly below the threshold.
  let needed = terms.length;
  let leftOut = 0;
  while (needed > firstWords) {
    const commonest = terms[needed - 1];
    if (commonest === undefined || leftOut + bound(commonest) >= threshold) break;
    leftOut += bound(commonest);
    needed -= 1;
  }
  if (needed === firstWords) return { complete: first, candidateLexemes: firstLexemes };
  return { candidateLexemes: needed === terms.length ? undefined : terms.slice(0, needed).map((term) => term.lexeme) };
}

/** How many chunks the searched scope holds, and how many hold each of the query's lexemes. */
async function queryTermFrequencies(
  database: Queryable,
  query: string,
  accountId: string | undefined,
): Promise<{ chunks: number; frequencies: Array<{ lexeme: string; chunks: number }> }> {
  const rows = await database.query<{ lexeme: string; chunks: number | string; total: number | string }>(
    `with terms as (select distinct lexeme from unnest(tsvector_to_array(to_tsvector('english', $1))) as lexeme)
     select terms.lexeme, coalesce((select sum(stats.chunks) from chunk_term_stats stats
                                     where stats.lexeme = terms.lexeme and ($2::text is null or stats.account_id = $2)), 0) as chunks,
            (select coalesce(sum(chunks), 0) from chunk_length_stats where $2::text is null or account_id = $2) as total
       from terms`,
    [query, accountId ?? null],
  );
  return { chunks: Number(rows[0]?.total ?? 0), frequencies: rows.map((row) => ({ lexeme: row.lexeme, chunks: Number(row.chunks) })) };
}

function vectorStatement(embedding: readonly number[], options: { filters: ChunkFilters; limit: number }, parameters: Parameters): string {
  const vector = parameters.add(pgvector.toSql([...embedding]));
  const conditions = filterConditions(options.filters, parameters);
  if (options.filters.accountId !== undefined) {
    // Inside one account: exact, by the account index (a filter can never starve the top k).
    return `select ${MATCH_COLUMNS}, 1 - (c.embedding <=> ${vector}::vector) as score
              from chunks c join documents d on d.id = c.document_id
             where c.embedding is not null and ${conditions.join(" and ")}
             order by c.embedding <=> ${vector}::vector, c.id
             limit ${parameters.add(options.limit)}`;
  }
  // Across accounts: the HNSW index on embedding::vector(N) (migration 002), approximate.
  const dimensions = vectorDimensions(embedding);
  const expression = `c.embedding::vector(${dimensions}) <=> ${vector}::vector(${dimensions})`;
  return `select ${MATCH_COLUMNS}, 1 - (${expression}) as score
            from chunks c join documents d on d.id = c.document_id
           where ${[`vector_dims(c.embedding) = ${dimensions}`, ...conditions].join(" and ")}
           order by ${expression}
           limit ${parameters.add(options.limit)}`;
}

/**
 * Chunks nearest to the query's embedding; `score` is the cosine similarity.
 *
 * @example await vectorChunks(database, await embedder.embedQuery("seats"), { filters: { accountId: "acme" } })
 */
export async function vectorChunks(
  database: Queryable,
  embedding: readonly number[],
  options: { filters: ChunkFilters; limit?: number },
): Promise<ChunkMatch[]> {
  const parameters = new Parameters();
  const statement = vectorStatement(embedding, { filters: options.filters, limit: options.limit ?? 10 }, parameters);
  return (await database.query<MatchRow>(statement, parameters.values)).map(toMatch);
}

export interface FusionOptions {
  readonly ranking: LexicalRanking;
  readonly filters: ChunkFilters;
  readonly limit?: number;
  readonly bm25?: Bm25Parameters;
  /** How many of each list take part. */
  readonly depth?: number;
  /** Reciprocal rank fusion's constant: a larger one flattens the difference between ranks. */
  readonly rrfConstant?: number;
  /** Weight of the lexical list against the vector list (1 each by default). */
  readonly lexicalWeight?: number;
  readonly vectorWeight?: number;
}

/**
 * Lexical and vector hits fused by weighted reciprocal rank in one statement: score = Σ weight / (k + rank).
 *
 * @example await fusedChunks(database, "seats", vector, { ranking: "bm25", filters: { accountId: "acme" } })
 */
export async function fusedChunks(database: Queryable, query: string, embedding: readonly number[], options: FusionOptions): Promise<ChunkMatch[]> {
  const depth = options.depth ?? 50;
  // Across accounts, BM25's candidates are pruned as in lexicalChunks (same top `depth`, found cheaper).
  const candidateLexemes =
    options.ranking === "bm25" && options.filters.accountId === undefined
      ? (await bm25Candidates(database, query, { filters: options.filters, limit: depth, bm25: options.bm25 })).candidateLexemes
      : undefined;
  const parameters = new Parameters();
  const lexical = lexicalStatement(query, { ranking: options.ranking, filters: options.filters, limit: depth, bm25: options.bm25, candidateLexemes }, parameters);
  const vector = vectorStatement(embedding, { filters: options.filters, limit: depth }, parameters);
  const k = parameters.add(options.rrfConstant ?? 60);
  const lexicalWeight = parameters.add(options.lexicalWeight ?? 1);
  const vectorWeight = parameters.add(options.vectorWeight ?? 1);
  const statement = `with lexical as (select chunk_id, row_number() over (order by score desc, chunk_id) as rank from (${lexical}) l),
                          vector as (select chunk_id, row_number() over (order by score desc, chunk_id) as rank from (${vector}) v),
                          fused as (
                            select coalesce(lexical.chunk_id, vector.chunk_id) as chunk_id,
                                   coalesce(${lexicalWeight}::float8 / (${k}::float8 + lexical.rank), 0)
                                   + coalesce(${vectorWeight}::float8 / (${k}::float8 + vector.rank), 0) as score
                              from lexical full join vector on vector.chunk_id = lexical.chunk_id)
                     select ${MATCH_COLUMNS}, fused.score
                       from fused join chunks c on c.id = fused.chunk_id join documents d on d.id = c.document_id
                      order by fused.score desc, c.id
                      limit ${parameters.add(options.limit ?? 10)}`;
  return (await database.query<MatchRow>(statement, parameters.values)).map(toMatch);
}

/**
 * The inverse document frequency, in the searched scope, of each of the query's lexemes, and the largest
 * possible: what the no-answer check weighs a passage's coverage of the question by.
 */
export async function queryTermWeights(database: Queryable, query: string, accountId?: string): Promise<Map<string, number>> {
  const rows = await database.query<{ lexeme: string; idf: number | string }>(
    `with terms as (select distinct lexeme from unnest(tsvector_to_array(to_tsvector('english', $1))) as lexeme),
          collection as (select coalesce(sum(chunks), 0)::float8 as chunks from chunk_length_stats where $2::text is null or account_id = $2)
     select terms.lexeme, ln(1 + (collection.chunks - coalesce(frequency.chunks, 0) + 0.5) / (coalesce(frequency.chunks, 0) + 0.5)) as idf
       from terms cross join collection
       left join (select lexeme, sum(chunks)::float8 as chunks from chunk_term_stats
                   where ($2::text is null or account_id = $2) and lexeme in (select lexeme from terms) group by lexeme) frequency using (lexeme)`,
    [query, accountId ?? null],
  );
  return new Map(rows.map((row) => [row.lexeme, Number(row.idf)]));
}

/** The lexemes of a text as the full-text index sees them (english stemming, stop words removed). */
export async function lexemesOf(database: Queryable, texts: readonly string[]): Promise<string[][]> {
  if (texts.length === 0) return [];
  const rows = await database.query<{ position: number | string; lexemes: string[] }>(
    `select position, tsvector_to_array(to_tsvector('english', text)) as lexemes
       from unnest($1::text[]) with ordinality as given (text, position) order by position`,
    [texts],
  );
  return rows.map((row) => row.lexemes);
}

/** The latest document in which a person spoke (full name, or first name), with its date and place. */
export async function lastSpokenBy(
  database: Queryable,
  accountId: string,
  person: string,
): Promise<{ sourceRef: string; kind: "ticket" | "call"; title: string | null; occurredAt: string | null; speaker: string } | undefined> {
  const [row] = await database.query<{ source_ref: string; kind: "ticket" | "call"; title: string | null; occurred_at: string | null; speaker: string }>(
    `select d.source_ref, d.kind, d.title, to_char(d.occurred_at at time zone 'UTC', 'YYYY-MM-DD') as occurred_at, turn ->> 'speaker' as speaker
       from chunks c join documents d on d.id = c.document_id, jsonb_array_elements(c.turns) as turn
      where c.account_id = $1 and (lower(turn ->> 'speaker') = lower($2) or lower(turn ->> 'speaker') like lower($2) || ' %')
      order by d.occurred_at desc nulls last, c.ordinal desc
      limit 1`,
    [accountId, person.trim()],
  );
  return row === undefined ? undefined : { sourceRef: row.source_ref, kind: row.kind, title: row.title, occurredAt: row.occurred_at, speaker: row.speaker };
}

/** The dimension as SQL text: checked to be a small positive integer, as it goes into the statement. */
function vectorDimensions(embedding: readonly number[]): number {
  const dimensions = embedding.length;
  if (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > 16_000) throw new RangeError(`cannot search with a ${dimensions}-dimensional vector`);
  return dimensions;
}

/** Everyone who speaks in an account's chunks (ticket authors and call speakers), each name once. */
export async function speakersOf(database: Queryable, accountId: string): Promise<string[]> {
  const rows = await database.query<{ speaker: string }>(
    `select distinct turn ->> 'speaker' as speaker
       from chunks c, jsonb_array_elements(c.turns) as turn
      where c.account_id = $1 and coalesce(turn ->> 'speaker', '') <> ''`,
    [accountId],
  );
  return rows.map((row) => row.speaker).sort();
}
