import { z } from "zod";
import {
  fusedChunks,
  lexicalChunks,
  speakersOf,
  vectorChunks,
  type Bm25Parameters,
  type ChunkFilters,
  type ChunkMatch,
  type LexicalRanking,
} from "../db/chunk-search-store.js";
import type { Queryable } from "../db/database.js";
import type { Embedder } from "../models/embedder.js";
import { fuseBySpeaker, namedSpeakers } from "./named-speakers.js";
import { passageOf, passageSchema, type Passage } from "./passage.js";

/**
 * The ranking methods `npm run bench:retrieval` measures. `fused` is reciprocal rank fusion of BM25 and
 * the vector ranking; the default is chosen by that benchmark (see DEFAULT_SEARCH_METHOD).
 */
export const SEARCH_METHODS = ["ts_rank_cd", "ts_rank_normalised", "bm25", "vector", "fused"] as const;
export type SearchMethod = (typeof SEARCH_METHODS)[number];

/**
 * Chosen by the numbers of `npm run bench:retrieval` on the held-apart question set
 * (test/bench/retrieval-questions.json); README "Asking questions" has the table.
 */
export const DEFAULT_SEARCH_METHOD: SearchMethod = "bm25";

const isoDate = z.iso.date();

/** A search request, as any front end (CLI, HTTP) passes it. */
export const searchInputSchema = z
  .object({
    /** The account to search; omitted with `allAccounts`. */
    accountId: z.string().min(1).optional(),
    allAccounts: z.boolean().default(false),
    query: z.string().trim().min(1, "the query is empty"),
    limit: z.number().int().min(1).max(100).default(10),
    since: isoDate.optional(),
    until: isoDate.optional(),
    kind: z.enum(["ticket", "call"]).optional(),
    speakerRole: z.enum(["customer", "vendor"]).optional(),
    person: z.string().trim().min(1).optional(),
    method: z.enum(SEARCH_METHODS).default(DEFAULT_SEARCH_METHOD),
  })
  .refine((input) => input.allAccounts !== (input.accountId !== undefined), {
    message: "name one account, or search all accounts (not both)",
    path: ["accountId"],
  });

export type SearchInput = z.input<typeof searchInputSchema>;

export const searchResultSchema = z.object({
  query: z.string(),
  method: z.enum(SEARCH_METHODS),
  /** The account searched, or null across all accounts (each passage's citation names its account). */
  accountId: z.string().nullable(),
  passages: z.array(passageSchema),
});

export type SearchResult = z.infer<typeof searchResultSchema>;

/** What searching needs: the stored chunks and the embedder they were indexed with. */
export interface SearchServices {
  readonly database: Queryable;
  readonly embedder: Pick<Embedder, "embedQuery">;
}

/** Tuning a method beyond its name (the benchmark varies these). */
export interface MethodSettings {
  readonly bm25?: Bm25Parameters;
  readonly lexicalRanking?: LexicalRanking;
  readonly depth?: number;
  readonly rrfConstant?: number;
  readonly lexicalWeight?: number;
  readonly vectorWeight?: number;
}

/** The ranked chunks of one method, as stored (the benchmark and the ask use case read these). */
export async function rankChunks(
  services: SearchServices,
  query: string,
  method: SearchMethod,
  filters: ChunkFilters,
  limit: number,
  settings: MethodSettings = {},
): Promise<ChunkMatch[]> {
  const { database } = services;
  switch (method) {
    case "ts_rank_cd":
    case "ts_rank_normalised":
    case "bm25":
      return lexicalChunks(database, query, { ranking: method, filters, limit, ...(settings.bm25 === undefined ? {} : { bm25: settings.bm25 }) });
    case "vector":
      return vectorChunks(database, await services.embedder.embedQuery(query), { filters, limit });
    case "fused":
      return fusedChunks(database, query, await services.embedder.embedQuery(query), {
        ranking: settings.lexicalRanking ?? "bm25",
        filters,
        limit,
        ...(settings.bm25 === undefined ? {} : { bm25: settings.bm25 }),
        ...(settings.depth === undefined ? {} : { depth: settings.depth }),
        ...(settings.rrfConstant === undefined ? {} : { rrfConstant: settings.rrfConstant }),
        ...(settings.lexicalWeight === undefined ? {} : { lexicalWeight: settings.lexicalWeight }),
        ...(settings.vectorWeight === undefined ? {} : { vectorWeight: settings.vectorWeight }),
      });
  }
}

// How deep each list is read before a question that names a speaker is fused (see rankForQuestion).
const SPEAKER_FUSION_DEPTH = 30;

/**
 * `rankChunks` for a question as a person asks it: inside one account, a question that names one of the
 * account's speakers ("what did Dana say about seats?") is ranked again, fusing the ranking with the same
 * ranking over that speaker's passages, because speaker labels are not part of the indexed words. An
 * explicit person filter, a search across accounts or a question naming nobody is ranked as it is.
 */
export async function rankForQuestion(
  services: SearchServices,
  question: string,
  method: SearchMethod,
  filters: ChunkFilters,
  limit: number,
  settings: MethodSettings = {},
): Promise<ChunkMatch[]> {
  if (filters.accountId === undefined || filters.person !== undefined) return rankChunks(services, question, method, filters, limit, settings);
  const named = namedSpeakers(question, await speakersOf(services.database, filters.accountId));
  // A question that seems to name many people names none in particular.
  if (named.length === 0 || named.length > 3) return rankChunks(services, question, method, filters, limit, settings);
  const depth = Math.max(limit, SPEAKER_FUSION_DEPTH);
  const ranked = await rankChunks(services, question, method, filters, depth, settings);
  const spoken = await Promise.all(named.map((person) => rankChunks(services, question, method, { ...filters, person }, depth, settings)));
  return fuseBySpeaker(ranked, spoken, (match) => match.chunkId, limit);
}

/** The store's filters from a validated request. */
export function filtersOf(input: z.output<typeof searchInputSchema>): ChunkFilters {
  return {
    accountId: input.allAccounts ? undefined : input.accountId,
    since: input.since,
    until: input.until,
    kind: input.kind,
    speakerRole: input.speakerRole,
    person: input.person,
  };
}

/**
 * The search use case: ranked passages of one account (or of all, each naming its account), every one
 * with its citation. Never returns a chunk of another account than the one named.
 *
 * @example await searchPassages(services, { accountId: "brightpath-logistics", query: "seats", limit: 5 })
 */
export async function searchPassages(services: SearchServices, request: SearchInput): Promise<SearchResult> {
  const input = searchInputSchema.parse(request);
  const matches = await rankForQuestion(services, input.query, input.method, filtersOf(input), input.limit);
  return {
    query: input.query,
    method: input.method,
    accountId: input.allAccounts ? null : (input.accountId ?? null),
    passages: matches.map((match, index) => passageOf(match, index + 1)),
  };
}

export type { Passage };
