import type { ExpansionType } from "../taxonomy/expansion-types.js";
import type { Verdict } from "../rules/readiness-contract.js";

/** The parts of an expansion hypothesis (seed 001), in the order a reader wants them. */
export const HYPOTHESIS_SECTIONS = [
  "provenValue",
  "accountLearning",
  "stakeholderPull",
  "nextAdjacency",
  "risksToAdoption",
  "nextCustomerAction",
  "riskIfNever",
] as const;

export type HypothesisSectionName = (typeof HYPOTHESIS_SECTIONS)[number];

export const SECTION_TITLES: Record<HypothesisSectionName, string> = {
  provenValue: "Proven value",
  accountLearning: "Account learning (the new problem)",
  stakeholderPull: "Stakeholder pull",
  nextAdjacency: "Next adjacency",
  risksToAdoption: "Risks to current adoption",
  nextCustomerAction: "Next customer action that would prove readiness",
  riskIfNever: "Risk if it never happens",
};

export interface HypothesisSection {
  readonly text: string;
  /** The evidence the section rests on; the writer of the prose can never change these. */
  readonly evidenceIds: readonly string[];
}

export type HypothesisContent = Record<HypothesisSectionName, HypothesisSection> & {
  /** Who wrote the prose: "template", or "<provider>/<model>". */
  readonly writer: string;
};

/** A hypothesis before it is stored: the rules' verdict and evidence, and the prose around them. */
export interface HypothesisDraft {
  readonly accountId: string;
  readonly expansionType: ExpansionType;
  readonly verdict: Verdict;
  /** Every evidence id the hypothesis rests on, sorted: what staleness compares. */
  readonly evidenceIds: readonly string[];
  readonly rulesVersion: string;
  readonly asOf: string;
  readonly content: HypothesisContent;
}
