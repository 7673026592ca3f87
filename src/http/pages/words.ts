import { EXPANSION_TYPES, type ExpansionType } from "../../taxonomy/expansion-types.js";
import { isSignalId, signalById } from "../../taxonomy/signals.js";

/** How identifiers read on the page: a reviewer sees words, the id stays in the markup for tests and tools. */

const VERDICTS: Record<string, string> = {
  ready: "Ready for an expansion conversation",
  fix_footprint: "Fix the footprint first",
  no_pull: "No customer pull yet",
  insufficient_evidence: "Not enough evidence to decide",
};

const GATES: Record<string, string> = {
  healthy_footprint: "Healthy footprint",
  measurable_outcome: "Measurable outcome",
  champion_active: "Active champion",
  customer_pull: "Customer pull",
  blocking_risks: "No blocking risks",
};

const GATE_STATUSES: Record<string, string> = { pass: "passes", fail: "fails", unknown: "cannot tell" };

const HYPOTHESIS_STATUSES: Record<string, string> = {
  draft: "awaiting review",
  approved: "approved",
  rejected: "rejected",
  stale: "stale (its evidence changed)",
};

export const verdictWords = (verdict: string): string => VERDICTS[verdict] ?? verdict;
export const gateWords = (gate: string): string => GATES[gate] ?? gate;
export const gateStatusWords = (status: string): string => GATE_STATUSES[status] ?? status;
export const hypothesisStatusWords = (status: string): string => HYPOTHESIS_STATUSES[status] ?? status;

export function expansionWords(type: string): string {
  const name = type.replaceAll("_", " ");
  const meaning = EXPANSION_TYPES[type as ExpansionType];
  return meaning === undefined ? name : `${name[0]?.toUpperCase() ?? ""}${name.slice(1)}: ${meaning}`;
}

export function signalWords(signalId: string): string {
  return isSignalId(signalId) ? signalById(signalId).title : signalId;
}
