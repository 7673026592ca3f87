/**
 * What sharding by account (docs/scaling.md) asks of the schema and the stores, in one place that
 * `account-scope.test.ts` checks against the migrated schema and the SQL in `src/db/`.
 *
 * Every table holds one account's rows (and carries `account_id`) unless it is listed here as shared.
 */
export const SHARED_TABLES: Readonly<Record<string, string>> = {
  schema_migrations: "which migrations ran: one per database (Citus: on the coordinator)",
  runs: "one row per command run, which may span accounts (Citus: a reference table, so per-account rows may point at it)",
  audit_events: "append-only history keyed by subject (Citus: on the coordinator until it carries account_id)",
  embedding_space: "the one embedding model and dimension of the database (Citus: a reference table)",
  extraction_cache: "extractor answers keyed by chunk content, shared by every account with the same text (Citus: distributed by chunk_hash)",
  source_files: "fingerprints of input files; a file of one folder holds many accounts (Citus: on the coordinator, read by the index job)",
};

/**
 * Statements in `src/db/` that read or write per-account tables across accounts on purpose, by
 * `<file>#<function>`, with why. On Citus each becomes a query to every shard: fine for what is rare or
 * small, never for the paths that run per document or per question.
 */
export const DELIBERATE_FAN_OUTS: Readonly<Record<string, string>> = {
  "account-store.ts#listAccounts": "lists every account: the accounts command and the demo, a few hundred rows",
  "account-store.ts#saveAccounts": "upserts the accounts of one input folder in one statement; each row routes by its own id",
  "usage-store.ts#latestUsage": "latest usage of every account (or one) for the accounts list; small",
  "document-store.ts#chunkEmbedding": "reads one chunk by id (tests and the search command's 'more like this'); a single-row lookup per shard",
  "document-store.ts#nearestChunks": "a search without an account ranks every account's chunks: each shard's HNSW top-k, merged",
  "document-store.ts#searchChunks": "full-text search with the account optional: without one, every shard's GIN index, merged",
  "source-file-store.ts#storedDocumentsPerFile": "documents per input file of a folder whose accounts are not known yet; once per index run",
  "document-store.ts#pruneDocuments": "deletes documents whose files are gone, by id, after the index job found them per account",
  "evidence-store.ts#storedChunks": "an extraction of every account reads all chunks when no --account is given; batched, once per run",
  "evidence-store.ts#replaceChunkEvidence": "writes the evidence of chunks read in one batch that may span accounts; the rows carry account_id",
  "document-flag-store.ts#replaceDocumentFlags": "replaces the flags of the documents of one extraction batch, which may span accounts; the rows carry account_id",
  "evidence-store.ts#listEvidence": "lists evidence of every account when none is named (the evidence command without --account)",
  "evidence-label-store.ts#findEvidenceForReview": "a reviewer names an evidence row by id alone; a single-row lookup per shard",
  "evidence-label-store.ts#listDisputedEvidence": "the eval suite's export of every disputed row, for the gold set; rare",
  "evidence-label-store.ts#listEvidenceLabels": "the eval suite reads every reviewer label; small and rare",
  "review-read-store.ts#evidenceAccountId": "the review page and the API name an evidence row by id alone; a single-row lookup per shard",
  "hypothesis-store.ts#findHypothesis": "a reviewer names a hypothesis by id alone; a single-row lookup per shard",
  "hypothesis-store.ts#setHypothesisStatus": "updates one hypothesis by id, found first by findHypothesis or currentHypotheses of one account",
  "hypothesis-store.ts#updateDraft": "rewrites one draft by id, found by currentHypotheses of one account",
  "hypothesis-store.ts#listHypotheses": "lists hypotheses of every account when none is named (the hypotheses command)",
  "chunk-search-store.ts#lexicalStatement":
    "search: the account condition is added by the filter builder when one account is named; without one it is the portfolio search (--all-accounts), every shard's GIN index, merged",
  "chunk-search-store.ts#vectorStatement":
    "search: one account through the filter builder (exact), or the portfolio search over every shard's HNSW top-k, merged",
  "chunk-search-store.ts#fusedChunks": "combines the lexical and vector statements above; scoped exactly as they are",
  "chunk-search-store.ts#queryTermWeights": "BM25 statistics of one account ($2), or of all accounts for the portfolio search; small per-lexeme rows",
  "chunk-search-store.ts#queryTermFrequencies":
    "chunks per query word of one account ($2), or of all accounts for the portfolio search's candidate pruning; small per-lexeme rows",
  "hypothesis-store.ts#openHypothesesCiting": "hypotheses citing one disputed evidence row, which may be any account's",
};
