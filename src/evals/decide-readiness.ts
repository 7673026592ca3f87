import type { VendorProfile } from "../ingest/vendor-profile.js";
import { evaluateReadiness } from "../rules/evaluate-readiness.js";
import { labelOfferings } from "../rules/match-offering.js";
import { labelPeople } from "../rules/match-person.js";
import type { ReadinessInput, ReadinessResult } from "../rules/readiness-contract.js";
import type { LoadedRules } from "../rules/rules-schema.js";

export type DecideReadiness = (input: ReadinessInput) => ReadinessResult;

/**
 * The readiness decision the eval suite checks account cases with: the shipped rules, with offerings
 * labelled from the gold vendor profile first, exactly as production runs them.
 */
export function readinessDecider(vendor: VendorProfile, rules: LoadedRules): DecideReadiness {
  return (input) => evaluateReadiness({ ...input, evidence: labelPeople(labelOfferings(input.evidence, vendor, input.account), input.account) }, rules);
}
