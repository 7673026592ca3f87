/** Where an expansion could go (seed 004, step 3). */
export const EXPANSION_TYPES = {
  volume: "more seats or usage of what they already have",
  tier_upgrade: "a higher tier of the product",
  cross_sell: "an add-on module or a consolidation of another tool",
  new_department: "a team or department that is not licensed yet",
  new_use_case: "a new problem solved with the product",
} as const;

export type ExpansionType = keyof typeof EXPANSION_TYPES;

export const EXPANSION_TYPE_IDS = Object.keys(EXPANSION_TYPES) as ExpansionType[];
