import { cite, dayOf, daysBefore, latest, ofSignals, sortedIds, withinDays } from "../evidence-timeline.js";
import type { ReadinessGate } from "../readiness-gate.js";

export const championActiveGate: ReadinessGate = {
  id: "champion_active",
  description: "The champion is engaged recently and no departure was announced since",
  role: "footprint",
  seeds: ["004", "001"],
  nextCustomerAction: { rank: 1, text: "The customer names who owns the product on their side now, and that person joins the next call." },
  evaluate({ input, timeline, now, rules }) {
    const windowDays = rules.champion_active.window_days;
    // Someone else's engagement or departure is not the champion's (match-person.ts labels who it is about).
    const aboutChampion = (fact: { readonly about?: string }) => fact.about !== "someone_else";
    const engaged = ofSignals(timeline, ["champion_engaged"]).filter(aboutChampion);
    const departing = ofSignals(timeline, ["champion_departing"]).filter(aboutChampion);
    const lastEngaged = latest(engaged);
    const lastDeparting = latest(departing);
    const gate = "champion_active" as const;
    const data = {
      champion: input.account.champion ?? null,
      lastEngaged: lastEngaged === undefined ? null : dayOf(lastEngaged.at),
      lastDeparting: lastDeparting === undefined ? null : dayOf(lastDeparting.at),
    };
    // A departure at or after the last sign of engagement ends the champion's run, whatever the windows.
    if (lastDeparting !== undefined && (lastEngaged === undefined || lastDeparting.at >= lastEngaged.at)) {
      const since = lastEngaged === undefined ? departing : departing.filter((fact) => fact.at >= lastEngaged.at);
      return {
        gate,
        status: "fail",
        reasons: [
          `The champion is leaving or has left: ${since.map(cite).join(", ")}` +
            `${lastEngaged === undefined ? "" : `, after the last engagement ${cite(lastEngaged)}`}. Name a new owner first.`,
        ],
        evidenceIds: sortedIds([...since.map((fact) => fact.id), ...(lastEngaged === undefined ? [] : [lastEngaged.id])]),
        data,
      };
    }
    const recent = withinDays(engaged, now, windowDays);
    if (lastEngaged !== undefined && recent.length > 0) {
      return {
        gate,
        status: "pass",
        reasons: [`The champion is engaged: ${recent.length} sign${recent.length === 1 ? "" : "s"} of engagement in the last ${windowDays} days, latest ${cite(lastEngaged)}.`],
        evidenceIds: sortedIds(recent.map((fact) => fact.id)),
        data,
      };
    }
    if (lastEngaged !== undefined && lastEngaged.at < daysBefore(now, windowDays)) {
      return {
        gate,
        status: "fail",
        reasons: [`The champion has gone dark: the last engagement, ${cite(lastEngaged)}, is older than ${windowDays} days.`],
        evidenceIds: [lastEngaged.id],
        data,
      };
    }
    return {
      gate,
      status: "unknown",
      reasons: ["No customer-side evidence about the champion's engagement yet."],
      evidenceIds: [],
      data,
    };
  },
};
