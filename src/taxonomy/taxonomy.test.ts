import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { EXPANSION_TYPE_IDS } from "./expansion-types.js";
import { renderTaxonomyMarkdown } from "./render-taxonomy.js";
import { SEEDS } from "./seeds.js";
import { isPullSignal, SIGNALS, signalById } from "./signals.js";

// The contract from DESIGN.md: id -> category and expansion types. If the design changes, this changes with it.
const DESIGNED = {
  seat_pressure: ["usage", ["volume"]],
  tier_workaround: ["usage", ["tier_upgrade", "cross_sell"]],
  premium_feature_affinity: ["usage", ["tier_upgrade"]],
  unlicensed_team_usage: ["usage", ["new_department"]],
  adjacent_tool: ["relationship", ["cross_sell"]],
  higher_tier_interest: ["relationship", ["tier_upgrade", "cross_sell"]],
  org_growth: ["relationship", ["volume"]],
  other_team_interest: ["relationship", ["new_department"]],
  peer_usage_question: ["relationship", ["new_use_case"]],
  strategic_initiative: ["relationship", ["new_use_case"]],
  measurable_outcome: ["value", []],
  champion_engaged: ["value", []],
  internal_advocacy: ["value", []],
  second_use_case: ["value", ["new_use_case"]],
  executive_alignment: ["value", []],
  champion_departing: ["risk", []],
  onboarding_stalled: ["risk", []],
  adoption_friction: ["risk", []],
  shallow_adoption: ["risk", []],
  value_unproven: ["risk", []],
  budget_pressure: ["risk", []],
  upsell_pushback: ["risk", []],
} as const;

describe("signal taxonomy", () => {
  it("has exactly the designed signals, categories and expansion types, in order", () => {
    expect(SIGNALS.map((signal) => signal.id)).toEqual(Object.keys(DESIGNED));
    for (const signal of SIGNALS) {
      const [category, expansionTypes] = DESIGNED[signal.id];
      expect({ id: signal.id, category: signal.category, expansionTypes: signal.expansionTypes }).toEqual({
        id: signal.id,
        category,
        expansionTypes,
      });
    }
  });

  it("gives every signal a definition, two positive examples and a vendor-speech negative", () => {
    for (const signal of SIGNALS) {
      expect(signal.definition.length, signal.id).toBeGreaterThan(30);
      expect(signal.positiveExamples.length, signal.id).toBeGreaterThanOrEqual(2);
      expect(signal.negativeExamples.some((example) => /vendor/i.test(example.why)), signal.id).toBe(true);
      expect(signal.seeds.every((seed) => seed in SEEDS), signal.id).toBe(true);
      expect(signal.expansionTypes.every((type) => EXPANSION_TYPE_IDS.includes(type)), signal.id).toBe(true);
    }
  });

  it("counts only usage and relationship signals as pull", () => {
    expect(isPullSignal(signalById("seat_pressure"))).toBe(true);
    expect(isPullSignal(signalById("measurable_outcome"))).toBe(false);
    expect(isPullSignal(signalById("upsell_pushback"))).toBe(false);
  });

  it("prompts/taxonomy.md is generated from this module (run npm run docs:taxonomy after a change)", async () => {
    const committed = await readFile(new URL("../../prompts/taxonomy.md", import.meta.url), "utf8");
    expect(committed).toBe(renderTaxonomyMarkdown());
  });
});
