import { isFootprintGate } from "../rules/gate-registry.js";
import { sortedIds } from "../rules/evidence-timeline.js";
import { DEFAULT_RULES_FILE } from "../rules/load-rules.js";
import type { EvidenceFact, GateStatus, ReadinessResult, Verdict } from "../rules/readiness-contract.js";
import type { ReadinessAssessment } from "./assess-account.js";

const MARK: Record<GateStatus, string> = { pass: "PASS", fail: "FAIL", unknown: " ?? " };

function headline(result: ReadinessResult): string {
  const types = result.expansionTypes.map((support) => support.type).join(", ");
  const not = (status: GateStatus) =>
    result.gates.filter((gate) => isFootprintGate(gate.gate) && gate.status === status).map((gate) => gate.gate).join(", ");
  const lines: Record<Verdict, string> = {
    ready: `READY for an expansion conversation: ${types}`,
    fix_footprint: `FIX THE FOOTPRINT FIRST (${not("fail")})`,
    no_pull: "NO PULL: healthy, but nothing on the customer side asks for more (a wish, not a lead)",
    insufficient_evidence: `INSUFFICIENT EVIDENCE: ${not("unknown")} cannot be decided yet`,
  };
  return lines[result.verdict];
}

function indent(text: string, prefix: string): string {
  return text
    .split("\n")
    .map((line) => `${prefix}${line}`)
    .join("\n");
}

/** The evidence the result cites, in id order, with what a reader needs to find it again. */
export function citedEvidence(assessment: ReadinessAssessment): EvidenceFact[] {
  const byId = new Map(assessment.input.evidence.map((fact) => [fact.id, fact]));
  const ids = sortedIds([
    ...assessment.result.gates.flatMap((gate) => gate.evidenceIds),
    ...assessment.result.expansionTypes.flatMap((support) => support.evidenceIds),
  ]);
  return ids.map((id) => byId.get(id)).filter((fact): fact is EvidenceFact => fact !== undefined);
}

/**
 * A readiness result for a terminal: the verdict, each gate with its reasons, what pulls, what blocks, and
 * every quote cited, with its speaker and place.
 *
 * @example console.log(renderReadiness(await assessAccount(database, "kestrel-credit-union")));
 */
export function renderReadiness(assessment: ReadinessAssessment): string {
  const { result, account } = assessment;
  const width = Math.max(...result.gates.map((gate) => gate.gate.length));
  const lines = [
    `${account.name} (${account.id}), as of ${result.asOf}`,
    `Verdict: ${headline(result)}`,
    "",
    "Gates",
  ];
  for (const gate of result.gates) {
    const [first = "", ...rest] = gate.reasons;
    lines.push(`  ${MARK[gate.status]}  ${gate.gate.padEnd(width)}  ${first}`);
    for (const reason of rest) lines.push(`  ${" ".repeat(4)}  ${" ".repeat(width)}  ${reason}`);
  }
  lines.push("", "Customer pull");
  if (result.expansionTypes.length === 0) lines.push("  none corroborated");
  for (const support of result.expansionTypes) {
    const seats = support.seatUtilisation;
    const measured =
      seats === undefined ? "" : `; ${seats.activeUsers} of ${seats.licensedSeats} seats active on ${seats.measuredOn} (${Math.round(seats.ratio * 100)}%)`;
    const ids = support.evidenceIds.length === 0 ? "" : ` [${support.evidenceIds.map((id) => `#${id}`).join(" ")}]`;
    lines.push(`  ${support.type}: ${support.signals.join(", ")}${measured}${ids}`);
  }
  lines.push("", "Blocking risks");
  if (result.blockingRisks.length === 0) lines.push("  none");
  for (const risk of result.blockingRisks) lines.push(`  ${risk.signalId} (weight ${risk.weight}) [${risk.evidenceIds.map((id) => `#${id}`).join(" ")}]`);

  const cited = citedEvidence(assessment);
  lines.push("", cited.length === 0 ? "No evidence cited." : "Cited evidence");
  for (const fact of cited) {
    const who = `${fact.speaker ?? "unnamed"} (${fact.speakerRole})`;
    lines.push(`  #${fact.id} ${fact.signalId}: ${who}, ${fact.place ?? fact.sourceRef}`);
    lines.push(indent(`"${fact.quote}"`, "      "));
  }
  const notes: string[] = [];
  if (assessment.notCustomerSide > 0) {
    notes.push(`${assessment.notCustomerSide} evidence row${assessment.notCustomerSide === 1 ? "" : "s"} said by the vendor or unknown speakers did not count (seed 001: push, not pull).`);
  }
  if (assessment.unreadable > 0) notes.push(`${assessment.unreadable} evidence row(s) with an unknown signal or no date were left out.`);
  const file = assessment.rules.file === DEFAULT_RULES_FILE ? "the shipped readiness-rules.yaml" : assessment.rules.file;
  lines.push("", ...notes, `Rules ${result.rulesVersion} (${file}). Decided by rules, not by a model.`);
  return lines.join("\n");
}
