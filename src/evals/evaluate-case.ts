import { performance } from "node:perf_hooks";
import { extractDocuments } from "../extract/extract-documents.js";
import type { Extractor } from "../extract/extractor.js";
import { toEvidenceFact } from "../evidence/cite-evidence.js";
import type { SpeakerRole } from "../ingest/speaker-role.js";
import type { EvidenceFact } from "../rules/readiness-contract.js";
import type { DecideReadiness } from "./decide-readiness.js";
import type { GoldCase, GoldReadiness } from "./load-gold.js";
import type { PredictedEvidence } from "./match-predictions.js";
import type { CaseReadiness, CaseRun } from "./score-run.js";

/**
 * Runs one gold case: extracts evidence from its documents (chunked and citation-checked exactly as in
 * production) and, for an account case, lets the rules decide from that evidence and from the gold labels.
 * Never throws: a failing case comes back as `{ success: false, error }` and the run goes on.
 */
export async function evaluateCase(goldCase: GoldCase, extractor: Extractor, decide?: DecideReadiness): Promise<CaseRun> {
  const started = performance.now();
  try {
    const outcome = await extractDocuments(goldCase.documents, extractor);
    const latencyMs = performance.now() - started;
    const predictions: PredictedEvidence[] = outcome.evidence.map((item) => ({
      caseId: goldCase.id,
      sourceRef: item.sourceRef,
      signalId: item.signalId,
      quote: item.quote,
      start: item.quoteStart,
      end: item.quoteEnd,
      speaker: item.speaker,
      speakerRole: item.speakerRole,
      confidence: item.confidence,
    }));
    const readiness = goldCase.readiness === undefined || decide === undefined ? undefined : decideCase(goldCase, goldCase.readiness, predictions, decide);
    return {
      caseId: goldCase.id,
      success: true,
      predictions,
      rejected: outcome.rejected,
      failures: outcome.failures,
      chunks: outcome.chunks,
      cachedChunks: outcome.cachedChunks,
      usage: outcome.usage,
      latencyMs,
      ...(readiness === undefined ? {} : { readiness }),
    };
  } catch (error) {
    return { caseId: goldCase.id, success: false, error: describeFailure(error), latencyMs: performance.now() - started };
  }
}

function decideCase(goldCase: GoldCase, readiness: GoldReadiness, predictions: readonly PredictedEvidence[], decide: DecideReadiness): CaseReadiness {
  const documents = new Map(goldCase.documents.map((document) => [document.sourceRef, document]));
  // The same facts production reads (toEvidenceFact): each quote timed by its comment or call turn.
  const facts = (items: ReadonlyArray<{ sourceRef: string; signalId: string; quote: string; start: number; end: number; speaker?: string; speakerRole: SpeakerRole }>): EvidenceFact[] =>
    items.flatMap((item, index) => {
      const document = documents.get(item.sourceRef);
      const fact =
        document === undefined
          ? undefined
          : toEvidenceFact({
              id: String(index + 1),
              signalId: item.signalId,
              quote: item.quote,
              quoteStart: item.start,
              quoteEnd: item.end,
              speaker: item.speaker ?? null,
              speakerRole: item.speakerRole,
              document: { ...document, occurredAt: document.occurredAt },
            });
      return fact === undefined ? [] : [fact];
    });
  const base = { account: readiness.account, usage: readiness.usage, asOf: readiness.asOf };
  try {
    return {
      expected: readiness.expectedVerdict,
      predicted: decide({ ...base, evidence: facts(predictions) }).verdict,
      withGoldEvidence: decide({ ...base, evidence: facts(goldCase.labels) }).verdict,
    };
  } catch (error) {
    return { expected: readiness.expectedVerdict, error: describeFailure(error) };
  }
}

/** The error and its causes on one line: enough to find the problem from the report. */
export function describeFailure(error: unknown): string {
  const parts: string[] = [];
  for (let current: unknown = error; current !== undefined && parts.length < 4; current = (current as { cause?: unknown }).cause) {
    parts.push(current instanceof Error ? `${current.name}: ${current.message}` : String(current));
    if (!(current instanceof Error)) break;
  }
  return parts.join(" <- ");
}
