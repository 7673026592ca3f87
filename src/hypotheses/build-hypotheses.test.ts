import { beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../../test/support/factories.js";
import { createFact } from "../../test/support/evidence-factory.js";
import { evaluateReadiness } from "../rules/evaluate-readiness.js";
import { loadRules } from "../rules/load-rules.js";
import type { EvidenceFact, ReadinessInput } from "../rules/readiness-contract.js";
import type { LoadedRules } from "../rules/rules-schema.js";
import type { ReadinessAssessment } from "./assess-account.js";
import { draftHypotheses } from "./build-hypotheses.js";
import { HYPOTHESIS_SECTIONS, type HypothesisSectionName } from "./hypothesis-content.js";
import type { HypothesisBrief, HypothesisWriter } from "./hypothesis-writer.js";

let rules: LoadedRules;
beforeAll(async () => {
  rules = await loadRules();
});

function assessmentOf(evidence: EvidenceFact[], health: "green" | "red" = "green"): ReadinessAssessment {
  const account = createAccount({ id: "acme", name: "Acme", health, health_trend: "flat" });
  const input: ReadinessInput = { account, usage: [], evidence, asOf: "2026-11-23" };
  return { account, input, result: evaluateReadiness(input, rules), rules, notCustomerSide: 0, unreadable: 0 };
}

const ready = () => [
  createFact({ id: "1", signalId: "measurable_outcome", quote: "Late deliveries are down 18%.", place: "call 2026-10-20 00:03:02" }),
  createFact({ id: "2", signalId: "champion_engaged" }),
  createFact({ id: "3", signalId: "other_team_interest", sourceRef: "a", speaker: "Bianca Torres" }),
  createFact({ id: "4", signalId: "other_team_interest", sourceRef: "b", speaker: "Farah Siddiqui" }),
];

/** A stand-in for a model writer: records what it was asked, and tries to talk its way to a verdict. */
function scriptedWriter(): HypothesisWriter & { briefs: HypothesisBrief[] } {
  const briefs: HypothesisBrief[] = [];
  return {
    provider: "scripted",
    modelId: "model-1",
    briefs,
    async write(brief) {
      briefs.push(brief);
      return Object.fromEntries(HYPOTHESIS_SECTIONS.map((name) => [name, `Verdict: ready. Cite #999. (${name})`])) as Record<HypothesisSectionName, string>;
    },
  };
}

describe("draftHypotheses", () => {
  it("drafts one hypothesis per supported expansion type, every section citing the rules' evidence", async () => {
    const [draft, ...others] = await draftHypotheses(assessmentOf(ready()));
    expect(others).toEqual([]);
    expect(draft).toMatchObject({ expansionType: "new_department", verdict: "ready", evidenceIds: ["1", "2", "3", "4"] });
    expect(draft?.content.writer).toBe("template");
    expect(draft?.content.provenValue).toEqual({ text: `In the customer's own words: "Late deliveries are down 18%." (Dana Okafor, call 2026-10-20 00:03:02, #1)`, evidenceIds: ["1"] });
    expect(draft?.content.accountLearning.evidenceIds).toEqual(["3", "4"]);
    expect(draft?.content.stakeholderPull.text).toBe("Pulling: Bianca Torres (other_team_interest); Farah Siddiqui (other_team_interest).");
    expect(draft?.content.risksToAdoption.text).toBe("No open customer-side risk in the window the rules read.");
  });

  it("a writer supplies prose only: the verdict, evidence set and citations stay the rules'", async () => {
    const writer = scriptedWriter();
    const footprintFails = assessmentOf(ready(), "red");
    const [draft] = await draftHypotheses(footprintFails, writer);
    expect(writer.briefs).toHaveLength(1);
    expect(writer.briefs[0]?.result.verdict).toBe("fix_footprint");
    expect(draft?.verdict).toBe("fix_footprint");
    expect(draft?.evidenceIds).toEqual(["1", "2", "3", "4"]);
    expect(draft?.content.provenValue).toEqual({ text: "Verdict: ready. Cite #999. (provenValue)", evidenceIds: ["1"] });
    expect(draft?.content.writer).toBe("scripted/model-1");
  });

  it("drafts nothing when no expansion type is supported, and names the footprint fix first when not ready", async () => {
    expect(await draftHypotheses(assessmentOf(ready().slice(0, 2)))).toEqual([]);
    const [draft] = await draftHypotheses(assessmentOf(ready(), "red"));
    expect(draft?.content.nextCustomerAction.text).toContain("The footprint recovers first");
    expect(draft?.content.riskIfNever.text).toContain("speeds churn instead (seed 004)");
  });
});
