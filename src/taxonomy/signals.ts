import type { ExpansionType } from "./expansion-types.js";
import type { SeedId } from "./seeds.js";

export type SignalCategory = "usage" | "relationship" | "value" | "risk";

export interface NegativeExample {
  readonly text: string;
  /** Why this is not the signal: the lesson a classifier (person, model or pattern) must learn. */
  readonly why: string;
}

export interface SignalDefinition {
  readonly id: string;
  readonly category: SignalCategory;
  readonly title: string;
  readonly definition: string;
  /** The expansion this signal points to when a customer shows it; empty for value and risk signals. */
  readonly expansionTypes: readonly ExpansionType[];
  /** When the expansion type depends on what is asked for (a tier capability or an add-on). */
  readonly expansionNote?: string;
  /** Things a customer-side speaker says or does that count. */
  readonly positiveExamples: readonly string[];
  /** Look-alikes that do not count, vendor speech among them. */
  readonly negativeExamples: readonly NegativeExample[];
  readonly seeds: readonly SeedId[];
}

const VENDOR_SPEECH = "said by the vendor: push, not pull";

/**
 * The signal taxonomy: the one source of truth that prompts, extractors, rules, evals and docs read.
 * Order is the documented order (usage, relationship, value, risk).
 */
export const SIGNALS = [
  {
    id: "seat_pressure",
    category: "usage",
    title: "Seat pressure",
    definition:
      "Licensed seats are nearly all in use (more than 80% active), or the customer says they will need more seats, are sharing logins, or have people waiting for access.",
    expansionTypes: ["volume"],
    positiveExamples: [
      "We're at 112 of our 120 seats and the new dispatch team starts in January.",
      "People have started sharing a login because we ran out of seats.",
      "We're going to need more seats once the second site opens.",
    ],
    negativeExamples: [
      { text: "You could always add a few more seats before renewal.", why: VENDOR_SPEECH },
      { text: "We don't need more seats right now, about half of them are unused.", why: "negated: the customer says the opposite" },
      { text: "If we ever doubled the team we'd need more licences.", why: "hypothetical, not a present need" },
    ],
    seeds: ["004"],
  },
  {
    id: "tier_workaround",
    category: "usage",
    title: "Workaround for a higher tier or add-on",
    definition:
      "Users build manual steps or workarounds for something a higher tier or an add-on does. A workaround for what the current plan already does is adoption_friction (an enablement gap), not this.",
    expansionTypes: ["tier_upgrade", "cross_sell"],
    expansionNote: "tier_upgrade when a higher tier does it, cross_sell when an add-on does",
    positiveExamples: [
      "Every Monday someone exports the numbers and pastes them into a spreadsheet to forecast the week.",
      "We copy the dashboard into a slide for each clinic because the clinics can't have their own restricted view.",
    ],
    negativeExamples: [
      { text: "Most teams on Business automate that export with the API.", why: VENDOR_SPEECH },
      {
        text: "We export to CSV and email it around because nobody knew reports could be scheduled.",
        why: "scheduling is in their current plan: an enablement gap, which is adoption_friction",
      },
    ],
    seeds: ["004", "001"],
  },
  {
    id: "premium_feature_affinity",
    category: "usage",
    title: "Heavy use of features with a premium equivalent",
    definition:
      "The customer relies heavily on features whose premium-tier version does more (more data sources, more schedules, finer permissions) and is hitting their limits.",
    expansionTypes: ["tier_upgrade"],
    positiveExamples: [
      "We're already at the five data source limit and finance wants two more connected.",
      "Our analysts live in the custom roles screen; we keep wanting one more level of restriction.",
    ],
    negativeExamples: [
      { text: "Customers who use dashboards this much usually move up to Enterprise.", why: VENDOR_SPEECH },
      { text: "We tried the scheduled reports once but nobody reads them.", why: "low, not heavy, use" },
    ],
    seeds: ["004"],
  },
  {
    id: "unlicensed_team_usage",
    category: "usage",
    title: "Unlicensed team usage",
    definition:
      "Another department already uses the product on its own, without a coordinated licence (borrowed logins, a separate trial, shared exports).",
    expansionTypes: ["new_department"],
    positiveExamples: [
      "Marketing has been logging in with Jamie's account to pull their campaign numbers.",
      "The warehouse team set up their own trial workspace last month.",
    ],
    negativeExamples: [
      { text: "Do other teams use it at all? A lot of our customers find marketing does.", why: VENDOR_SPEECH },
      { text: "Only our ops team has access and that's how we want it.", why: "negated: no other team uses it" },
    ],
    seeds: ["004"],
  },
  {
    id: "adjacent_tool",
    category: "relationship",
    title: "Adjacent problem solved with another tool",
    definition:
      "The customer solves a related problem with a different (often competing) tool, or by hand, where the product or an add-on could serve.",
    expansionTypes: ["cross_sell"],
    positiveExamples: [
      "Our planning team still does staffing forecasts in Forecastly and a pile of spreadsheets.",
      "We pay for a separate alerting tool just to get pinged when volumes spike.",
    ],
    negativeExamples: [
      { text: "Lumen Forecast would let you retire that other tool.", why: VENDOR_SPEECH },
      { text: "We're not looking at any other tools, we just need this one working.", why: "negated" },
      { text: "Finance lives in their ERP and they're happy there.", why: "no problem the product solves: not a gap" },
    ],
    seeds: ["004"],
  },
  {
    id: "higher_tier_interest",
    category: "relationship",
    title: "Interest in a higher tier or add-on capability",
    definition:
      "The customer asks about, or wishes for, a capability that exists in a higher tier or an add-on module. A wish for something the current plan already does is an enablement gap, not this.",
    expansionTypes: ["tier_upgrade", "cross_sell"],
    expansionNote: "tier_upgrade when a higher tier does it, cross_sell when an add-on does",
    positiveExamples: [
      "Is there a way to give each clinic manager a view of only their own site's data?",
      "We wish we could project next quarter's patient volume right in Lumen.",
    ],
    negativeExamples: [
      { text: "Have you looked at what Enterprise gives you on security?", why: VENDOR_SPEECH },
      { text: "How do I schedule this report to go out on Mondays?", why: "a how-to for a current-plan feature" },
      { text: "Maybe if we were twice the size we'd look at forecasting.", why: "hypothetical" },
    ],
    seeds: ["004", "001"],
  },
  {
    id: "org_growth",
    category: "relationship",
    title: "Organisation growth",
    definition:
      "Headcount growth, new teams, new sites or a reorganisation that will add users of the product.",
    expansionTypes: ["volume"],
    positiveExamples: [
      "We're hiring about forty dispatchers for the Memphis hub this winter.",
      "After the reorg there will be a regional analytics team in each of the three regions.",
    ],
    negativeExamples: [
      { text: "Companies growing as fast as you usually need to plan seats ahead.", why: VENDOR_SPEECH },
      { text: "If we ever go international we'd have a whole new team.", why: "hypothetical" },
      { text: "We're actually trimming headcount after the summer.", why: "the opposite of growth" },
    ],
    seeds: ["004"],
  },
  {
    id: "other_team_interest",
    category: "relationship",
    title: "Another team is asking",
    definition: "Another team or department of the customer is asking about the product or asking for access.",
    expansionTypes: ["new_department"],
    positiveExamples: [
      "Our member growth team keeps asking when they can get into the dashboards.",
      "The maintenance group lead asked me for a demo after seeing our outage numbers.",
    ],
    negativeExamples: [
      { text: "You should bring marketing in, they'd love this.", why: VENDOR_SPEECH },
      { text: "Maybe someday marketing would use it, if we ever get there.", why: "hypothetical" },
      { text: "Nobody outside ops has asked about it.", why: "negated" },
    ],
    seeds: ["004", "002"],
  },
  {
    id: "peer_usage_question",
    category: "relationship",
    title: "Asks how peers use the product",
    definition: "The customer asks how other companies in their space use the product, looking for a new use.",
    expansionTypes: ["new_use_case"],
    positiveExamples: [
      "How do other utilities use Lumen for their regulatory filings?",
      "Are other clinic networks doing staffing plans in it?",
    ],
    negativeExamples: [
      { text: "Other retailers your size use it for supplier portals.", why: VENDOR_SPEECH },
      { text: "How do I share this dashboard with my manager?", why: "a how-to question, not about peers" },
    ],
    seeds: ["004"],
  },
  {
    id: "strategic_initiative",
    category: "relationship",
    title: "New strategic initiative",
    definition:
      "An executive or leader names a new initiative (a programme, a goal for next year) that the product could serve.",
    expansionTypes: ["new_use_case"],
    positiveExamples: [
      "Next fiscal year the board wants us staffing every clinic to demand, not to last year's schedule.",
      "Our big push for 2027 is cutting outage restoration time across the whole network.",
    ],
    negativeExamples: [
      { text: "A lot of our customers are starting AI initiatives, is that on your radar?", why: VENDOR_SPEECH },
      { text: "No big new projects next year, we're keeping things steady.", why: "negated" },
    ],
    seeds: ["004", "002"],
  },
  {
    id: "measurable_outcome",
    category: "value",
    title: "Measurable outcome",
    definition:
      "The customer states a measurable result tied to their goal: a number, a before and after, a time or cost saved.",
    expansionTypes: [],
    positiveExamples: [
      "Late deliveries are down 18% since the dispatch dashboards went live.",
      "The monthly reporting pack used to take five days and now it takes one.",
    ],
    negativeExamples: [
      { text: "Customers like you typically save around 20% of reporting time.", why: VENDOR_SPEECH },
      { text: "We'd like to see project profitability by phase eventually.", why: "a hope, not a result" },
      { text: "It feels faster, I think.", why: "no measure and no before/after" },
    ],
    seeds: ["004", "003", "002"],
  },
  {
    id: "champion_engaged",
    category: "value",
    title: "Champion engaged",
    definition:
      "The champion is active: attends, drives the rollout, trains others, answers quickly, owns next steps.",
    expansionTypes: [],
    positiveExamples: [
      "I ran two training sessions for the dispatchers last week and I'll do the night shift next.",
      "I'll get the data owners in a room by Friday and send you the list.",
    ],
    negativeExamples: [
      { text: "Thanks for always being so engaged, Dana!", why: VENDOR_SPEECH },
      { text: "Sorry, I haven't had a chance to look at any of it.", why: "disengaged" },
    ],
    seeds: ["004"],
  },
  {
    id: "internal_advocacy",
    category: "value",
    title: "Internal advocacy",
    definition:
      "Someone at the customer promotes the product to other teams or leaders inside their organisation.",
    expansionTypes: [],
    positiveExamples: [
      "I showed our no-show numbers to the nursing operations leads and they want the same view.",
      "I've been telling the other regional managers they should be using this.",
    ],
    negativeExamples: [
      { text: "Feel free to forward our case study to your other teams.", why: VENDOR_SPEECH },
      { text: "I haven't really shown it to anyone outside my team.", why: "negated" },
    ],
    seeds: ["003"],
  },
  {
    id: "second_use_case",
    category: "value",
    title: "Second use case",
    definition:
      "The customer uses the product for a second meaningful problem in another domain or for another group of users.",
    expansionTypes: ["new_use_case"],
    positiveExamples: [
      "The asset maintenance group started tracking transformer inspections in Lumen last month.",
      "Besides dispatch, we now run our driver safety reviews off it.",
    ],
    negativeExamples: [
      { text: "Once outage reporting is solid you could use it for maintenance too.", why: VENDOR_SPEECH },
      { text: "If it works we might show the other studio.", why: "hypothetical" },
    ],
    seeds: ["003"],
  },
  {
    id: "executive_alignment",
    category: "value",
    title: "Executive alignment",
    definition:
      "The economic buyer or an executive is engaged with the value story: attends, cites the results, ties them to their goals.",
    expansionTypes: [],
    positiveExamples: [
      "I put the outage numbers in my board report this quarter.",
      "This is exactly the kind of result I need to show the CFO.",
    ],
    negativeExamples: [
      { text: "It would be great to get your VP on our next call.", why: VENDOR_SPEECH },
      { text: "Our VP hasn't looked at any of this yet.", why: "negated" },
    ],
    seeds: ["002", "004"],
  },
  {
    id: "champion_departing",
    category: "risk",
    title: "Champion departing",
    definition: "The champion is leaving the company, changing role, or has gone dark.",
    expansionTypes: [],
    positiveExamples: [
      "I've accepted a role at another company; my last day is the twelfth.",
      "With Owen gone we'll have to figure out who owns the dashboards.",
    ],
    negativeExamples: [
      { text: "Make sure someone else knows the setup in case you ever move on.", why: VENDOR_SPEECH },
      { text: "I'm out on holiday next week, back on the 20th.", why: "an absence, not a departure" },
    ],
    seeds: ["004", "001"],
  },
  {
    id: "onboarding_stalled",
    category: "risk",
    title: "Onboarding stalled",
    definition:
      "Setup is incomplete, a team was never onboarded, sessions keep moving, or the customer says they just need more time.",
    expansionTypes: [],
    positiveExamples: [
      "The curriculum team still hasn't connected their data, we keep pushing the session.",
      "We just need more time before we roll it out to the tutors.",
    ],
    negativeExamples: [
      { text: "Let's make sure onboarding wraps before we talk about anything else.", why: VENDOR_SPEECH },
      { text: "The setup dragged in spring but everyone's been live since June.", why: "a resolved past issue" },
    ],
    seeds: ["000"],
  },
  {
    id: "adoption_friction",
    category: "risk",
    title: "Adoption friction",
    definition:
      "Users are confused, stuck or failing key workflows; repeated how-to tickets; a workaround for what the current plan already does.",
    expansionTypes: [],
    positiveExamples: [
      "Three of my managers can't find their dashboard again after the menu change.",
      "The filters make no sense to the tutors and they give up.",
    ],
    negativeExamples: [
      { text: "Our academy has a course on filters that might help.", why: VENDOR_SPEECH },
      { text: "The export bug from March is fixed and we've had no complaints since.", why: "a resolved past issue" },
    ],
    seeds: ["000"],
  },
  {
    id: "shallow_adoption",
    category: "risk",
    title: "Shallow adoption",
    definition: "Only the champion or a handful of people use the product; usage is thin or logins are falling.",
    expansionTypes: [],
    positiveExamples: [
      "Honestly it's mostly me in there; the tutors never log in.",
      "We have two hundred seats and maybe thirty people who ever open it.",
    ],
    negativeExamples: [
      { text: "Your active users dipped a bit this month, anything we should know?", why: "vendor question, not customer evidence" },
      { text: "Logins dipped over the holidays but they're back to normal.", why: "a resolved past dip" },
    ],
    seeds: ["000"],
  },
  {
    id: "value_unproven",
    category: "risk",
    title: "Value unproven",
    definition:
      "The outcome is not accepted (by finance or the buyer) or the value story is incomplete: they ask what they are getting for the money.",
    expansionTypes: [],
    positiveExamples: [
      "Sandra asked me what we're actually getting for the money and I didn't have a number.",
      "Finance doesn't buy the time-savings figure yet.",
    ],
    negativeExamples: [
      { text: "Let's build an ROI deck so finance sees the value.", why: VENDOR_SPEECH },
      { text: "Finance signed off on the savings figure last quarter.", why: "the opposite: value accepted" },
    ],
    seeds: ["001"],
  },
  {
    id: "budget_pressure",
    category: "risk",
    title: "Budget pressure",
    definition: "Budget cuts, a spending freeze, procurement pushback or a buyer who must approve anything new.",
    expansionTypes: [],
    positiveExamples: [
      "There's a spending freeze until the new fiscal year after the summer we had.",
      "Procurement sent the renewal back and asked for a flat price.",
    ],
    negativeExamples: [
      { text: "We can offer a special price if you sign before quarter end.", why: VENDOR_SPEECH },
      { text: "Budget isn't the issue, it's getting people to use it.", why: "negated" },
    ],
    seeds: ["001"],
  },
  {
    id: "upsell_pushback",
    category: "risk",
    title: "Upsell pushback",
    definition: "The customer feels pushed or sold to, and says so or refuses a commercial ask.",
    expansionTypes: [],
    positiveExamples: [
      "Every call lately turns into a sales pitch.",
      "We asked for help with the occupancy report, not a quote. Please stop sending proposals.",
    ],
    negativeExamples: [
      { text: "I know we keep bringing up the Business tier, sorry about that.", why: VENDOR_SPEECH },
      { text: "Sure, send the proposal over and I'll share it with Amelia.", why: "accepts the ask" },
    ],
    seeds: ["001", "000"],
  },
] as const satisfies readonly SignalDefinition[];

export type SignalId = (typeof SIGNALS)[number]["id"];

export const SIGNAL_IDS: readonly SignalId[] = SIGNALS.map((signal) => signal.id);

const SIGNALS_BY_ID: ReadonlyMap<string, SignalDefinition> = new Map(SIGNALS.map((signal) => [signal.id, signal]));

export function isSignalId(value: string): value is SignalId {
  return SIGNALS_BY_ID.has(value);
}

/** @example signalById("seat_pressure").expansionTypes // ["volume"] */
export function signalById(id: SignalId): SignalDefinition {
  const signal = SIGNALS_BY_ID.get(id);
  if (signal === undefined) throw new RangeError(`Unknown signal id "${id}"`);
  return signal;
}

/** Expansion signals: what counts as customer-side pull (usage and relationship categories). */
export function isPullSignal(signal: SignalDefinition): boolean {
  return signal.category === "usage" || signal.category === "relationship";
}
