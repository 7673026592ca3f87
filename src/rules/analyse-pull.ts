import { EXPANSION_TYPE_IDS, type ExpansionType } from "../taxonomy/expansion-types.js";
import { isPullSignal, SIGNALS, signalById, type SignalId } from "../taxonomy/signals.js";
import { cite, ofSignals, sortedIds, withinDays, type TimedFact } from "./evidence-timeline.js";
import type { ExpansionSupport } from "./readiness-contract.js";
import type { ReadinessRules } from "./rules-schema.js";
import type { SeatReading } from "./seat-utilisation.js";

/** A signal's mentions that point at one expansion type, with how independent they are. */
export interface PullGroup {
  readonly signalId: SignalId;
  readonly type: ExpansionType;
  readonly facts: readonly TimedFact[];
  readonly documents: number;
  readonly speakers: number;
  readonly corroborated: boolean;
}

export interface PullAnalysis {
  readonly supported: readonly ExpansionSupport[];
  readonly groups: readonly PullGroup[];
  /** Customer asks for what their plan already does: enablement gaps, not expansion. */
  readonly enablementGaps: readonly TimedFact[];
  readonly seats: SeatReading;
}

/** The signals that can carry pull: usage and relationship signals of the taxonomy, plus `also_pull`. */
export function pullSignalIds(rules: ReadinessRules): SignalId[] {
  return SIGNALS.filter(
    (signal) => (isPullSignal(signal) && signal.expansionTypes.length > 0) || rules.customer_pull.also_pull.includes(signal.id),
  ).map((signal) => signal.id);
}

/**
 * Where one mention points. A signal with one expansion type points there. tier_workaround and
 * higher_tier_interest point to tier_upgrade or cross_sell depending on what the quote names (matched
 * against the vendor profile before the rules run); when it names nothing known, to both.
 */
export function typesOf(fact: TimedFact): { types: ExpansionType[]; note?: string } {
  const types = [...signalById(fact.signalId).expansionTypes];
  if (types.length < 2) return { types };
  const offering = fact.offering;
  if (offering === undefined) {
    return {
      types,
      note: `${fact.signalId} ${cite(fact)} names no tier or add-on capability of the vendor profile, so it supports both ${types.join(" and ")}.`,
    };
  }
  const capabilities = offering.matched.filter((item) => item !== offering.name);
  const named = `${offering.name} (${offering.kind === "tier" ? "tier" : "add-on"}${capabilities.length === 0 ? "" : `: ${capabilities.join(", ")}`})`;
  // An offering borrowed from another quote of the same document says so, so a reader can check it.
  const what = offering.inferredFrom === undefined ? named : `nothing itself, but #${offering.inferredFrom} in the same document names ${named}`;
  switch (offering.relation) {
    case "higher_tier":
      return { types: ["tier_upgrade"], note: `${fact.signalId} ${cite(fact)} names ${what}, a higher tier: tier_upgrade.` };
    case "add_on":
      return { types: ["cross_sell"], note: `${fact.signalId} ${cite(fact)} names ${what}, an add-on they do not have: cross_sell.` };
    case "current_plan":
    case "owned_add_on":
      return { types: [] };
  }
}

/**
 * Customer-side pull in the window, corroborated per signal and expansion type: a signal counts when its
 * mentions come from enough distinct documents or speakers (single mentions are weak), and seat pressure
 * measured from usage counts for volume on its own.
 */
export function analysePull(timeline: readonly TimedFact[], now: number, rules: ReadinessRules, seats: SeatReading): PullAnalysis {
  const { window_days: windowDays, corroboration } = rules.customer_pull;
  const mentions = withinDays(ofSignals(timeline, pullSignalIds(rules)), now, windowDays);
  const byGroup = new Map<string, { signalId: SignalId; type: ExpansionType; facts: TimedFact[] }>();
  const noteByFact = new Map<string, string>();
  const enablementGaps: TimedFact[] = [];
  for (const fact of mentions) {
    const { types, note } = typesOf(fact);
    if (types.length === 0) enablementGaps.push(fact);
    if (note !== undefined) noteByFact.set(fact.id, note);
    for (const type of types) {
      const key = `${fact.signalId}|${type}`;
      const group = byGroup.get(key) ?? { signalId: fact.signalId, type, facts: [] };
      group.facts.push(fact);
      byGroup.set(key, group);
    }
  }

  const groups: PullGroup[] = [...byGroup.values()].map((group) => {
    const documents = new Set(group.facts.map((fact) => fact.sourceRef)).size;
    const speakers = new Set(group.facts.flatMap((fact) => (fact.speaker === undefined ? [] : [fact.speaker.trim().toLowerCase()]))).size;
    const corroborated = documents >= corroboration.distinct_documents || speakers >= corroboration.distinct_speakers;
    return { ...group, documents, speakers, corroborated };
  });

  const supported: ExpansionSupport[] = [];
  for (const type of EXPANSION_TYPE_IDS) {
    const counted = groups.filter((group) => group.type === type && group.corroborated);
    const fromUsage = type === "volume" && seats.kind === "measured" && seats.pressure ? seats.utilisation : undefined;
    if (counted.length === 0 && fromUsage === undefined) continue;
    const signals = new Set<SignalId>(counted.map((group) => group.signalId));
    if (fromUsage !== undefined) signals.add("seat_pressure");
    const countedIds = sortedIds(counted.flatMap((group) => group.facts.map((fact) => fact.id)));
    supported.push({
      type,
      evidenceIds: countedIds,
      signals: SIGNALS.map((signal) => signal.id).filter((id) => signals.has(id)),
      ...(fromUsage === undefined ? {} : { seatUtilisation: fromUsage }),
      // Notes only about mentions that were counted: the reader sees why this type, not every aside.
      notes: countedIds.flatMap((id) => {
        const note = noteByFact.get(id);
        return note === undefined ? [] : [note];
      }),
    });
  }
  return { supported, groups, enablementGaps, seats };
}
