import type { GateId, GateStatus, Verdict } from "../rules/readiness-contract.js";

/** Gate names as a CSM says them. */
export const GATE_TITLES: Record<GateId, string> = {
  healthy_footprint: "Healthy footprint",
  measurable_outcome: "Measurable outcome",
  champion_active: "Active champion",
  customer_pull: "Customer pull",
  blocking_risks: "No blocking risks",
};

export const VERDICT_TITLES: Record<Verdict, string> = {
  ready: "Ready for an expansion conversation",
  fix_footprint: "Fix the footprint first",
  no_pull: "No customer pull",
  insufficient_evidence: "Insufficient evidence",
};

/**
 * What the customer would do or say that moves a gate that does not pass, used when the gates do not
 * declare their own. Each is a customer action, not a vendor one (seed 001: earn the conversation).
 */
export const FALLBACK_NEXT_ACTIONS: Record<GateId, Partial<Record<GateStatus, string>>> = {
  healthy_footprint: {
    fail: "The customer's team completes the stalled setup and its core users log in weekly, so health turns green or yellow and rising (seed 004, step 1).",
    unknown: "Agree a health measure with the customer (logins, the workflow they bought it for) and record a first reading.",
  },
  measurable_outcome: {
    fail: "The customer states one measured before/after result tied to their goal, in a call or in writing (seeds 003, 004).",
    unknown: "Ask the champion which number they report upward, and get its current value from them.",
  },
  champion_active: {
    fail: "The customer names who owns the product now, and that person joins the next call.",
    unknown: "The champion attends the next review and says what they are driving next.",
  },
  customer_pull: {
    fail: "Wait for the customer to raise a need (more seats, another team, a capability they lack); do not pitch (seed 001: a wish, not a lead).",
    unknown: "Listen for a customer-side need in the next calls; a vendor suggestion does not count.",
  },
  blocking_risks: {
    fail: "The customer confirms the open risk is resolved (the friction fixed, the budget question answered) before any expansion talk.",
    unknown: "Ask the customer what would stop them renewing, and record the answer.",
  },
};
