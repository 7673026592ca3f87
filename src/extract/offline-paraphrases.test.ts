import { describe, expect, it } from "vitest";
import type { SignalId } from "../taxonomy/signals.js";
import { ticketWith } from "../../test/support/factories.js";
import { extractDocuments } from "./extract-documents.js";
import { OfflineExtractor, sentenceCandidates } from "./offline-extractor.js";

/**
 * A development set for the offline cues, written from the signal definitions (taxonomy/signals.ts),
 * seeds 001 and 004 and how customers talk on calls and in tickets, never from the gold cases: varied
 * vocabulary, sentence shapes, British and American spellings, call and ticket register. Each signal
 * has phrasings that must fire and look-alikes that must not (vendor speech, negation, hypotheticals,
 * resolved issues, another signal).
 */

type Role = "customer" | "vendor" | "unknown";

interface LookAlike {
  readonly text: string;
  readonly role?: Role;
}

interface Paraphrases {
  readonly says: readonly string[];
  readonly doesNotSay: readonly LookAlike[];
}

function signalsIn(text: string, speakerRole: Role = "customer"): SignalId[] {
  return sentenceCandidates({ text, speakerRole }).map((candidate) => candidate.signalId);
}

/**
 * What the rules could count from a line: vendor lines go through the whole path (a ticket comment by a
 * vendor address), where whatever is found is kept with the vendor's role and is never customer-side.
 */
async function customerSideSignalsIn(text: string, speakerRole: Role): Promise<SignalId[]> {
  if (speakerRole !== "vendor") return signalsIn(text, speakerRole);
  const { evidence } = await extractDocuments([ticketWith("1", [["vendor", text]])], new OfflineExtractor());
  return evidence.filter((item) => item.speakerRole === "customer").map((item) => item.signalId);
}

const PARAPHRASES: Record<SignalId, Paraphrases> = {
  seat_pressure: {
    says: [
      "We've used every licence we've got and two new starters are waiting.",
      "Can we get another five seats added before Monday?",
      "Three people are sharing one account on the night shift.",
      "All 40 licences are taken, so I've had to turn people away.",
      "We're maxed out on seats.",
      "I'll need to buy a few more logins for the new hires.",
    ],
    doesNotSay: [
      { text: "You could always add a few more seats before renewal.", role: "unknown" },
      { text: "We don't need more seats right now, about half of them are unused." },
      { text: "If we ever doubled the team we'd need more licences." },
      { text: "We freed up six seats when the contractors left." },
    ],
  },
  tier_workaround: {
    says: [
      "Each month I copy the numbers into Excel to build the forecast myself.",
      "We keep a separate Google Sheet to track approvals because our plan doesn't have workflows.",
      "Our analyst spends Friday afternoons pulling CSVs and stitching them into one report.",
      "We've rigged up a Zapier flow to push alerts to Slack since there's no alerting on our tier.",
      "Someone has to manually re-key the totals into the finance system every week.",
      "We screenshot the charts and paste them into the weekly email for the clinics.",
    ],
    doesNotSay: [
      { text: "Most teams on Business automate that export with the API.", role: "vendor" },
      { text: "We used to copy everything into Excel but the scheduled reports replaced that." },
      { text: "If we had to, we'd export it to a spreadsheet." },
    ],
  },
  premium_feature_affinity: {
    says: [
      "We're already at the five data source limit and finance wants two more connected.",
      "We've maxed out the number of scheduled reports we're allowed.",
      "The ten-dashboard cap is really starting to pinch.",
      "Our analysts are in the custom roles screen all day.",
      "We keep bumping into the API rate limit every afternoon.",
      "We've used up all our automation runs for the month by the 20th.",
    ],
    doesNotSay: [
      { text: "Customers who use dashboards this much usually move up to Enterprise.", role: "unknown" },
      { text: "We tried the scheduled reports once but nobody reads them." },
      { text: "We're nowhere near the data source limit." },
    ],
  },
  unlicensed_team_usage: {
    says: [
      "Finance have been using my login to run their month-end reports.",
      "Turns out the sales team has its own account that nobody bought through us.",
      "HR found it on their own and they've been piggybacking on our subscription.",
      "A couple of the account managers use Priya's credentials to check the numbers.",
      "The Leeds office spun up a free trial a few weeks back without telling anyone.",
      "Legal has been quietly using it for contract tracking without any licences.",
      "Someone in procurement signed up with their work email and now half their team is in there.",
      "We found out customer support has been going in under the admin login for months.",
      "The estates people piggyback on my account when they need the occupancy figures.",
    ],
    doesNotSay: [
      { text: "Only our ops team has access and that's how we want it." },
      { text: "Do other teams use it at all? A lot of our customers find marketing does.", role: "vendor" },
      { text: "Marketing got their own licences last quarter, so nobody borrows logins any more." },
      { text: "If finance ever started using it we'd sort out proper seats." },
      { text: "I log in with my own account every morning." },
    ],
  },
  adjacent_tool: {
    says: [
      "For scheduling we use Deputy, which doesn't talk to Lumen at all.",
      "Our forecasting still happens in a big Excel workbook that Mark maintains.",
      "The field team uses a different app for inspections and we reconcile it every week.",
      "We're also paying for Tableau just so the execs get their charts.",
      "We've got a separate subscription to Smartsheet for project tracking.",
      "Capacity planning is done in Google Sheets at the moment.",
      "Our routing runs through another vendor's platform.",
      "HR tracks training in a whole other system and we'd love it in one place.",
    ],
    doesNotSay: [
      { text: "Lumen Forecast would let you retire that other tool.", role: "vendor" },
      { text: "We're not looking at any other tools, we just need this one working." },
      { text: "Finance lives in their ERP and they're happy there." },
      { text: "We don't use any other software for that." },
    ],
  },
  higher_tier_interest: {
    says: [
      "Is there a way to give each clinic manager a view of only their own site's data?",
      "Does the enterprise version let us set up single sign-on?",
      "It'd be brilliant if we could forecast demand inside the tool.",
      "What would it take to get the predictive module switched on?",
      "We'd really like row-level permissions so the regions only see their own numbers.",
      "Could we trial the advanced analytics add-on for a month?",
    ],
    doesNotSay: [
      { text: "Have you looked at what Enterprise gives you on security?", role: "unknown" },
      { text: "How do I schedule this report to go out on Mondays?" },
      { text: "Maybe if we were twice the size we'd look at forecasting." },
    ],
  },
  org_growth: {
    says: [
      "We've taken on twelve new nurses since September and more are coming.",
      "Headcount's going from 80 to about 130 by the end of next year.",
      "We're expanding into Scotland in the spring, so that's a whole new region.",
      "The board approved a new distribution centre in Leeds that opens in Q3.",
      "There's a new customer care team being stood up in January.",
      "We just closed on the acquisition of a smaller chain, so that's six more clinics.",
      "We're staffing up the night shift with fifteen more drivers.",
      "Recruitment is going flat out, we've got 25 roles open right now.",
      "The company has grown a lot this year, we're almost twice the size we were.",
    ],
    doesNotSay: [
      { text: "We're actually trimming headcount after the summer." },
      { text: "If we ever go international we'd have a whole new team." },
      { text: "Companies growing as fast as you usually need to plan seats ahead.", role: "unknown" },
      { text: "Hiring is frozen until next year." },
      { text: "We lost three dispatchers to a competitor last month." },
    ],
  },
  other_team_interest: {
    says: [
      "Our member growth team keeps asking when they can get into the dashboards.",
      "The finance folks have asked whether they could get a login too.",
      "Marketing saw my screen and now they want in.",
      "HR have been pestering me for access since the all-hands.",
      "The Manchester office asked if they could have a look at it.",
      "Two of the other department heads want a demo next week.",
    ],
    doesNotSay: [
      { text: "You should bring marketing in, they'd love this.", role: "unknown" },
      { text: "Maybe someday marketing would use it, if we ever get there." },
      { text: "Nobody outside ops has asked about it." },
    ],
  },
  peer_usage_question: {
    says: [
      "Do you have any customers in hospitality who use it for housekeeping?",
      "Is anyone else in the dental space running their recall campaigns through it?",
      "I'd love to hear how similar schools have set up their attendance tracking.",
      "How are your other logistics customers handling driver scorecards?",
      "Any examples of other hotel groups using the forecasting bit?",
      "Have you seen other vet practices do anything clever with it?",
      "What do organisations like ours typically use it for, besides reporting?",
      "Could you share how other transit agencies have rolled it out to their planners?",
    ],
    doesNotSay: [
      { text: "Other retailers your size use it for supplier portals.", role: "unknown" },
      { text: "How do I share this dashboard with my manager?" },
      { text: "Other clinics in our group don't have it yet." },
      { text: "I'm not interested in what other companies do with it." },
    ],
  },
  strategic_initiative: {
    says: [
      "Next fiscal year the board wants us staffing every clinic to demand.",
      "Our big push for 2027 is cutting outage restoration time across the network.",
      "The CEO has made patient wait times the number one priority for next year.",
      "Leadership has set a target of zero missed deliveries by Q4.",
      "There's a company-wide initiative to digitise every paper form by 2027.",
      "We're launching a sustainability programme in the new year and need to track fuel use.",
    ],
    doesNotSay: [
      { text: "A lot of our customers are starting AI initiatives, is that on your radar?", role: "unknown" },
      { text: "No big new projects next year, we're keeping things steady." },
      { text: "If the board ever decides to go green we'd need something." },
    ],
  },
  measurable_outcome: {
    says: [
      "Late deliveries are down 18% since the dispatch dashboards went live.",
      "The monthly reporting pack used to take five days and now it takes one.",
      "We've saved about ten hours a week on rota planning.",
      "No-shows dropped from 12% to 7% in three months.",
      "We halved the time it takes to close the month.",
      "Overtime costs fell by £4,000 last quarter.",
    ],
    doesNotSay: [
      { text: "Customers like you typically save around 20% of reporting time.", role: "unknown" },
      { text: "We'd like to see project profitability by phase eventually." },
      { text: "It feels faster, I think." },
    ],
  },
  champion_engaged: {
    says: [
      "I ran two training sessions for the dispatchers last week.",
      "I'll get the data owners in a room by Friday and send you the list.",
      "I've put together a quick-start guide for the new starters.",
      "I'm hosting drop-in sessions every Thursday for anyone who's stuck.",
      "I've already booked the workshop with the supervisors for next Tuesday.",
      "I'll chase IT for the SSO details and get back to you tomorrow.",
    ],
    doesNotSay: [
      { text: "Thanks for always being so engaged, Dana!", role: "vendor" },
      { text: "Sorry, I haven't had a chance to look at any of it." },
      { text: "I'll be on leave, so I won't be running the training next week." },
    ],
  },
  internal_advocacy: {
    says: [
      "I've been singing its praises to the other site managers.",
      "I forwarded the dashboard to our finance director and said her team should be on it too.",
      "I keep telling the Bristol office they'd save hours with it.",
      "I brought it up at the regional managers' meeting and a few of them were keen.",
      "I've been banging the drum for it with the other department heads.",
      "I've recommended it to the other practice managers in our group.",
      "I gave a quick demo to the warehouse supervisors on Tuesday.",
      "I shared our results at the all-hands and plugged the tool to everyone.",
    ],
    doesNotSay: [
      { text: "Feel free to forward our case study to your other teams.", role: "vendor" },
      { text: "I haven't really shown it to anyone outside my team." },
      { text: "I'd recommend it to other teams if the exports worked." },
      { text: "The other managers told me they don't like it." },
    ],
  },
  second_use_case: {
    says: [
      "We've started using it for stock counts too, not just for rostering.",
      "The facilities crew now logs maintenance requests in Lumen as well.",
      "Our HR team have begun running their onboarding checklists through it.",
      "Now it's doing double duty: dispatch in the morning and fleet maintenance in the afternoon.",
      "We've branched out and use it for the patient feedback surveys now.",
      "Since spring it's also become our tool for tracking incident reports.",
      "We're using the dashboards for fundraising now, which we never planned.",
      "It's become the place we manage supplier onboarding as well as deliveries.",
    ],
    doesNotSay: [
      { text: "Once outage reporting is solid you could use it for maintenance too.", role: "vendor" },
      { text: "If it works we might show the other studio." },
      { text: "We still only use it for scheduling." },
      { text: "We're using it for the same thing as last year." },
    ],
  },
  executive_alignment: {
    says: [
      "Our CEO mentioned the turnaround numbers in the all-hands on Monday.",
      "The CFO sat in on the last review and asked good questions about the savings.",
      "Our COO's been quoting the on-time rate in every leadership meeting.",
      "The managing director wants this on the agenda at the quarterly business review.",
      "The headteacher used the attendance chart in her report to the governors.",
      "I walked our VP of Operations through the dashboards and she's fully on board.",
      "Our finance director is really keen on the results and wants to join the next QBR.",
      "The exec team saw the numbers and they're excited about rolling it wider.",
    ],
    doesNotSay: [
      { text: "It would be great to get your VP on our next call.", role: "vendor" },
      { text: "Our VP hasn't looked at any of this yet." },
      { text: "If the board ever sees these numbers they'd be thrilled." },
      { text: "Our CEO is too busy to join these calls." },
    ],
  },
  champion_departing: {
    says: [
      "I've accepted a role at another company; my last day is the twelfth.",
      "With Owen gone we'll have to figure out who owns the dashboards.",
      "Just a heads up, I'm handing in my notice at the end of the month.",
      "Priya has moved to a different team so she won't be our contact any more.",
      "I'm being moved onto the new warehouse project, so someone else will pick this up.",
      "Tom's left the business and we haven't replaced him yet.",
    ],
    doesNotSay: [
      { text: "Make sure someone else knows the setup in case you ever move on.", role: "unknown" },
      { text: "I'm out on holiday next week, back on the 20th." },
      { text: "I'm leaving early today for the dentist." },
    ],
  },
  onboarding_stalled: {
    says: [
      "The curriculum team still hasn't connected their data, we keep pushing the session.",
      "We just need more time before we roll it out to the tutors.",
      "The integration with our HR system has been on hold since March.",
      "We've had to reschedule the kickoff again because IT is swamped.",
      "Half the sites are still waiting to be set up.",
      "We haven't got round to importing the historic data yet.",
    ],
    doesNotSay: [
      { text: "Let's make sure onboarding wraps before we talk about anything else.", role: "vendor" },
      { text: "The setup dragged in spring but everyone's been live since June." },
      { text: "All the sites finished onboarding last month." },
    ],
  },
  adoption_friction: {
    says: [
      "Three of my managers can't find their dashboard again after the menu change.",
      "The filters make no sense to the tutors and they give up.",
      "People keep asking me how to export a single clinic's data.",
      "The new layout has everyone confused about where the reports went.",
      "Our drivers struggle to log their stops in the app.",
      "Half the team have gone back to paper because the forms are too fiddly.",
    ],
    doesNotSay: [
      { text: "Our academy has a course on filters that might help.", role: "unknown" },
      { text: "The export bug from March is fixed and we've had no complaints since." },
      { text: "The new layout is much easier, nobody's confused any more." },
    ],
  },
  shallow_adoption: {
    says: [
      "Honestly only a handful of us actually use it day to day.",
      "Most of the team haven't logged in since the training.",
      "It's basically just me and Priya who ever look at the dashboards.",
      "Out of 50 licences, maybe a dozen people are active.",
      "The drivers stopped opening the app after the first couple of weeks.",
      "Usage has tailed off a lot since January.",
      "Most of our staff don't bother with it, they just ask me for the numbers.",
      "Login numbers have nosedived this quarter.",
      "Half the seats are sitting idle.",
    ],
    doesNotSay: [
      { text: "Your active users dipped a bit this month, anything we should know?", role: "unknown" },
      { text: "Logins dipped over the holidays but they're back to normal." },
      { text: "Everyone on the floor uses it every shift." },
      { text: "Only the admins can change the settings, which is how we want it." },
    ],
  },
  value_unproven: {
    says: [
      "Sandra asked me what we're actually getting for the money and I didn't have a number.",
      "Finance doesn't buy the time-savings figure yet.",
      "Our CFO keeps asking me to justify the spend and I don't have much to show.",
      "I'm struggling to show any ROI to leadership.",
      "Honestly I can't point to anything concrete it's saved us.",
      "The board wants proof it's paying for itself before renewal.",
    ],
    doesNotSay: [
      { text: "Let's build an ROI deck so finance sees the value.", role: "vendor" },
      { text: "Finance signed off on the savings figure last quarter." },
      { text: "It's easily paid for itself." },
    ],
  },
  budget_pressure: {
    says: [
      "There's a spending freeze until the new fiscal year.",
      "Procurement sent the renewal back and asked for a flat price.",
      "We've been told to cut software spend by 15%.",
      "Anything over five grand now needs the CFO's sign-off.",
      "Money is really tight this year after the funding cut.",
      "Our budget for next year got slashed.",
    ],
    doesNotSay: [
      { text: "We can offer a special price if you sign before quarter end.", role: "unknown" },
      { text: "Budget isn't the issue, it's getting people to use it." },
      { text: "We've got budget set aside for more seats next year." },
    ],
  },
  upsell_pushback: {
    says: [
      "Every time we talk it ends with a pitch for the enterprise plan.",
      "We're not in the market for anything new, please stop asking.",
      "I feel like I'm being sold to at every check-in.",
      "Honestly, the constant upgrade talk is getting tiresome.",
      "Can we keep these calls to support and leave the commercial stuff out?",
      "We're not buying anything else this year, so there's no point sending another proposal.",
      "Your account manager keeps pushing the add-on and it's putting people off.",
      "We just want the basics working before anyone tries to sell us more.",
    ],
    doesNotSay: [
      { text: "I know we keep bringing up the Business tier, sorry about that.", role: "vendor" },
      { text: "Sure, send the proposal over and I'll share it with Amelia." },
      { text: "We were a bit worried this would turn into another upsell call." },
      { text: "Could you send a quote for ten more seats?" },
      { text: "Happy to hear about the new tier when you have a minute." },
    ],
  },
};

/**
 * A second round, written after the first round passed and run before any cue was changed for it: the
 * first-round cues found 16 of its 46 positives, which is what the first round's fixes were worth on
 * phrasings they had not seen. Kept here once fixed, so the families stay this wide.
 */
const SECOND_ROUND: Partial<Record<SignalId, Paraphrases>> = {
  unlicensed_team_usage: {
    says: [
      "The night supervisors just use the manager login on the office PC.",
      "Our accounts team got hold of the shared password and they're in there every day.",
      "Purchasing have been running their own reports off my account since spring.",
      "I think the Glasgow depot has its own little workspace that we never paid for.",
      "A few folks in customer service log on as me to check the rota.",
      "The café staff are on a spare login that belongs to one of our managers.",
    ],
    doesNotSay: [{ text: "Each of the new starters has their own login now." }, { text: "I share my screen with the team every Monday." }],
  },
  adjacent_tool: {
    says: [
      "We track annual leave in a separate HR system called Breathe.",
      "Budgeting is all spreadsheets right now, honestly.",
      "We bought a standalone forecasting tool last year and it's a pain to keep in sync.",
      "Our maintenance jobs go through a different platform, Fiix.",
    ],
    doesNotSay: [{ text: "We moved everything off spreadsheets last year." }],
  },
  org_growth: {
    says: [
      "We're opening two more restaurants next spring.",
      "The team's gone from six to fourteen people this year.",
      "We've just signed the lease on a third warehouse.",
      "There'll be another forty seasonal staff joining in November.",
      "We're merging with a practice across town in the new year.",
    ],
    doesNotSay: [{ text: "We had to let twenty people go in the spring." }],
  },
  peer_usage_question: {
    says: [
      "Out of interest, what are other credit unions using it for?",
      "Do other hotel chains use the forecasting for housekeeping?",
      "Is this something your other healthcare clients do?",
      "How have other districts handled substitute teachers in it?",
      "What have you seen work for companies our size?",
    ],
    doesNotSay: [{ text: "How do I add another user?" }, { text: "Is anyone else joining?" }],
  },
  internal_advocacy: {
    says: [
      "I've been pushing the other branch managers to give it a go.",
      "I did a lunch-and-learn for the finance team to show them what it can do.",
      "I put it in front of the ops directors at our quarterly and they loved it.",
      "I've told all the other clinic leads they're mad not to use it.",
      "I've been selling it internally to anyone who'll listen.",
    ],
    doesNotSay: [{ text: "I showed the new starter where the rota lives." }],
  },
  second_use_case: {
    says: [
      "We also manage the volunteer rota in it now.",
      "Beyond shifts, the kitchen uses it to plan deliveries.",
      "The training team has started booking courses through it.",
      "We've been using it for fire drill sign-offs as well.",
      "Our second big use is holiday cover planning.",
    ],
    doesNotSay: [{ text: "We only use it for shifts, nothing else." }],
  },
  executive_alignment: {
    says: [
      "Our CEO brought up the savings at the town hall.",
      "The board loved the before-and-after slide.",
      "Our CFO now asks for the dashboard every month.",
      "The exec team reviewed the results last week and want to see more.",
      "Our director of operations has been really supportive and joined the last call.",
    ],
    doesNotSay: [{ text: "Our CEO doesn't really care about this stuff." }],
  },
  shallow_adoption: {
    says: [
      "Realistically it's me and one other person using it.",
      "Most people haven't opened it in weeks.",
      "Only about ten of our hundred users log in regularly.",
      "The managers barely use it, they still ring me for everything.",
      "Usage has dropped off a cliff since the summer.",
    ],
    doesNotSay: [{ text: "Everyone logs in at least twice a day." }],
  },
  upsell_pushback: {
    says: [
      "I don't want every call to turn into a conversation about upgrading.",
      "We're really not interested in the enterprise tier, so please drop it.",
      "It feels like you're more interested in selling than helping.",
      "Can we please stop talking about add-ons and fix the export?",
      "I've had three emails this week about upgrading and it's getting a bit much.",
    ],
    doesNotSay: [{ text: "Please send over the pricing for the enterprise tier." }, { text: "I'll stop talking about seats.", role: "unknown" }],
  },
  seat_pressure: {
    says: [],
    doesNotSay: [{ text: "We've used all of the training credits." }],
  },
};

/**
 * A third round over every signal, written and run the same way: the second-round cues found 22 of its
 * 68 positives before any change for it.
 */
const THIRD_ROUND: Partial<Record<SignalId, Paraphrases>> = {
  seat_pressure: {
    says: [
      "Every time someone new joins I have to kick somebody else off.",
      "We're two licences short for the new starters on Monday.",
      "I've got a queue of people waiting on logins.",
      "We're basically at our user limit already.",
    ],
    doesNotSay: [{ text: "We kicked off the rollout last week." }],
  },
  tier_workaround: {
    says: [
      "Every Friday I manually pull the hours into a spreadsheet to work out overtime costs.",
      "We print the rota and highlight the gaps by hand because there's no coverage view on our plan.",
      "Our admin rebuilds the weekly report in Excel for each site manager.",
    ],
    doesNotSay: [],
  },
  premium_feature_affinity: {
    says: [
      "We're right up against the number of locations we're allowed on this plan.",
      "The five custom report slots are all used and we need more.",
      "We use the approval workflows constantly, and we need another approval stage.",
    ],
    doesNotSay: [],
  },
  unlicensed_team_usage: {
    says: [
      "Turns out the kitchen team have been checking their rota on my phone login.",
      "Facilities have their own account that procurement never signed off.",
      "The physio team are using a free version they set up themselves.",
    ],
    doesNotSay: [],
  },
  adjacent_tool: {
    says: [
      "We still do payroll exports through a separate bureau system.",
      "Our rostering for agency staff lives in a different tool entirely.",
      "Honestly forecasting is someone's Excel model at the moment.",
    ],
    doesNotSay: [],
  },
  higher_tier_interest: {
    says: [
      "Is it possible to get automatic alerts when a shift goes unfilled?",
      "We'd love an API so our HR system can pull the hours.",
      "Does Halyard do labour cost forecasting at all?",
      "What does the Pro plan add over what we have?",
    ],
    doesNotSay: [],
  },
  org_growth: {
    says: [
      "We're doubling the number of care homes over the next two years.",
      "We've got a new ward opening in March with about thirty staff.",
      "Our intake of new graduates starts in September, around fifty of them.",
    ],
    doesNotSay: [{ text: "We're increasing our use of the mobile app." }],
  },
  other_team_interest: {
    says: [
      "The regional team have been asking if they can see the dashboards too.",
      "Finance want logins so they can check overtime themselves.",
      "Our Leeds colleagues saw it and want to know when they get it.",
    ],
    doesNotSay: [],
  },
  peer_usage_question: {
    says: [
      "Do any of your other councils use it for bin collection rotas?",
      "What are similar-sized practices doing with the reporting?",
      "I'd be curious how other warehouses use the forecasting.",
    ],
    doesNotSay: [],
  },
  strategic_initiative: {
    says: [
      "This year the focus from the top is cutting agency spend.",
      "Our new strategy is all about getting patients seen within a week.",
      "The trust has committed to going paperless by next spring.",
    ],
    doesNotSay: [],
  },
  measurable_outcome: {
    says: [
      "Agency spend is down about a third since we started.",
      "We fill open shifts in under an hour now, it used to take a day.",
      "Sickness absence went from 6% to 4%.",
    ],
    doesNotSay: [{ text: "We've been asked to cut costs by 10% across the board." }],
  },
  champion_engaged: {
    says: [
      "I've trained all six site leads myself.",
      "I'll send over the list of managers by Thursday.",
      "I've been running weekly check-ins with the supervisors to get everyone on board.",
    ],
    doesNotSay: [],
  },
  internal_advocacy: {
    says: [
      "I've been nudging the other heads of department to try it.",
      "I keep sharing our results in the managers' group chat.",
      "I presented our rota savings at the regional meeting.",
    ],
    doesNotSay: [],
  },
  second_use_case: {
    says: [
      "We've started using it to organise staff training too.",
      "The events team now plans their weekend cover in it as well.",
      "It's also become how we track equipment checks.",
    ],
    doesNotSay: [],
  },
  executive_alignment: {
    says: [
      "Our chief exec quoted the overtime figure at the board.",
      "The CFO was on the call and really liked the cost view.",
      "Our MD wants a monthly summary from the dashboard.",
    ],
    doesNotSay: [],
  },
  champion_departing: {
    says: [
      "I'm off at the end of the month, moving to a new job.",
      "Sarah's moved on, so I'm your contact for now.",
      "I'm going on maternity leave and not coming back.",
    ],
    doesNotSay: [{ text: "The project has moved on to phase two." }],
  },
  onboarding_stalled: {
    says: [
      "We still haven't rolled it out to the second site.",
      "The go-live keeps slipping because of the payroll integration.",
      "Half the managers haven't done the training yet.",
    ],
    doesNotSay: [{ text: "We haven't had any problems since the training." }],
  },
  adoption_friction: {
    says: [
      "The app logs people out constantly and they get fed up.",
      "Nobody can work out how to swap shifts.",
      "I get the same question about leave requests every week.",
    ],
    doesNotSay: [{ text: "The team were tired after the long weekend." }],
  },
  shallow_adoption: {
    says: [
      "Hardly anyone uses the mobile app.",
      "It's really just the admins who log in.",
      "Maybe five people use it regularly.",
    ],
    doesNotSay: [{ text: "About fifty people use it every day." }],
  },
  value_unproven: {
    says: [
      "The finance director keeps asking what the return is.",
      "I can't really say what we've saved.",
      "Our CFO isn't convinced it's worth the money.",
    ],
    doesNotSay: [{ text: "I can say exactly what we've saved: forty hours a month." }],
  },
  budget_pressure: {
    says: [
      "All spending has to go through the finance committee now.",
      "We've been asked to cut costs by 10% across the board.",
      "There's no money for new tools this year.",
    ],
    doesNotSay: [{ text: "We've got money set aside for more seats." }],
  },
  upsell_pushback: {
    says: [
      "I'm not after an upgrade, I just need the export fixed.",
      "Please don't try to sell me more seats.",
      "Every email from your team seems to be about upgrading.",
    ],
    doesNotSay: [{ text: "Don't forget to send the invoice." }],
  },
};

/**
 * A fourth round, written and run the same way: the original cues found 17 of its 44 positives and the
 * third-round cues 22. One phrasing stays unmatched on purpose ("the warehouse lot have been sneaking in
 * on the supervisors' account": no team word names the borrowers).
 */
const FOURTH_ROUND: Partial<Record<SignalId, Paraphrases>> = {
  seat_pressure: {
    says: [
      "Honestly we could do with another ten logins.",
      "There are people on the team who can't get in because we're out of licences.",
    ],
    doesNotSay: [],
  },
  tier_workaround: {
    says: [
      "We've got a Google Form feeding a sheet because the plan has no request approvals.",
      "Each morning somebody retypes the sickness list into the rota.",
    ],
    doesNotSay: [],
  },
  premium_feature_affinity: {
    says: [
      "We schedule about forty reports a week, which is the cap.",
      "The permissions we have are too coarse, we need something finer for the agency staff.",
    ],
    doesNotSay: [],
  },
  unlicensed_team_usage: {
    says: [
      "Compliance are apparently using it off the back of our licence.",
    ],
    doesNotSay: [],
  },
  adjacent_tool: {
    says: [
      "Our agency bookings are in a totally different system.",
      "We pay for Rotacloud as well for the bank staff.",
    ],
    doesNotSay: [],
  },
  higher_tier_interest: {
    says: [
      "Any chance we could get the forecasting module on a trial?",
      "I'd really like to be able to see labour cost against sales.",
    ],
    doesNotSay: [],
  },
  org_growth: {
    says: [
      "We're taking over four more sites from another operator.",
      "Staff numbers are going up by about a quarter next year.",
    ],
    doesNotSay: [],
  },
  other_team_interest: {
    says: [
      "The catering manager has asked whether her team could use it too.",
      "IT want access so they can look at the audit logs.",
    ],
    doesNotSay: [],
  },
  peer_usage_question: {
    says: [
      "How does everybody else in retail handle the Christmas rota?",
      "Are there other museums on Halyard we could talk to?",
    ],
    doesNotSay: [],
  },
  strategic_initiative: {
    says: [
      "The board has signed off a three-year plan to bring all rostering in-house.",
      "Our number one goal this year is reducing agency spend.",
    ],
    doesNotSay: [],
  },
  measurable_outcome: {
    says: [
      "Rota sign-off now takes ten minutes instead of half a day.",
      "We've cut overtime by roughly 12 percent.",
    ],
    doesNotSay: [],
  },
  champion_engaged: {
    says: [
      "I've set up a Teams channel where people can ask me questions about it.",
      "I'll walk the new starters through it on Monday.",
    ],
    doesNotSay: [],
  },
  internal_advocacy: {
    says: [
      "I told the other depots they should get on it.",
      "I've been showing it off to the other GMs.",
    ],
    doesNotSay: [],
  },
  second_use_case: {
    says: [
      "We now use it for the cleaning schedule as well as shifts.",
      "The pharmacy team have started using it to plan their deliveries.",
    ],
    doesNotSay: [],
  },
  executive_alignment: {
    says: [
      "The CEO asked for the overtime chart for the board pack.",
      "Our COO has been talking about the results in every town hall.",
    ],
    doesNotSay: [],
  },
  champion_departing: {
    says: [
      "Next month I'm moving over to the finance side, so I won't be looking after this.",
      "Just to let you know, Aaron has resigned.",
    ],
    doesNotSay: [],
  },
  onboarding_stalled: {
    says: [
      "The second wave of sites still isn't live.",
      "We've paused the rollout until after the audit.",
    ],
    doesNotSay: [],
  },
  adoption_friction: {
    says: [
      "The managers find the approval screen really confusing.",
      "People keep ringing me because they can't see their shifts.",
    ],
    doesNotSay: [],
  },
  shallow_adoption: {
    says: [
      "A lot of the staff just ignore the app.",
      "Engagement with it has been pretty low outside head office.",
    ],
    doesNotSay: [],
  },
  value_unproven: {
    says: [
      "Our FD doesn't believe the savings numbers.",
      "I'm not sure we're getting our money's worth.",
    ],
    doesNotSay: [],
  },
  budget_pressure: {
    says: [
      "Everything's on hold until the budget's approved in April.",
      "We're under a lot of pressure to cut costs.",
    ],
    doesNotSay: [],
  },
  upsell_pushback: {
    says: [
      "Please can we not have another upgrade conversation today.",
      "I get the feeling every call is a sales call.",
    ],
    doesNotSay: [],
  },
};

/** Ordinary call and ticket talk that carries no signal: what the broader families must leave alone. */
const SMALL_TALK: readonly string[] = [
  "Thanks for sending the notes over.",
  "Can you remind me where the export button is?",
  "We had the team meeting on Tuesday.",
  "The weather's been awful up here.",
  "I'll be on holiday the first week of August.",
  "Our finance team closes the month on the fifth.",
  "The new starters begin on Monday.",
  "Let me share my screen.",
  "We use it every day for the rota.",
  "That makes sense, thank you.",
  "Sarah from HR will join us next time.",
  "The board meets quarterly.",
  "Our CEO is Mark Jones.",
  "We're based in Leeds with a second office in York.",
  "I've got another call at three.",
  "The dashboard loads fine now.",
  "We bought twenty licences last year.",
  "I saw the release notes.",
  "The mobile app update went out yesterday.",
  "Could you send me the invoice again?",
  "We've got about sixty staff in total.",
  "Our old system was a nightmare.",
  "The training was really helpful.",
  "Most of the team like the new layout.",
  "We renew in March.",
  "I'll forward your email to Priya.",
  "Other than that, all good.",
  "Everyone's using it properly now.",
  "We don't have any questions today.",
  "The report you sent was great.",
];

describe("offline cues on paraphrases they were not tuned on", () => {
  for (const [round, set] of [["first round", PARAPHRASES], ["second round", SECOND_ROUND], ["third round", THIRD_ROUND], ["fourth round", FOURTH_ROUND]] as const) {
    for (const [signalId, { says, doesNotSay }] of Object.entries(set) as Array<[SignalId, Paraphrases]>) {
      describe(`${round}: ${signalId}`, () => {
        if (says.length > 0) {
          it.each(says)("finds it in %j", (text) => {
            expect(signalsIn(text)).toContain(signalId);
          });
        }
        it.each(doesNotSay)("does not find it in %j", async ({ text, role }) => {
          expect(await customerSideSignalsIn(text, role ?? "customer")).not.toContain(signalId);
        });
      });
    }
  }

  it.each(SMALL_TALK)("finds nothing in %j", (text) => {
    expect(signalsIn(text)).toEqual([]);
  });
});
