import { isFootprintGate } from "../rules/gate-registry.js";
import { compareIds, customerTimeline, decisionTime, ofSignals, sortedIds, withinDays } from "../rules/evidence-timeline.js";
import type { EvidenceFact, ExpansionSupport, GateId, GateResult, ReadinessResult } from "../rules/readiness-contract.js";
import { EXPANSION_TYPES } from "../taxonomy/expansion-types.js";
import type { SignalId } from "../taxonomy/signals.js";
import type { ReadinessAssessment } from "./assess-account.js";
import { HYPOTHESIS_SECTIONS, type HypothesisContent, type HypothesisDraft, type HypothesisSectionName } from "./hypothesis-content.js";
import type { HypothesisBrief, HypothesisWriter, SectionBrief } from "./hypothesis-writer.js";
import { templateWriter } from "./template-writer.js";

const SPONSOR_SIGNALS: readonly SignalId[] = ["executive_alignment", "internal_advocacy"];

function gateOf(result: ReadinessResult, id: GateId): GateResult | undefined {
  return result.gates.find((gate) => gate.gate === id);
}

/**
 * The evidence one hypothesis rests on: every footprint gate's evidence and the evidence of its own
 * expansion type, not that of other types (new evidence for another type does not make it stale).
 */
export function hypothesisEvidenceIds(result: ReadinessResult, support: ExpansionSupport): string[] {
  const footprint = result.gates.filter((gate) => isFootprintGate(gate.gate)).flatMap((gate) => gate.evidenceIds);
  return sortedIds([...footprint, ...support.evidenceIds]);
}

function briefFor(assessment: ReadinessAssessment, support: ExpansionSupport): HypothesisBrief {
  const { result, input } = assessment;
  const byId = new Map(input.evidence.map((fact) => [fact.id, fact]));
  const facts = (ids: Iterable<string>) =>
    sortedIds(ids)
      .map((id) => byId.get(id))
      .filter((fact): fact is EvidenceFact => fact !== undefined);
  const now = decisionTime(input.asOf);
  // Sponsors who spoke inside the pull window: executives and advocates carry the pull to budget (seed 002).
  const sponsors = withinDays(
    ofSignals(customerTimeline(input.evidence, now), SPONSOR_SIGNALS),
    now,
    assessment.rules.rules.customer_pull.window_days,
  ).map((fact) => fact.id);

  const outcome = gateOf(result, "measurable_outcome");
  const champion = gateOf(result, "champion_active");
  const risks = gateOf(result, "blocking_risks");
  const healthy = gateOf(result, "healthy_footprint");
  const blocking = result.gates.filter((gate) => isFootprintGate(gate.gate) && gate.status !== "pass");
  const sections: Record<HypothesisSectionName, SectionBrief> = {
    provenValue: {
      evidence: facts(outcome?.status === "pass" ? outcome.evidenceIds : []),
      facts: outcome === undefined ? [] : [`measurable_outcome ${outcome.status}`, ...outcome.reasons],
    },
    accountLearning: {
      evidence: facts(support.evidenceIds),
      facts: support.seatUtilisation === undefined ? [] : [seatSentence(support)],
    },
    stakeholderPull: {
      evidence: facts([...support.evidenceIds, ...sponsors]),
      facts: [],
    },
    nextAdjacency: {
      evidence: facts(support.evidenceIds.filter((id) => byId.get(id)?.offering !== undefined)),
      facts: [`${support.type}: ${EXPANSION_TYPES[support.type]}.`],
    },
    risksToAdoption: {
      evidence: facts([...(risks?.evidenceIds ?? []), ...(champion?.status === "fail" ? champion.evidenceIds : [])]),
      facts: [
        ...((risks?.evidenceIds.length ?? 0) > 0 ? (risks?.reasons ?? []) : []),
        ...(champion?.status === "fail" ? champion.reasons : []),
        ...(healthy?.status === "pass" ? [] : (healthy?.reasons ?? [])),
      ],
    },
    nextCustomerAction: {
      evidence: [],
      facts: [`verdict ${result.verdict}`, ...blocking.map((gate) => `${gate.gate} ${gate.status}`)],
    },
    riskIfNever: { evidence: [], facts: [`verdict ${result.verdict}`] },
  };
  return { accountName: assessment.account.name, expansionType: support.type, result, sections };
}

function seatSentence(support: ExpansionSupport): string {
  const seats = support.seatUtilisation;
  if (seats === undefined) return "";
  return `${seats.activeUsers} of ${seats.licensedSeats} seats active on ${seats.measuredOn} (${Math.round(seats.ratio * 100)}%).`;
}

/**
 * One hypothesis per expansion type the rules found supported, its prose written by `writer` (templates by
 * default). The verdict, the evidence set and each section's citations come from the rules; the writer
 * only supplies text.
 *
 * @example const drafts = await draftHypotheses(assessment); // [] when nothing on the customer side pulls
 */
export async function draftHypotheses(assessment: ReadinessAssessment, writer: HypothesisWriter = templateWriter): Promise<HypothesisDraft[]> {
  const drafts: HypothesisDraft[] = [];
  for (const support of assessment.result.expansionTypes) {
    const brief = briefFor(assessment, support);
    const written = await writer.write(brief);
    const content = Object.fromEntries(
      HYPOTHESIS_SECTIONS.map((name) => [
        name,
        { text: written[name], evidenceIds: brief.sections[name].evidence.map((fact) => fact.id).sort(compareIds) },
      ]),
    ) as Record<HypothesisSectionName, { text: string; evidenceIds: string[] }>;
    drafts.push({
      accountId: assessment.account.id,
      expansionType: support.type,
      verdict: assessment.result.verdict,
      evidenceIds: hypothesisEvidenceIds(assessment.result, support),
      rulesVersion: assessment.result.rulesVersion,
      asOf: assessment.input.asOf,
      content: { ...content, writer: writer.provider === "template" ? "template" : `${writer.provider}/${writer.modelId}` } as HypothesisContent,
    });
  }
  return drafts;
}
