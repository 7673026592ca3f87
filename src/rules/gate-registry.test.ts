import { describe, expect, it } from "vitest";
import { SEEDS } from "../taxonomy/seeds.js";
import { decideVerdict } from "./evaluate-readiness.js";
import { READINESS_GATES } from "./gate-registry.js";
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
});
