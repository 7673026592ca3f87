import { describe, expect, it } from "vitest";
import { DEVELOPMENT_SETS } from "../../evals/training-recipe.js";
import { caseSentences } from "../../evals/training-sentences.js";
import { loadGoldSet } from "./load-gold.js";

describe("the committed gold sets", () => {
  it("load whole: the development sets as tune cases with verdicts, the fresh and blind holdouts as holdout only", async () => {
    for (const folder of DEVELOPMENT_SETS) {
      const gold = await loadGoldSet(folder);
      expect(gold.cases.length, folder).toBeGreaterThanOrEqual(4);
      expect(gold.cases.every((goldCase) => goldCase.split === "tune" && goldCase.readiness !== undefined), folder).toBe(true);
    }
    for (const folder of ["evals/fresh/civic", "evals/fresh/marketing", "evals/gold-blind"]) {
      const gold = await loadGoldSet(folder);
      expect(gold.cases.length, folder).toBeGreaterThanOrEqual(5);
      expect(gold.cases.every((goldCase) => goldCase.split === "holdout"), folder).toBe(true);
      // A holdout case can never become training data.
      expect(() => caseSentences(gold.cases[0] as (typeof gold.cases)[number])).toThrow(/never trains on the holdout/);
    }
  });
});
