import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { writeTempFiles } from "../../test/support/temp-files.js";
import { InputError } from "../errors.js";
import { DEFAULT_RULES_FILE, loadRules, parseRules } from "./load-rules.js";

describe("rules file", () => {
  it("the shipped file is valid, versioned, and its hash changes with any edit", async () => {
    const loaded = await loadRules();
    expect(loaded.rules.version).toBe("2026.12-1");
    expect(loaded.rules.customer_pull.seat_utilisation.above_ratio).toBe(0.8);
    const text = await readFile(DEFAULT_RULES_FILE, "utf8");
    const edited = parseRules(text.replace("above_ratio: 0.8", "above_ratio: 0.85"), "edited.yaml");
    expect(edited.rules.version).toBe(loaded.rules.version);
    expect(edited.rulesVersion).not.toBe(loaded.rulesVersion);
    expect(edited.rulesVersion).toMatch(/^2026\.12-1\+[0-9a-f]{12}$/);
  });

  it("names the file, the field and the line of every problem", async () => {
    const text = (await readFile(DEFAULT_RULES_FILE, "utf8"))
      .replace("above_ratio: 0.8", "above_ratio: 1.5")
      .replace("    value_unproven: 2\n", "    value_unproven: 2\n    seat_pressure: 1\n")
      .replace("always_block: [upsell_pushback]", "always_block: [upsel_pushback]");
    const error = (() => {
      try {
        parseRules(text, "team-rules.yaml");
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(InputError);
    const problems = (error as InputError).problems;
    expect(problems.map((problem) => problem.field).sort()).toEqual([
      "blocking_risks.always_block.0",
      "blocking_risks.weights",
      "customer_pull.seat_utilisation.above_ratio",
    ]);
    for (const problem of problems) expect(problem.file).toBe("team-rules.yaml");
    const ratio = problems.find((problem) => problem.field === "customer_pull.seat_utilisation.above_ratio");
    expect(text.split("\n")[(ratio?.line ?? 0) - 1]).toContain("above_ratio: 1.5");
    expect((error as InputError).message).toContain("Rules file team-rules.yaml is not valid");
  });

  it("reports a missing section and broken YAML with the file name", async () => {
    expect(() => parseRules("version: 1\n", "empty.yaml")).toThrow(/empty\.yaml.*field "healthy_footprint"/s);
    expect(() => parseRules("version: [1\n", "broken.yaml")).toThrow(/broken\.yaml.*YAML/s);
  });

  it("loads another file given by path, and says when it cannot be read", async () => {
    const folder = await writeTempFiles({ "rules.yaml": await readFile(DEFAULT_RULES_FILE, "utf8") });
    expect((await loadRules(`${folder}/rules.yaml`)).file).toBe(`${folder}/rules.yaml`);
    await expect(loadRules(`${folder}/missing.yaml`)).rejects.toThrow(/missing\.yaml: cannot read the rules file/);
  });
});
