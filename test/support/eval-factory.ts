import type { GoldCase, GoldLabel, HardNegative } from "../../src/evals/load-gold.js";
import type { PredictedEvidence } from "../../src/evals/match-predictions.js";
import type { SignalId } from "../../src/taxonomy/signals.js";

/** A gold label on document `doc` of case `c1`; spans are plain numbers so tests can compute overlaps by hand. */
export function goldLabel(signalId: SignalId, start: number, end: number, overrides: Partial<GoldLabel> = {}): GoldLabel {
  return { caseId: "c1", sourceRef: "doc", quote: `gold ${start}-${end}`, start, end, speaker: "Dana", signalId, speakerRole: "customer", ...overrides };
}

export function predicted(signalId: SignalId, start: number, end: number, overrides: Partial<PredictedEvidence> = {}): PredictedEvidence {
  return { caseId: "c1", sourceRef: "doc", signalId, quote: `predicted ${start}-${end}`, start, end, speaker: "Dana", speakerRole: "customer", confidence: 0.8, ...overrides };
}

export function hardNegative(looksLike: SignalId, start: number, end: number, overrides: Partial<HardNegative> = {}): HardNegative {
  return { caseId: "c1", sourceRef: "doc", quote: `negative ${start}-${end}`, start, end, speaker: "Sam", looksLike, kind: "vendor_speech", why: "vendor", ...overrides };
}

/** A gold case with one document of blank text long enough for the spans the test uses. */
export function goldCase(id: string, labels: readonly GoldLabel[], hardNegatives: readonly HardNegative[] = [], overrides: Partial<GoldCase> = {}): GoldCase {
  return {
    id,
    file: `${id}.yaml`,
    split: "tune",
    accountId: id,
    description: id,
    documents: [{ accountId: id, kind: "ticket", sourceRef: "doc", title: "t", occurredAt: "2026-10-01T00:00:00Z", fullText: " ".repeat(1000), contentHash: "h", segments: [] }],
    labels: labels.map((label) => ({ ...label, caseId: id })),
    hardNegatives: hardNegatives.map((negative) => ({ ...negative, caseId: id })),
    negativesOnly: false,
    ...overrides,
  };
}
