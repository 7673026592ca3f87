import { Document } from "@langchain/core/documents";
import { BaseRetriever, type BaseRetrieverInput } from "@langchain/core/retrievers";
import type { PassageCitation } from "./passage.js";
import { searchPassages, type SearchInput, type SearchServices } from "./search-passages.js";

export interface EvidenceRetrieverInput extends BaseRetrieverInput {
  readonly services: SearchServices;
  /** Everything of a search but the query: the account (or allAccounts), filters, limit, method. */
  readonly search: Omit<SearchInput, "query">;
}

/** What each retrieved LangChain document carries in its metadata. */
export type EvidenceDocumentMetadata = PassageCitation & { readonly rank: number; readonly score: number; readonly chunkId: number };

/**
 * The hybrid search as a LangChain retriever: each passage becomes a Document whose metadata is its
 * citation, so a chain can cite what it was given.
 *
 * @example
 * const retriever = new EvidenceRetriever({ services, search: { accountId: "acme", limit: 5 } });
 * const documents = await retriever.invoke("who is our champion?");
 */
export class EvidenceRetriever extends BaseRetriever<EvidenceDocumentMetadata> {
  lc_namespace = ["cs_evidence", "retrievers"];
  private readonly services: SearchServices;
  private readonly search: Omit<SearchInput, "query">;

  constructor(input: EvidenceRetrieverInput) {
    super(input);
    this.services = input.services;
    this.search = input.search;
  }

  override async _getRelevantDocuments(query: string): Promise<Document<EvidenceDocumentMetadata>[]> {
    const result = await searchPassages(this.services, { ...this.search, query });
    return result.passages.map(
      (passage) =>
        new Document<EvidenceDocumentMetadata>({
          pageContent: passage.text,
          metadata: { ...passage.citation, rank: passage.rank, score: passage.score, chunkId: passage.chunkId },
        }),
    );
  }
}
