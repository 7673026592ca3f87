import { beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../../test/support/factories.js";
import { createFact } from "../../test/support/evidence-factory.js";
import type { Account } from "../ingest/account-schema.js";
import type { UsageMetric } from "../ingest/usage-schema.js";
import { evaluateReadiness } from "./evaluate-readiness.js";
import { loadRules } from "./load-rules.js";
import type { EvidenceFact, GateId, ReadinessInput, ReadinessResult } from "./readiness-contract.js";
import type { LoadedRules } from "./rules-schema.js";

let rules: LoadedRules;
beforeAll(async () => {
  rules = await loadRules();
});

const AS_OF = "2026-11-23";

/** A ready account: green, an outcome, an engaged champion, org growth said in two documents, no risks. */
function readyEvidence(): EvidenceFact[] {
  return [
    createFact({ id: "1", signalId: "measurable_outcome", occurredAt: "2026-10-20", sourceRef: "calls/a/qbr.vtt" }),
    createFact({ id: "2", signalId: "champion_engaged", occurredAt: "2026-10-20", sourceRef: "calls/a/qbr.vtt" }),
    createFact({ id: "3", signalId: "org_growth", occurredAt: "2026-08-12", sourceRef: "calls/a/check-in.vtt" }),
    createFact({ id: "4", signalId: "org_growth", occurredAt: "2026-10-20", sourceRef: "calls/a/qbr.vtt" }),
  ];
}

function input(overrides: { account?: Partial<Account>; evidence?: EvidenceFact[]; usage?: UsageMetric[]; asOf?: string } = {}): ReadinessInput {
  return {
    account: createAccount({ id: "acme", health: "green", health_trend: "flat", licensed_seats: 100, ...overrides.account }),
    usage: overrides.usage ?? [],
    evidence: overrides.evidence ?? readyEvidence(),
    asOf: overrides.asOf ?? AS_OF,
  };
}

function gate(result: ReadinessResult, id: GateId) {
  const found = result.gates.find((item) => item.gate === id);
  if (found === undefined) throw new Error(`no gate ${id}`);
  return found;
}

const evaluate = (value: ReadinessInput) => evaluateReadiness(value, rules);

describe("verdicts", () => {
  it("ready: every gate passes, and the result names the rules version and the supported expansion", () => {
    const result = evaluate(input());
    expect(result.verdict).toBe("ready");
    expect(result.gates.map((item) => [item.gate, item.status])).toEqual([
      ["healthy_footprint", "pass"],
      ["measurable_outcome", "pass"],
      ["champion_active", "pass"],
      ["customer_pull", "pass"],
      ["blocking_risks", "pass"],
    ]);
    expect(result.expansionTypes).toEqual([expect.objectContaining({ type: "volume", evidenceIds: ["3", "4"], signals: ["org_growth"] })]);
    expect(result.rulesVersion).toMatch(/^2026\.12-1\+[0-9a-f]{12}$/);
  });

  it("fix_footprint: a failing gate wins over an unknown one", () => {
    const result = evaluate(input({ account: { health: "red" }, evidence: readyEvidence().filter((fact) => fact.signalId !== "measurable_outcome") }));
    expect(gate(result, "healthy_footprint").status).toBe("fail");
    expect(gate(result, "measurable_outcome").status).toBe("unknown");
    expect(result.verdict).toBe("fix_footprint");
  });

  it("insufficient_evidence: nothing fails but a footprint gate cannot be decided", () => {
    const result = evaluate(input({ account: { health: "unknown", health_trend: "unknown" } }));
    expect(gate(result, "healthy_footprint").status).toBe("unknown");
    expect(result.verdict).toBe("insufficient_evidence");
  });

  it("no_pull: a sound footprint with nothing pulling", () => {
    const result = evaluate(input({ evidence: readyEvidence().filter((fact) => fact.signalId !== "org_growth") }));
    expect(gate(result, "customer_pull").status).toBe("fail");
    expect(result.verdict).toBe("no_pull");
    expect(result.expansionTypes).toEqual([]);
  });

  it("fix_footprint on blocking risks alone, and lists them", () => {
    const pushback = createFact({ id: "9", signalId: "upsell_pushback", occurredAt: "2026-10-22" });
    const result = evaluate(input({ evidence: [...readyEvidence(), pushback] }));
    expect(gate(result, "blocking_risks").status).toBe("fail");
    expect(result.verdict).toBe("fix_footprint");
    expect(result.blockingRisks).toEqual([{ signalId: "upsell_pushback", evidenceIds: ["9"], weight: 3 }]);
  });

  it("ignores evidence dated after the decision day", () => {
    const later = createFact({ signalId: "champion_departing", occurredAt: "2026-11-24" });
    expect(evaluate(input({ evidence: [...readyEvidence(), later] })).verdict).toBe("ready");
    expect(evaluate(input({ evidence: [...readyEvidence(), later], asOf: "2026-11-24" })).verdict).toBe("fix_footprint");
  });
});

describe("gate healthy_footprint (seed 004: green, or yellow trending up)", () => {
  it.each([
    ["green", "flat", "pass"],
    ["green", "down", "pass"],
    ["yellow", "up", "pass"],
    ["yellow", "flat", "fail"],
    ["yellow", "down", "fail"],
    ["yellow", "unknown", "unknown"],
    ["red", "up", "fail"],
    ["unknown", "up", "unknown"],
  ] as const)("%s trending %s -> %s", (health, trend, status) => {
    expect(gate(evaluate(input({ account: { health, health_trend: trend } })), "healthy_footprint").status).toBe(status);
  });
});

describe("gate measurable_outcome", () => {
  const others = () => readyEvidence().filter((fact) => fact.signalId !== "measurable_outcome");

  it("passes on a customer-stated outcome in the window and cites it", () => {
    const result = gate(evaluate(input()), "measurable_outcome");
    expect(result).toMatchObject({ status: "pass", evidenceIds: ["1"] });
  });

  it("is unknown when nobody has said anything about value", () => {
    expect(gate(evaluate(input({ evidence: others() })), "measurable_outcome").status).toBe("unknown");
  });

  it("fails when the customer contests the value and states no outcome", () => {
    const contested = createFact({ id: "20", signalId: "value_unproven", occurredAt: "2026-11-03" });
    expect(gate(evaluate(input({ evidence: [...others(), contested] })), "measurable_outcome")).toMatchObject({ status: "fail", evidenceIds: ["20"] });
  });

  it("an outcome older than the window is unknown, not a pass", () => {
    const old = createFact({ id: "21", signalId: "measurable_outcome", occurredAt: "2026-01-10" });
    expect(gate(evaluate(input({ evidence: [...others(), old] })), "measurable_outcome")).toMatchObject({ status: "unknown", evidenceIds: ["21"] });
  });

  it("an outcome said by the vendor does not count", () => {
    const vendor = createFact({ signalId: "measurable_outcome", speakerRole: "vendor", speaker: "Priya Raman" });
    expect(gate(evaluate(input({ evidence: [...others(), vendor] })), "measurable_outcome").status).toBe("unknown");
  });
});

describe("gate champion_active", () => {
  const withChampion = (...facts: EvidenceFact[]) =>
    gate(evaluate(input({ evidence: [...readyEvidence().filter((fact) => !fact.signalId.startsWith("champion_")), ...facts] })), "champion_active");

  it("passes on recent engagement", () => {
    expect(withChampion(createFact({ id: "30", signalId: "champion_engaged", occurredAt: "2026-11-01" }))).toMatchObject({ status: "pass" });
  });

  it("fails when a departure comes after the last engagement, and cites both", () => {
    const result = withChampion(
      createFact({ id: "31", signalId: "champion_engaged", occurredAt: "2026-11-01" }),
      createFact({ id: "32", signalId: "champion_departing", occurredAt: "2026-11-18", speaker: "Owen Whitaker" }),
    );
    expect(result).toMatchObject({ status: "fail", evidenceIds: ["31", "32"] });
    expect(result.reasons[0]).toContain("#32 (Owen Whitaker, 2026-11-18)");
  });

  it("fails when the departure and the engagement are at the same moment", () => {
    expect(
      withChampion(
        createFact({ signalId: "champion_engaged", occurredAt: "2026-11-18T15:00:00Z" }),
        createFact({ signalId: "champion_departing", occurredAt: "2026-11-18T15:00:00Z" }),
      ).status,
    ).toBe("fail");
  });

  it("passes again when a (new) champion engages after an old departure", () => {
    expect(
      withChampion(
        createFact({ signalId: "champion_departing", occurredAt: "2026-08-01" }),
        createFact({ signalId: "champion_engaged", occurredAt: "2026-10-01", speaker: "Farah Siddiqui" }),
      ).status,
    ).toBe("pass");
  });

  it("fails when the champion has gone dark (last engagement older than the window)", () => {
    expect(withChampion(createFact({ signalId: "champion_engaged", occurredAt: "2026-03-01" })).status).toBe("fail");
  });

  it("is unknown with no evidence about the champion", () => {
    expect(withChampion().status).toBe("unknown");
  });
});

describe("gate customer_pull", () => {
  const footprint = () => readyEvidence().filter((fact) => fact.signalId !== "org_growth");
  const pullOf = (facts: EvidenceFact[], usage: UsageMetric[] = []) => evaluate(input({ evidence: [...footprint(), ...facts], usage }));

  it("does not count a single mention: one document, one speaker", () => {
    const result = pullOf([createFact({ id: "40", signalId: "other_team_interest", sourceRef: "tickets/a.json#1" })]);
    expect(gate(result, "customer_pull").status).toBe("fail");
    expect(gate(result, "customer_pull").reasons.join("\n")).toContain("Not counted, too thin: other_team_interest -> new_department from #40");
  });

  it("counts a signal said in two documents, or by two speakers in one", () => {
    const twoDocuments = pullOf([
      createFact({ id: "41", signalId: "other_team_interest", sourceRef: "tickets/a.json#1" }),
      createFact({ id: "42", signalId: "other_team_interest", sourceRef: "tickets/a.json#2" }),
    ]);
    expect(twoDocuments.expansionTypes).toEqual([expect.objectContaining({ type: "new_department", evidenceIds: ["41", "42"] })]);
    const twoSpeakers = pullOf([
      createFact({ signalId: "adjacent_tool", sourceRef: "calls/a/x.vtt", speaker: "Malik Haddad" }),
      createFact({ signalId: "adjacent_tool", sourceRef: "calls/a/x.vtt", speaker: "Robert Nakamura" }),
    ]);
    expect(twoSpeakers.expansionTypes.map((support) => support.type)).toEqual(["cross_sell"]);
  });

  it("does not count mentions older than the window", () => {
    const old = [
      createFact({ signalId: "org_growth", sourceRef: "a", occurredAt: "2026-03-01" }),
      createFact({ signalId: "org_growth", sourceRef: "b", occurredAt: "2026-03-02" }),
    ];
    expect(gate(pullOf(old), "customer_pull").status).toBe("fail");
  });

  it("counts seat pressure measured from usage on its own, for volume", () => {
    const usage = [
      { account_id: "acme", date: "2026-09-30", metric: "active_users", value: 70 },
      { account_id: "acme", date: "2026-10-31", metric: "active_users", value: 85 },
    ];
    const result = pullOf([], usage);
    expect(result.verdict).toBe("ready");
    expect(result.expansionTypes).toEqual([
      expect.objectContaining({ type: "volume", evidenceIds: [], signals: ["seat_pressure"], seatUtilisation: expect.objectContaining({ ratio: 0.85, measuredOn: "2026-10-31" }) }),
    ]);
  });

  it("reads the seat metric under the names other usage exports give it, and says which names it looked for (issue 16, class 11)", () => {
    const renamed = pullOf([], [{ account_id: "acme", date: "2026-10-31", metric: "active_licences", value: 91 }]);
    expect(renamed.expansionTypes[0]?.seatUtilisation).toMatchObject({ activeUsers: 91, ratio: 0.91 });
    const unknown = pullOf([], [{ account_id: "acme", date: "2026-10-31", metric: "weekly_logins", value: 91 }]);
    expect(unknown.expansionTypes).toEqual([]);
    expect(gate(unknown, "customer_pull").reasons.join(" ")).toMatch(/weekly_logins.*metric_aliases/);
  });

  it("does not count utilisation at or below the threshold, or measured too long ago", () => {
    expect(pullOf([], [{ account_id: "acme", date: "2026-10-31", metric: "active_users", value: 80 }]).verdict).toBe("no_pull");
    expect(pullOf([], [{ account_id: "acme", date: "2026-08-31", metric: "active_users", value: 99 }]).verdict).toBe("no_pull");
  });

  it("sends a tier or add-on ask where the vendor profile says, or to both when the quote names nothing known", () => {
    const forecast = { kind: "add_on", id: "forecast", name: "Lumen Forecast", relation: "add_on", matched: ["scenario planning"] } as const;
    const enterprise = { kind: "tier", id: "enterprise", name: "Enterprise", relation: "higher_tier", matched: ["row-level security"] } as const;
    const addOn = pullOf([
      createFact({ id: "50", signalId: "higher_tier_interest", sourceRef: "a", offering: forecast }),
      createFact({ id: "51", signalId: "higher_tier_interest", sourceRef: "b", offering: forecast }),
    ]);
    expect(addOn.expansionTypes.map((support) => support.type)).toEqual(["cross_sell"]);
    expect(addOn.expansionTypes[0]?.notes[0]).toContain("names Lumen Forecast (add-on: scenario planning)");
    const tier = pullOf([
      createFact({ signalId: "tier_workaround", sourceRef: "a", offering: enterprise }),
      createFact({ signalId: "tier_workaround", sourceRef: "b", offering: enterprise }),
    ]);
    expect(tier.expansionTypes.map((support) => support.type)).toEqual(["tier_upgrade"]);
    const unnamed = pullOf([createFact({ signalId: "tier_workaround", sourceRef: "a" }), createFact({ signalId: "tier_workaround", sourceRef: "b" })]);
    expect(unnamed.expansionTypes.map((support) => support.type)).toEqual(["tier_upgrade", "cross_sell"]);
    expect(unnamed.expansionTypes[0]?.notes[0]).toContain("supports both tier_upgrade and cross_sell");
  });

  it("does not count an ask for what the current plan already does (an enablement gap)", () => {
    const current = { kind: "tier", id: "business", name: "Business", relation: "current_plan", matched: ["scheduled reports"] } as const;
    const result = pullOf([
      createFact({ id: "60", signalId: "higher_tier_interest", sourceRef: "a", offering: current }),
      createFact({ id: "61", signalId: "higher_tier_interest", sourceRef: "b", offering: current }),
    ]);
    expect(result.verdict).toBe("no_pull");
    expect(gate(result, "customer_pull").reasons.join("\n")).toContain("#60");
    expect(gate(result, "customer_pull").reasons.join("\n")).toContain("enablement gap");
  });

  it("counts a second use case the customer started as pull for new_use_case (also_pull)", () => {
    const result = pullOf([
      createFact({ signalId: "second_use_case", sourceRef: "a", speaker: "Rosa Delgado" }),
      createFact({ signalId: "second_use_case", sourceRef: "b", speaker: "Anita Shah" }),
    ]);
    expect(result.expansionTypes.map((support) => support.type)).toEqual(["new_use_case"]);
  });
});

describe("gate blocking_risks (seeds 000, 001)", () => {
  const withRisks = (...facts: EvidenceFact[]) => gate(evaluate(input({ evidence: [...readyEvidence(), ...facts] })), "blocking_risks");

  it("passes with no open risk", () => {
    expect(withRisks().status).toBe("pass");
  });

  it("passes while value outweighs the risks", () => {
    // adoption_friction 1 + onboarding_stalled 2 = 3, minus outcome 2 and champion 1 = 0.
    const result = withRisks(createFact({ signalId: "adoption_friction" }), createFact({ signalId: "onboarding_stalled" }));
    expect(result.status).toBe("pass");
    expect(result.data).toMatchObject({ riskWeight: 3, valueWeight: 3 });
  });

  it("fails when risks outweigh value by the block level", () => {
    const result = withRisks(
      createFact({ signalId: "budget_pressure" }),
      createFact({ signalId: "value_unproven" }),
      createFact({ signalId: "shallow_adoption" }),
    );
    expect(result.status).toBe("fail");
    expect(result.reasons.at(-1)).toContain("Risk 6 minus value 3 is 3");
  });

  it("counts a risk repeated many times once", () => {
    const repeated = Array.from({ length: 8 }, () => createFact({ signalId: "adoption_friction" }));
    expect(withRisks(...repeated).data).toMatchObject({ riskWeight: 1 });
  });

  it("upsell pushback blocks on its own, whatever the value", () => {
    expect(withRisks(createFact({ signalId: "upsell_pushback" })).status).toBe("fail");
  });

  it("ignores risks older than the window", () => {
    expect(withRisks(createFact({ signalId: "upsell_pushback", occurredAt: "2026-04-01" })).status).toBe("pass");
  });
});
