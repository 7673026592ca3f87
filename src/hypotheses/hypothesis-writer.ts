import type { EvidenceFact, ReadinessResult } from "../rules/readiness-contract.js";
import type { ExpansionType } from "../taxonomy/expansion-types.js";
import type { HypothesisSectionName } from "./hypothesis-content.js";

/** What a writer is given for one section: the decided facts it must put into words. */
export interface SectionBrief {
  readonly evidence: readonly EvidenceFact[];
  /** Plain facts from the rules (reasons, numbers) the prose may use. */
  readonly facts: readonly string[];
}

/** Everything a writer may read to draft one hypothesis. The verdict is given, never asked for. */
export interface HypothesisBrief {
  readonly accountName: string;
  readonly expansionType: ExpansionType;
  readonly result: ReadinessResult;
  readonly sections: Record<HypothesisSectionName, SectionBrief>;
}

/**
 * Writes the prose of a hypothesis. Offline, templates do it (`template-writer.ts`); a model-backed writer
 * may be added behind this same interface. A writer returns text only: the verdict and the evidence each
 * section cites come from the rules and cannot be changed by it.
 */
export interface HypothesisWriter {
  readonly provider: string;
  readonly modelId: string;
  write(brief: HypothesisBrief): Promise<Record<HypothesisSectionName, string>>;
}
