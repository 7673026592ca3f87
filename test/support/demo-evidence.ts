import type { SpeakerRole } from "../../src/ingest/speaker-role.js";
import type { Verdict } from "../../src/rules/readiness-contract.js";
import type { ExpansionType } from "../../src/taxonomy/expansion-types.js";
import type { SignalId } from "../../src/taxonomy/signals.js";

/**
 * Hand-labelled evidence for the demo accounts (data/demo), as a careful extractor would find it: each quote
 * copied verbatim from the demo file it cites, with the speaker's real role and the date it was said or
 * written. Vendor lines that sound like signals are included as hard negatives: the rules must ignore them.
 */
export interface DemoEvidence {
  readonly signal: SignalId;
  /** The document's source reference, relative to data/demo (as the indexer stores it). */
  readonly ref: string;
  readonly speaker: string;
  readonly role: SpeakerRole;
  /** Ticket comment time, or the call's date. */
  readonly at: string;
  readonly quote: string;
}

export interface DemoScenario {
  readonly accountId: string;
  readonly verdict: Verdict;
  /** Expansion types the scenario must include (others may be supported too). */
  readonly expansionTypes: readonly ExpansionType[];
  readonly evidence: readonly DemoEvidence[];
}

export const DEMO_AS_OF = "2026-11-23";

const ticket = (account: string, id: string) => `tickets/${account}.json#${id}`;
const csvTicket = (account: string, id: string) => `tickets/${account}.csv#${id}`;
const call = (account: string, file: string) => `calls/${account}/${file}`;

const BRIGHTPATH = "brightpath-logistics";
const CEDARLINE = "cedarline-health";
const ORCHARD = "orchard-vine-retail";
const KESTREL = "kestrel-credit-union";
const PINECREST = "pinecrest-learning";
const TIDEWATER = "tidewater-energy";
const SUMMIT = "summit-hospitality";
const ALDER = "alder-architects";

export const DEMO_SCENARIOS: readonly DemoScenario[] = [
  {
    accountId: BRIGHTPATH,
    verdict: "ready",
    expansionTypes: ["volume"],
    evidence: [
      { signal: "measurable_outcome", ref: call(BRIGHTPATH, "2026-08-12-monthly-check-in.vtt"), speaker: "Dana Okafor", role: "customer", at: "2026-08-12",
        quote: "late deliveries are down eighteen percent since the dashboards went live" },
      { signal: "measurable_outcome", ref: call(BRIGHTPATH, "2026-10-20-quarterly-business-review.vtt"), speaker: "Dana Okafor", role: "customer", at: "2026-10-20",
        quote: "Across June to September, late deliveries are down eighteen percent compared to last year, on basically the same routes." },
      { signal: "champion_engaged", ref: call(BRIGHTPATH, "2026-10-20-quarterly-business-review.vtt"), speaker: "Dana Okafor", role: "customer", at: "2026-10-20",
        quote: "I can do most of them. I've done eleven sessions since June." },
      { signal: "executive_alignment", ref: call(BRIGHTPATH, "2026-10-20-quarterly-business-review.vtt"), speaker: "Marcus Hale", role: "customer", at: "2026-10-20",
        quote: "Honestly, this is exactly the kind of result I need to show the board." },
      { signal: "seat_pressure", ref: ticket(BRIGHTPATH, "1031"), speaker: "Luis Romero", role: "customer", at: "2026-09-22T22:40:00Z",
        quote: "We've used all 120 seats. How fast can we get two more?" },
      { signal: "seat_pressure", ref: ticket(BRIGHTPATH, "1031"), speaker: "Dana Okafor", role: "customer", at: "2026-09-23T12:30:00Z",
        quote: "We really are at 120 of 120." },
      { signal: "seat_pressure", ref: call(BRIGHTPATH, "2026-10-20-quarterly-business-review.vtt"), speaker: "Dana Okafor", role: "customer", at: "2026-10-20",
        quote: "So we're going to need roughly forty more seats, plus three or four for the new southern planning team." },
      { signal: "org_growth", ref: call(BRIGHTPATH, "2026-08-12-monthly-check-in.vtt"), speaker: "Dana Okafor", role: "customer", at: "2026-08-12",
        quote: "We're hiring about forty dispatchers and coordinators for it, starting in November" },
      { signal: "org_growth", ref: ticket(BRIGHTPATH, "1046"), speaker: "Dana Okafor", role: "customer", at: "2026-11-05T09:10:00Z",
        quote: "the new southern planning team (four analysts) will need their own workspace folder." },
      // Hard negative: the vendor offering an add-on is push, not pull.
      { signal: "higher_tier_interest", ref: call(BRIGHTPATH, "2026-08-12-monthly-check-in.vtt"), speaker: "Priya Raman", role: "vendor", at: "2026-08-12",
        quote: "We've got the Forecast add-on, for volume forecasting." },
    ],
  },
  {
    accountId: CEDARLINE,
    verdict: "ready",
    expansionTypes: ["cross_sell"],
    evidence: [
      { signal: "measurable_outcome", ref: call(CEDARLINE, "2026-06-24-quarterly-business-review.json"), speaker: "Ines Carvalho", role: "customer", at: "2026-06-24",
        quote: "Our no-show rate across the network was sitting at about fourteen percent last year. For May it was nine percent." },
      { signal: "measurable_outcome", ref: call(CEDARLINE, "2026-11-12-executive-check-in.json"), speaker: "Robert Nakamura", role: "customer", at: "2026-11-12",
        quote: "Daniel's team went from five days a month on the pack to one" },
      { signal: "champion_engaged", ref: call(CEDARLINE, "2026-11-12-executive-check-in.json"), speaker: "Ines Carvalho", role: "customer", at: "2026-11-12",
        quote: "Yes. I'll start with Westgate, since that's the one Robert wants to show." },
      { signal: "internal_advocacy", ref: call(CEDARLINE, "2026-09-09-finance-planning-check-in.vtt"), speaker: "Ines Carvalho", role: "customer", at: "2026-09-09",
        quote: "I presented to the nursing operations leadership group." },
      { signal: "executive_alignment", ref: call(CEDARLINE, "2026-11-12-executive-check-in.json"), speaker: "Robert Nakamura", role: "customer", at: "2026-11-12",
        quote: "I used that number with the board in September." },
      { signal: "adjacent_tool", ref: ticket(CEDARLINE, "2031"), speaker: "Malik Haddad", role: "customer", at: "2026-07-28T16:05:00Z",
        quote: "We do those in Forecastly plus a set of spreadsheets." },
      { signal: "adjacent_tool", ref: call(CEDARLINE, "2026-09-09-finance-planning-check-in.vtt"), speaker: "Malik Haddad", role: "customer", at: "2026-09-09",
        quote: "And right now we do that in Forecastly plus a pile of spreadsheets." },
      { signal: "higher_tier_interest", ref: ticket(CEDARLINE, "2031"), speaker: "Malik Haddad", role: "customer", at: "2026-07-28T16:05:00Z",
        quote: "can Lumen do any forecasting itself, or scenario planning, like projecting visits forward by clinic and asking what happens if we change opening hours?" },
      { signal: "higher_tier_interest", ref: call(CEDARLINE, "2026-09-09-finance-planning-check-in.vtt"), speaker: "Malik Haddad", role: "customer", at: "2026-09-09",
        quote: "can Lumen do the forecasting piece itself?" },
      { signal: "higher_tier_interest", ref: call(CEDARLINE, "2026-11-12-executive-check-in.json"), speaker: "Robert Nakamura", role: "customer", at: "2026-11-12",
        quote: "The forecasting and the scenario planning, in Lumen Forecast, instead of Forecastly and Malik's twenty-three tabs?" },
      { signal: "strategic_initiative", ref: call(CEDARLINE, "2026-11-12-executive-check-in.json"), speaker: "Robert Nakamura", role: "customer", at: "2026-11-12",
        quote: "For next fiscal year, I've got three priorities, and one of them is staffing-to-demand planning across all of our clinics." },
      { signal: "strategic_initiative", ref: ticket(CEDARLINE, "2068"), speaker: "Robert Nakamura", role: "customer", at: "2026-10-29T09:05:00Z",
        quote: "Staffing-to-demand planning across all our clinics is one of my priorities for next fiscal year" },
      // Hard negatives: the first Forecast demo and the seat suggestion were the vendor's idea.
      { signal: "higher_tier_interest", ref: call(CEDARLINE, "2026-06-24-quarterly-business-review.json"), speaker: "Lena Fischer", role: "vendor", at: "2026-06-24",
        quote: "So this is Lumen Forecast, which is our forecasting add-on." },
      { signal: "seat_pressure", ref: call(CEDARLINE, "2026-06-24-quarterly-business-review.json"), speaker: "Priya Raman", role: "vendor", at: "2026-06-24",
        quote: "you could add seats at some point, just so you have some headroom." },
    ],
  },
  {
    accountId: ORCHARD,
    verdict: "no_pull",
    expansionTypes: [],
    evidence: [
      { signal: "measurable_outcome", ref: call(ORCHARD, "2026-07-09-summer-check-in.txt"), speaker: "Hannah Brooks", role: "customer", at: "2026-07-09",
        quote: "was seven percent on average last year. Since the dashboards, it's been four percent." },
      { signal: "measurable_outcome", ref: call(ORCHARD, "2026-10-14-pre-holiday-review.srt"), speaker: "Hannah Brooks", role: "customer", at: "2026-10-14",
        quote: "Compared with seven percent last year, it's a clear improvement." },
      { signal: "champion_engaged", ref: call(ORCHARD, "2026-10-14-pre-holiday-review.srt"), speaker: "Hannah Brooks", role: "customer", at: "2026-10-14",
        quote: "Great. Maple Falls has the oldest tablets. They can be the test store." },
      // Every expansion idea is the vendor's, and each is declined.
      { signal: "seat_pressure", ref: call(ORCHARD, "2026-10-14-pre-holiday-review.srt"), speaker: "Jordan Ellis", role: "vendor", at: "2026-10-14",
        quote: "a lot of retailers your size end up needing more seats once the regional managers get hooked" },
      { signal: "higher_tier_interest", ref: call(ORCHARD, "2026-07-09-summer-check-in.txt"), speaker: "Priya Raman", role: "vendor", at: "2026-07-09",
        quote: "Our Enterprise tier has row-level security, so each store manager would only see their own store's data, automatically." },
      { signal: "adjacent_tool", ref: call(ORCHARD, "2026-07-09-summer-check-in.txt"), speaker: "Priya Raman", role: "vendor", at: "2026-07-09",
        quote: "We have Lumen Forecast, which a lot of seasonal retailers use to plan stock ahead of peaks" },
      { signal: "other_team_interest", ref: call(ORCHARD, "2026-10-14-pre-holiday-review.srt"), speaker: "Jordan Ellis", role: "vendor", at: "2026-10-14",
        quote: "Have you thought about rolling it out to the assistant managers?" },
    ],
  },
  {
    accountId: KESTREL,
    verdict: "fix_footprint",
    expansionTypes: ["new_department"],
    evidence: [
      { signal: "measurable_outcome", ref: ticket(KESTREL, "4024"), speaker: "Ray Castellano", role: "customer", at: "2026-07-09T13:15:00Z",
        quote: "our fraud review queue is down about 30%, from roughly 400 open cases on a Monday to under 300." },
      { signal: "measurable_outcome", ref: call(KESTREL, "2026-11-18-renewal-prep.txt"), speaker: "Farah Siddiqui", role: "customer", at: "2026-11-18",
        quote: "the queue's stayed about thirty percent below where it was in the spring" },
      { signal: "champion_engaged", ref: call(KESTREL, "2026-07-23-fraud-ops-check-in.srt"), speaker: "Owen Whitaker", role: "customer", at: "2026-07-23",
        quote: "I'll do it. I'll do a little session, same as the branches." },
      { signal: "champion_engaged", ref: ticket(KESTREL, "4037"), speaker: "Owen Whitaker", role: "customer", at: "2026-09-16T10:05:00Z",
        quote: "I've added Bianca and two people from her team as a pilot." },
      { signal: "champion_departing", ref: call(KESTREL, "2026-11-18-renewal-prep.txt"), speaker: "Owen Whitaker", role: "customer", at: "2026-11-18",
        quote: "I've taken a role at another company, and my last day is December eleventh." },
      { signal: "champion_departing", ref: ticket(KESTREL, "4058"), speaker: "Owen Whitaker", role: "customer", at: "2026-11-19T15:48:00Z",
        quote: "I'm leaving Kestrel." },
      { signal: "champion_departing", ref: ticket(KESTREL, "4058"), speaker: "Farah Siddiqui", role: "customer", at: "2026-11-20T09:12:00Z",
        quote: "with Owen gone we'll have to figure out who owns the dashboards and the scheduled reports, and that isn't decided yet." },
      { signal: "other_team_interest", ref: ticket(KESTREL, "4037"), speaker: "Bianca Torres", role: "customer", at: "2026-09-15T15:44:00Z",
        quote: "My team has been asking for access to Lumen for a couple of months" },
      { signal: "other_team_interest", ref: ticket(KESTREL, "4037"), speaker: "Bianca Torres", role: "customer", at: "2026-09-22T14:18:00Z",
        quote: "The rest of my team is asking when they can get access too" },
      { signal: "other_team_interest", ref: call(KESTREL, "2026-11-18-renewal-prep.txt"), speaker: "Farah Siddiqui", role: "customer", at: "2026-11-18",
        quote: "And Bianca's team asked again last week whether the rest of them can get access." },
      { signal: "seat_pressure", ref: call(KESTREL, "2026-11-18-renewal-prep.txt"), speaker: "Jordan Ellis", role: "vendor", at: "2026-11-18",
        quote: "you could add seats at renewal and get ahead of it" },
      { signal: "other_team_interest", ref: call(KESTREL, "2026-06-17-reporting-review.vtt"), speaker: "Priya Raman", role: "vendor", at: "2026-06-17",
        quote: "you should bring marketing in at some point" },
    ],
  },
  {
    accountId: PINECREST,
    verdict: "fix_footprint",
    expansionTypes: [],
    evidence: [
      { signal: "onboarding_stalled", ref: ticket(PINECREST, "5027"), speaker: "Nadia Haddad", role: "customer", at: "2026-08-27T15:00:00Z",
        quote: "We still haven't connected the practice-test system either. We just need more time." },
      { signal: "onboarding_stalled", ref: call(PINECREST, "2026-11-10-renewal-health-check.vtt"), speaker: "Gabriel Moreau", role: "customer", at: "2026-11-10",
        quote: "So most of the curriculum team still hasn't really been set up." },
      { signal: "adoption_friction", ref: ticket(PINECREST, "5019"), speaker: "Owen Pratt", role: "customer", at: "2026-08-15T10:30:00Z",
        quote: "Honestly the filters make no sense to most of us, so we've gone back to the spreadsheet Gabriel sends." },
      { signal: "adoption_friction", ref: ticket(PINECREST, "5036"), speaker: "Marcus Lee", role: "customer", at: "2026-10-21T22:10:00Z",
        quote: "I've given up for now and I'm using my own notes." },
      { signal: "shallow_adoption", ref: ticket(PINECREST, "5042"), speaker: "Gabriel Moreau", role: "customer", at: "2026-11-04T08:20:00Z",
        quote: "To be fair it's mostly me in there; the tutors never really got started" },
      { signal: "shallow_adoption", ref: call(PINECREST, "2026-11-10-renewal-health-check.vtt"), speaker: "Sandra Wilkes", role: "customer", at: "2026-11-10",
        quote: "From what Gabriel tells me, maybe thirty people use it, and mostly Gabriel." },
      { signal: "value_unproven", ref: ticket(PINECREST, "5042"), speaker: "Sandra Wilkes", role: "customer", at: "2026-11-03T14:30:00Z",
        quote: "I honestly can't say what we're getting for the money at the moment." },
      { signal: "value_unproven", ref: call(PINECREST, "2026-11-10-renewal-health-check.vtt"), speaker: "Sandra Wilkes", role: "customer", at: "2026-11-10",
        quote: "I need to understand what we're actually getting for the money before I put it in next year's budget." },
      { signal: "budget_pressure", ref: call(PINECREST, "2026-11-10-renewal-health-check.vtt"), speaker: "Sandra Wilkes", role: "customer", at: "2026-11-10",
        quote: "Because if I have to cut something in the spring, the tool nobody uses is the first one to go." },
      { signal: "seat_pressure", ref: call(PINECREST, "2026-08-19-onboarding-catch-up.txt"), speaker: "Tom Becker", role: "vendor", at: "2026-08-19",
        quote: "Once you're rolled out, you'll probably want more seats anyway" },
    ],
  },
  {
    accountId: TIDEWATER,
    verdict: "ready",
    expansionTypes: ["new_use_case"],
    evidence: [
      { signal: "measurable_outcome", ref: call(TIDEWATER, "2026-08-26-recovery-review.json"), speaker: "Hector Ruiz", role: "customer", at: "2026-08-26",
        quote: "Since June, the average time from an outage being reported to a crew being assigned is twenty-two minutes faster than the same months last year." },
      { signal: "measurable_outcome", ref: call(TIDEWATER, "2026-11-05-operations-review.vtt"), speaker: "Rosa Delgado", role: "customer", at: "2026-11-05",
        quote: "The outage report preparation for the regulator, which used to take about three days per major event, now takes four hours." },
      { signal: "measurable_outcome", ref: csvTicket(TIDEWATER, "6035"), speaker: "Hector Ruiz", role: "customer", at: "2026-10-30T07:20:00Z",
        quote: "Outage report to crew assigned was about thirty minutes faster than last year's storms." },
      { signal: "champion_engaged", ref: call(TIDEWATER, "2026-08-26-recovery-review.json"), speaker: "Rosa Delgado", role: "customer", at: "2026-08-26",
        quote: "And I started running weekly office hours for the field ops supervisors, every Tuesday, half an hour, where they can bring questions." },
      { signal: "champion_engaged", ref: call(TIDEWATER, "2026-11-05-operations-review.vtt"), speaker: "Rosa Delgado", role: "customer", at: "2026-11-05",
        quote: "I ran office hours every Tuesday, even when two people came." },
      { signal: "executive_alignment", ref: call(TIDEWATER, "2026-11-05-operations-review.vtt"), speaker: "Ken Adeyemi", role: "customer", at: "2026-11-05",
        quote: "I actually put the outage numbers in my board report this quarter." },
      { signal: "executive_alignment", ref: csvTicket(TIDEWATER, "6027"), speaker: "Ken Adeyemi", role: "customer", at: "2026-11-06T09:00:00Z",
        quote: "I cited the restoration-time and reporting-time improvements in my board report this quarter" },
      { signal: "second_use_case", ref: csvTicket(TIDEWATER, "6013"), speaker: "Rosa Delgado", role: "customer", at: "2026-08-04T13:20:00Z",
        quote: "The asset maintenance group is starting to use Lumen for their transformer inspection backlog, a different use from our outage reporting." },
      { signal: "second_use_case", ref: csvTicket(TIDEWATER, "6013"), speaker: "Anita Shah", role: "customer", at: "2026-09-02T08:15:00Z",
        quote: "We've planned inspection routes from the backlog dashboard every morning for four weeks now." },
      { signal: "second_use_case", ref: call(TIDEWATER, "2026-11-05-operations-review.vtt"), speaker: "Anita Shah", role: "customer", at: "2026-11-05",
        quote: "So, we started using Lumen in August for the transformer inspection backlog." },
      { signal: "peer_usage_question", ref: call(TIDEWATER, "2026-08-26-recovery-review.json"), speaker: "Rosa Delgado", role: "customer", at: "2026-08-26",
        quote: "How do other utilities use Lumen for regulatory filings?" },
      { signal: "peer_usage_question", ref: csvTicket(TIDEWATER, "6027"), speaker: "Rosa Delgado", role: "customer", at: "2026-10-20T11:45:00Z",
        quote: "How do other utilities use Lumen for regulatory filings?" },
      { signal: "other_team_interest", ref: call(TIDEWATER, "2026-11-05-operations-review.vtt"), speaker: "Rosa Delgado", role: "customer", at: "2026-11-05",
        quote: "The regulatory team lead asked me whether they could get read access, to check the indices themselves." },
      { signal: "seat_pressure", ref: call(TIDEWATER, "2026-11-05-operations-review.vtt"), speaker: "Rosa Delgado", role: "customer", at: "2026-11-05",
        quote: "Which means field ops is now short five seats, by the way." },
      // The rough spring is resolved and outside every window.
      { signal: "adoption_friction", ref: csvTicket(TIDEWATER, "6004"), speaker: "Hector Ruiz", role: "customer", at: "2026-04-08T06:40:00Z",
        quote: "My crews are driving to fixed outages." },
      { signal: "higher_tier_interest", ref: call(TIDEWATER, "2026-08-26-recovery-review.json"), speaker: "Tom Becker", role: "vendor", at: "2026-08-26",
        quote: "By the way, utilities often add Lumen Alerts for this kind of thing" },
    ],
  },
  {
    accountId: SUMMIT,
    verdict: "fix_footprint",
    expansionTypes: [],
    evidence: [
      { signal: "measurable_outcome", ref: ticket(SUMMIT, "7002"), speaker: "Lucas Ferreira", role: "customer", at: "2026-07-17T07:05:00Z",
        quote: "The nightly occupancy report now arrives by 7am instead of noon." },
      { signal: "measurable_outcome", ref: call(SUMMIT, "2026-08-20-occupancy-report-review.srt"), speaker: "Lucas Ferreira", role: "customer", at: "2026-08-20",
        quote: "Before, it took me a day and a half with the PMS exports. Now it takes a morning" },
      { signal: "champion_engaged", ref: call(SUMMIT, "2026-10-22-renewal-planning.vtt"), speaker: "Lucas Ferreira", role: "customer", at: "2026-10-22",
        quote: "I'll send the payroll export by Friday" },
      { signal: "upsell_pushback", ref: ticket(SUMMIT, "7023"), speaker: "Lucas Ferreira", role: "customer", at: "2026-09-29T14:45:00Z",
        quote: "Please stop sending proposals; we need help with our reports, not quotes." },
      { signal: "upsell_pushback", ref: call(SUMMIT, "2026-10-22-renewal-planning.vtt"), speaker: "Lucas Ferreira", role: "customer", at: "2026-10-22",
        quote: "Every call lately turns into a sales pitch." },
      { signal: "upsell_pushback", ref: call(SUMMIT, "2026-10-22-renewal-planning.vtt"), speaker: "Amelia Stone", role: "customer", at: "2026-10-22",
        quote: "If I see another unsolicited proposal, it makes me less inclined to renew, not more." },
      { signal: "budget_pressure", ref: ticket(SUMMIT, "7023"), speaker: "Lucas Ferreira", role: "customer", at: "2026-09-29T14:45:00Z",
        quote: "We are in a spending freeze after a weak summer and our CFO must approve anything new." },
      { signal: "budget_pressure", ref: call(SUMMIT, "2026-10-22-renewal-planning.vtt"), speaker: "Amelia Stone", role: "customer", at: "2026-10-22",
        quote: "there's a spending freeze until our new fiscal year starts in April." },
      { signal: "adoption_friction", ref: ticket(SUMMIT, "7031"), speaker: "Joana Pires", role: "customer", at: "2026-10-15T08:20:00Z",
        quote: "I have forty rooms to plan and I've been stuck all morning." },
      { signal: "higher_tier_interest", ref: call(SUMMIT, "2026-08-20-occupancy-report-review.srt"), speaker: "Jordan Ellis", role: "vendor", at: "2026-08-20",
        quote: "Your GMs are clearly going to need the Business tier." },
    ],
  },
  {
    accountId: ALDER,
    verdict: "insufficient_evidence",
    expansionTypes: [],
    evidence: [
      { signal: "champion_engaged", ref: call(ALDER, "2026-10-21-setup-check-in.vtt"), speaker: "Mei Tanaka", role: "customer", at: "2026-10-21",
        quote: "I'll do it. I know all the variations, unfortunately." },
      { signal: "champion_engaged", ref: ticket(ALDER, "8029"), speaker: "Mei Tanaka", role: "customer", at: "2026-11-11T09:02:00Z",
        quote: "I'll connect it this week after the training and let you know if I get stuck." },
      { signal: "seat_pressure", ref: call(ALDER, "2026-09-16-kickoff.vtt"), speaker: "Tom Becker", role: "vendor", at: "2026-09-16",
        quote: "a lot of firms your size add seats or move up a tier later on" },
    ],
  },
];
