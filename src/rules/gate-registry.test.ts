import { describe, expect, it } from "vitest";
import { SEEDS } from "../taxonomy/seeds.js";
import { decideVerdict } from "./evaluate-readiness.js";
import { nextFootprintAction, READINESS_GATES, summariseGate } from "./gate-registry.js";
import type { GateId, GateResult, GateStatus } from "./readiness-contract.js";

const GATE_IDS: readonly GateId[] = ["healthy_footprint", "measurable_outcome", "champion_active", "customer_pull", "blocking_risks"];

describe("gate registry", () => {
  it("holds each gate of the contract once, each described and traced to a seed", () => {
    expect(READINESS_GATES.map((gate) => gate.id)).toEqual(GATE_IDS);
    for (const gate of READINESS_GATES) {
      expect(gate.description.length).toBeGreaterThan(10);
      expect(gate.seeds.length).toBeGreaterThan(0);
      for (const seed of gate.seeds) expect(Object.keys(SEEDS)).toContain(seed);
    }
    expect(READINESS_GATES.filter((gate) => gate.role === "pull").map((gate) => gate.id)).toEqual(["customer_pull"]);
  });

  it("decides the verdict from gate statuses in a fixed precedence", () => {
    const gates = (statuses: Partial<Record<GateId, GateStatus>>): GateResult[] =>
      GATE_IDS.map((gate) => ({ gate, status: statuses[gate] ?? "pass", reasons: [], evidenceIds: [] }));
    expect(decideVerdict(gates({}))).toBe("ready");
    expect(decideVerdict(gates({ customer_pull: "fail" }))).toBe("no_pull");
    expect(decideVerdict(gates({ customer_pull: "fail", champion_active: "unknown" }))).toBe("insufficient_evidence");
    expect(decideVerdict(gates({ customer_pull: "unknown" }))).toBe("insufficient_evidence");
    expect(decideVerdict(gates({ healthy_footprint: "unknown", measurable_outcome: "fail" }))).toBe("fix_footprint");
    expect(decideVerdict(gates({ blocking_risks: "fail" }))).toBe("fix_footprint");
  });

  it("lets each gate declare its own text: the next customer action of each footprint gate, the summary of pull", () => {
    const footprint = READINESS_GATES.filter((gate) => gate.role === "footprint");
    expect(footprint.every((gate) => (gate.nextCustomerAction?.text.length ?? 0) > 20)).toBe(true);
    expect(new Set(footprint.map((gate) => gate.nextCustomerAction?.rank)).size).toBe(footprint.length);
    const result = (statuses: Partial<Record<GateId, GateStatus>>) => ({
      accountId: "acme",
      asOf: "2026-11-23",
      verdict: "fix_footprint" as const,
      rulesVersion: "test",
      gates: GATE_IDS.map((gate): GateResult => ({ gate, status: statuses[gate] ?? "pass", reasons: [`${gate} reason`], evidenceIds: [] })),
      expansionTypes: [{ type: "volume" as const, signals: ["seat_pressure" as const], evidenceIds: [] }],
      blockingRisks: [],
    });
    expect(nextFootprintAction(result({}) as never)).toBeUndefined();
    // The champion comes before the measurable outcome, whatever order the gates are listed in.
    expect(nextFootprintAction(result({ measurable_outcome: "fail", champion_active: "unknown" }) as never)).toMatch(/^The customer names who owns the product/);
    const decided = result({});
    expect(summariseGate(decided.gates[0] as GateResult, decided as never)).toBe("healthy_footprint reason");
    expect(summariseGate(decided.gates[3] as GateResult, decided as never)).toBe("volume (seat_pressure)");
  });
});
