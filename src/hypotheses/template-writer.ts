import { nextFootprintAction } from "../rules/gate-registry.js";
import type { EvidenceFact } from "../rules/readiness-contract.js";
import type { ExpansionType } from "../taxonomy/expansion-types.js";
import type { HypothesisSectionName } from "./hypothesis-content.js";
import type { HypothesisBrief, HypothesisWriter } from "./hypothesis-writer.js";

const MOST_QUOTES = 3;

/** `"We really are at 120 of 120." (Dana Okafor, ticket #1031 comment 3, #7)` */
export function quoted(fact: EvidenceFact): string {
  const who = [fact.speaker, fact.place].filter((part) => part !== undefined).join(", ");
  return `"${fact.quote}" (${who}${who === "" ? "" : ", "}#${fact.id})`;
}

/** The newest few, newest first: what a reader needs, not every mention. */
function newest(evidence: readonly EvidenceFact[]): EvidenceFact[] {
  return [...evidence].sort((left, right) => Date.parse(right.occurredAt) - Date.parse(left.occurredAt)).slice(0, MOST_QUOTES);
}

const ASK: Record<ExpansionType, string> = {
  volume: "The economic buyer confirms how many more seats are needed and by when, in writing.",
  tier_upgrade: "The customer puts a cost on the workaround and asks to see the higher tier's capability on their own data.",
  cross_sell: "The owner of the adjacent problem joins a working session on their own data and names the measure they would judge it by.",
  new_department: "The champion introduces the head of the other team, and that team asks for access themselves.",
  new_use_case: "The executive sponsor names an owner and one measure for the new use.",
};

const NEVER: Record<ExpansionType, string> = {
  volume: "people without seats keep sharing logins or working beside the product, and seats come up as a surprise at renewal.",
  tier_upgrade: "the workaround becomes the process, and the higher tier stays the vendor's idea.",
  cross_sell: "the adjacent problem stays in the other tool, and the add-on stays the vendor's idea rather than the customer's need.",
  new_department: "the other team's interest fades or turns into borrowed logins, with no owner on their side.",
  new_use_case: "the new use stays an idea without an owner and never becomes a result anyone can tell.",
};

/** The expansion type, and what the customer named from the vendor profile (a tier or an add-on). */
function adjacency(facts: readonly string[], evidence: readonly EvidenceFact[], type: ExpansionType): string {
  const named = new Map<string, string[]>();
  for (const fact of evidence) {
    if (fact.offering === undefined) continue;
    const label = `${fact.offering.name} (${fact.offering.kind === "tier" ? "tier" : "add-on"})`;
    named.set(label, [...(named.get(label) ?? []), `#${fact.id}`]);
  }
  const asked = [...named].map(([label, ids]) => `${label}, asked for in ${ids.join(", ")}`).join("; ");
  const open =
    named.size === 0 && (type === "tier_upgrade" || type === "cross_sell")
      ? " The asks name no tier or add-on capability, so whether a higher tier or an add-on fits is for the discovery call."
      : "";
  return `${facts.join(" ")}${asked === "" ? "" : ` The customer names ${asked}.`}${open}`;
}

/**
 * The offline writer: fills each section from the brief with fixed sentences and the customer's own
 * quotes. No network, no key, the same text every time.
 */
export const templateWriter: HypothesisWriter = {
  provider: "template",
  modelId: "offline-templates-1",
  async write(brief: HypothesisBrief): Promise<Record<HypothesisSectionName, string>> {
    const { sections, expansionType: type, result } = brief;
    const quotes = (name: HypothesisSectionName) => newest(sections[name].evidence).map(quoted).join(" ");
    const speakers = new Map<string, Set<string>>();
    for (const fact of sections.stakeholderPull.evidence) {
      const name = fact.speaker ?? "an unnamed customer";
      speakers.set(name, (speakers.get(name) ?? new Set()).add(fact.signalId));
    }
    const risks = sections.risksToAdoption;
    return {
      provenValue:
        sections.provenValue.evidence.length > 0
          ? `In the customer's own words: ${quotes("provenValue")}`
          : `Not proven yet. ${sections.provenValue.facts.slice(1).join(" ")}`.trim(),
      accountLearning: [sections.accountLearning.facts.join(" "), quotes("accountLearning")].filter((part) => part !== "").join(" "),
      stakeholderPull:
        speakers.size === 0
          ? "Only usage numbers pull so far; no one on the customer side has asked yet."
          : `Pulling: ${[...speakers].map(([name, signals]) => `${name} (${[...signals].join(", ")})`).join("; ")}.`,
      nextAdjacency: adjacency(sections.nextAdjacency.facts, sections.nextAdjacency.evidence, type),
      risksToAdoption:
        risks.evidence.length === 0 && risks.facts.length === 0
          ? "No open customer-side risk in the window the rules read."
          : `${risks.facts.join(" ")} ${quotes("risksToAdoption")}`.trim(),
      nextCustomerAction: result.verdict === "ready" ? ASK[type] : (nextFootprintAction(result) ?? ASK[type]),
      riskIfNever:
        result.verdict === "ready"
          ? `If it never happens, ${NEVER[type]} Without that step this is a wish, not a lead (seed 001).`
          : `If it never happens, an expansion push lands on a shaky footprint and speeds churn instead (seed 004); ${NEVER[type]}`,
    };
  },
};
