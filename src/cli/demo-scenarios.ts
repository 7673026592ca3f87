import type { Verdict } from "../rules/readiness-contract.js";

/** The day the bundled demo data is written as of: its calls and tickets run up to the week before. */
export const DEMO_AS_OF = "2026-11-23";

export interface DemoScenario {
  readonly accountId: string;
  /** What the account was written to show (data/demo/README.md). */
  readonly scenario: string;
  /** The verdict a careful reader reaches for that scenario. */
  readonly expected: Verdict;
}

/**
 * The scenario each bundled demo account was written for, as data/demo/README.md tells it. The demo prints
 * the rules' verdict next to these, so a reader sees at once where the pipeline agrees with the story.
 */
export const DEMO_SCENARIOS: readonly DemoScenario[] = [
  { accountId: "brightpath-logistics", scenario: "ready for volume", expected: "ready" },
  { accountId: "cedarline-health", scenario: "ready for cross-sell", expected: "ready" },
  { accountId: "orchard-vine-retail", scenario: "healthy, no customer pull", expected: "no_pull" },
  { accountId: "kestrel-credit-union", scenario: "champion departing", expected: "fix_footprint" },
  { accountId: "pinecrest-learning", scenario: "stalled onboarding, shallow adoption", expected: "fix_footprint" },
  { accountId: "tidewater-energy", scenario: "yellow trending up, with an outcome", expected: "ready" },
  { accountId: "summit-hospitality", scenario: "vendor pushing, customer pushback", expected: "fix_footprint" },
  { accountId: "alder-architects", scenario: "too little data", expected: "insufficient_evidence" },
];
