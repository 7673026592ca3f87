import { extractStoredEvidence, type StoredExtractionSummary } from "../../extract/extract-stored-evidence.js";
import type { Services } from "../services.js";

/**
 * Extracts evidence from the stored chunks with the configured extractor (and, for a model, its
 * prefilter unless `prefilter` is false). Cached answers are reused; every quote is checked.
 */
export async function extractEvidence(
  services: Services,
  input: { readonly accountId?: string | undefined; readonly prefilter?: boolean } = {},
): Promise<StoredExtractionSummary> {
  const { extractor, prefilter, redact } = services.extraction(input.prefilter === false ? { prefilter: false } : {});
  return extractStoredEvidence(services.database, {
    extractor,
    prefilter,
    accountId: input.accountId,
    toolVersion: services.toolVersion,
    arguments: { account: input.accountId ?? null, extractor: extractor.provider, model: extractor.modelId, redact },
  });
}
