import { Embeddings } from "@langchain/core/embeddings";

/**
 * What every embedding provider offers: LangChain's Embeddings (embedDocuments, embedQuery) plus the
 * identity that is stored with every vector, so vectors of different models are never mixed.
 */
export abstract class Embedder extends Embeddings {
  abstract readonly provider: string;
  abstract readonly modelId: string;
  abstract readonly dimensions: number;
}
