import type { ReadinessGate } from "../readiness-gate.js";

export const healthyFootprintGate: ReadinessGate = {
  id: "healthy_footprint",
  description: "Health is green, or yellow and trending up",
  role: "footprint",
  seeds: ["004"],
  nextCustomerAction: { rank: 3, text: "The footprint recovers first: the stalled setup is finished and health is green, or yellow and trending up." },
  evaluate({ input, rules, pull }) {
    const { health, health_trend: trend } = input.account;
    const { passing_health: passing, passing_when_trending_up: trendingUp } = rules.healthy_footprint;
    const seats = pull.seats.kind === "measured" ? pull.seats.utilisation : undefined;
    const data = {
      health,
      trend,
      seatUtilisation: seats === undefined ? null : Math.round(seats.ratio * 1000) / 1000,
    };
    const result = (status: "pass" | "fail" | "unknown", reason: string) => ({
      gate: "healthy_footprint" as const,
      status,
      reasons: [reason],
      evidenceIds: [],
      data,
    });
    if (health === "unknown") return result("unknown", "Health is unknown: the footprint cannot be judged yet.");
    if ((passing as readonly string[]).includes(health)) return result("pass", `Health is ${health}${trend === "unknown" ? "" : ` (trend ${trend})`}.`);
    if ((trendingUp as readonly string[]).includes(health)) {
      if (trend === "up") return result("pass", `Health is ${health} and trending up.`);
      if (trend === "unknown") return result("unknown", `Health is ${health} with no known trend: it passes only when trending up.`);
      return result("fail", `Health is ${health} and ${trend === "down" ? "falling" : "flat"}: it passes only when trending up.`);
    }
    return result("fail", `Health is ${health}: fix the footprint before any expansion conversation.`);
  },
};
