import type { SignalId } from "./signals.js";

/**
 * One general phrasing of a signal, matched case-insensitively inside one sentence of one speaker.
 * Cues are deliberately phrased as families ("need ... more seats/licences/logins"), never as copies of
 * the demo or gold sentences, so the offline extractor stays an honest baseline.
 */
export interface SignalCue {
  readonly pattern: RegExp;
  /** How sure a match alone makes the signal (0..1); 0.7 unless said. */
  readonly weight?: number;
  /** The phrasing carries its own negation ("can't find", "still hasn't connected"): skip the negation check. */
  readonly carriesNegation?: boolean;
  /** Asking is the signal ("is there a way to...?", "how do other utilities...?"): questions count. */
  readonly inQuestions?: boolean;
  /** A conditional is part of the ask ("something we'd get if we moved up a plan?"): hypotheticals count. */
  readonly conditional?: boolean;
  /**
   * The phrase means the signal only next to this: a sentence up to three away (any speaker, neighbouring
   * turns included) must match it ("no, thanks" counts as a decline only after an offer).
   */
  readonly needsNearby?: RegExp;
  /**
   * The phrase is the second half of something the same speaker began: one of their two sentences just
   * before must match this ("We used to lose a third of orders." then "Now it's under five percent.").
   */
  readonly needsEarlier?: RegExp;
}

export interface SignalCues {
  readonly cues: readonly SignalCue[];
  /** A sentence matching any of these is not this signal, whatever cue it also matches. */
  readonly exclusions?: readonly RegExp[];
  /**
   * What the sentences around it (any speaker, same chunk, up to `sentences` either side) can say that
   * changes what this sentence is: a workaround next to "that's included in your plan" is an enablement
   * gap. A matching neighbour turns the candidate into `becomes`, or drops it when `becomes` is unset.
   */
  readonly nearby?: { readonly patterns: readonly RegExp[]; readonly sentences: number; readonly becomes?: SignalId };
}

// Shared vocabulary, so the families below read as phrases.
const SEATS = String.raw`(?:seats?|licen[cs]es?|logins?|user accounts?)`;
/** Numbers in words as people say them: "eighty-eight", "twenty six thousand", "a hundred and ten". */
const SPELLED = String.raw`(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)(?:\s+(?:hundred|thousand)(?:\s+and\s+[a-z-]+)?)?`;
const NUMBER = String.raw`(?:\d+(?:[.,]\d+)?|${SPELLED}|a hundred|hundred|a thousand|half|a dozen|dozens?)`;
const UNIT = String.raw`(?:%|percent|per cent|points?|hours?|minutes?|days?|weeks?|months?|seconds?|dollars|k\b)`;
const TEAM = String.raw`(?:team|teams|department|departments|group|division|office|unit|function|folks|people|leads?|managers?|directors?|head|heads|principals|leaders|depot|crew|staff|peers|supervisors?)`;
/** Departments named on their own ("finance has been...", "HR keeps asking"). */
const DEPARTMENTS = String.raw`(?:marketing|finance|sales|hr|legal|planning|nursing|maintenance|procurement|purchasing|engineering|operations|ops|support|customer (?:service|support|care)|member services|product|estates|facilities|payroll|compliance|accounts|admissions|housekeeping|logistics|dispatch)`;
const LEADERS = String.raw`(?:board|ceo|chief exec(?:utive)?|cfo|coo|cio|cto|cmo|cro|vp|svp|evp|md|managing director|(?:finance|operations|executive|medical|clinical|commercial|regional) director|chief [\w-]+ officer|executive team|exec team|senior leadership team|senior leadership|leadership team|leadership|slt|executives|c-suite|investors|trustees|commissioners|councillors|councilors|the council|superintendent|head ?teacher|governors|cabinet|partners|founders?|president|general manager)`;
/** Asking for the product itself (access, a demo, their own view), not for a report the current users send them. */
const ASKS_FOR_PRODUCT = String.raw`(?:keeps? asking|kept asking|been asking|asked|asking|asks|wants?|wanted|requested|would like|pester(?:s|ed|ing)?|nag(?:s|ged|ging)?|badger(?:s|ed|ing)?|chas(?:e|es|ed|ing)|hassl(?:e|es|ed|ing)|begging|begged)\s+(?:me\s+|us\s+)?(?:\w+\s+)?(?:for\s+|about\s+)?(?:[\w-]+\s+(?=access))?(?:access|a demo|demos|logins?|a login|seats?|their own|in\b|to see|to use|to get|to try|to have|the same|a walkthrough|a trial|(?:if|whether|when) (?:they|(?:her|his|their) (?:team|staff|people)|the (?:trial|pilot|demo)) (?:should|could|can|will|get|might)|how (?:they|we) (?:could|can)|about (?:it|the product|the tool|the dashboards?)|to know (?:when|if|whether|how) (?:they|we) (?:can|could|get|will))`;
const PLACE = String.raw`(?:site|hub|office|clinic|branch|location|warehouse|store|shop|home|house|depot|campus|plant|hotel|school|centre|center|route)`;

/**
 * The offline extractor's cue patterns, keyed by signal id: the registry a test checks against the
 * taxonomy. Negation, hypotheticals, vendor speech and resolved past issues are handled once, in the
 * extractor, for every signal; what is specific to a signal (a look-alike it must not fire on) is an
 * exclusion here.
 */
export const SIGNAL_CUES = {
  seat_pressure: {
    cues: [
      { pattern: new RegExp(String.raw`\b(?:need|needs|needed|want|'ll need|will need)\s+(?:at least\s+|about\s+|roughly\s+)?another\s+${NUMBER}\s+(?:[\w-]+\s+)?(?:seats|logins|licen[cs]es|users|accounts)\b`), weight: 0.75 },
      { pattern: new RegExp(String.raw`\b(?:we're|we are|now)\s+(?:at\s+)?${NUMBER}\s+(?:of|out of)\s+(?:our|the)\s+${NUMBER}\b`), weight: 0.7 },
      { pattern: /\bshar(?:e|es|ed|ing)\s+(?:(?:the\s+)?(?:[\w-]+\s+){0,2}[\w-]+'s|his|her|my|their|our|the same)\s+(?:[\w-]+\s+)?(?:login|logins|account|password|credentials|seat)\b/, weight: 0.7 },
      { pattern: /\b(?:we're|we are|we're now|now)\s+(?:at\s+)?\d+\s*\/\s*\d+\b(?!\s*(?:am|pm|days?|weeks?))/, weight: 0.7 },
      { pattern: /\b(?:make|create|set up|add|give us|open|need)\s+(?:us\s+)?(?:two|three|four|five|\d+|a few|some|a couple of)?\s*(?:more|extra|additional)\s+(?:users|logins|seats|licen[cs]es|accounts)\b/, weight: 0.7, inQuestions: true },
      // "43 of 45 active users", "71 of our 80 host logins in use": nearly every seat taken, whatever the seats are called.
      { pattern: new RegExp(String.raw`\b${NUMBER}\s+(?:of|out of)\s+(?:our|the|their|all|all our)?\s*${NUMBER}\s+(?:[\w-]+\s+)?(?:seats|licen[cs]es|logins|users|accounts|user accounts|places)\b`), weight: 0.7 },
      { pattern: new RegExp(String.raw`\b(?:need|needs|needed|needing|want|get|add|adding|buy|order|request(?:ed|ing)?|could do with|could use)\b[^.?!]{0,30}\b(?:more|extra|additional|another \w+)\s+(?:\w+\s+)?${SEATS}`), weight: 0.8 },
      { pattern: new RegExp(String.raw`\b(?:ran|run|running|are|were|'re|is|'s)\s+out of\s+${SEATS}`), weight: 0.85 },
      { pattern: /\bshar(?:e|es|ed|ing)\s+(?:a|one|the same|a single|their|our|one single)\s+(?:login|logins|password|account|credentials|seat)\b/, weight: 0.75 },
      { pattern: new RegExp(String.raw`\b${NUMBER}\s+(?:of|out of)\s+(?:our|the)\s+${NUMBER}\s+(?:are|is)\s+(?:active|used|in use|taken)\b`), weight: 0.8 },
      { pattern: new RegExp(String.raw`\b(?:only|just)\s+(?:have\s+)?${NUMBER}\s+(?:seats|licen[cs]es)\s+(?:free|left|spare|available)\b`), weight: 0.8 },
      { pattern: /\b(?:short|low)\s+(?:on|of)\s+(?:seats|licen[cs]es)\b/, weight: 0.8 },
      { pattern: new RegExp(String.raw`\b${NUMBER}\s+(?:of|out of)\s+(?:our|the|their)?\s*${NUMBER}\s+(?:seats|licen[cs]es)\b`), weight: 0.8 },
      { pattern: new RegExp(String.raw`\b(?:hit|hitting|reached|reaching|at|near|close to|up against|over)\s+(?:the|our)?\s*(?:seat|licen[cs]e|user)\s+(?:limit|cap|count|ceiling)`), weight: 0.8 },
      { pattern: new RegExp(String.raw`\b(?:waiting|wait list|waitlist|queue)\b[^.?!]{0,30}\b(?:access|${SEATS})`), weight: 0.7 },
      { pattern: new RegExp(String.raw`\b(?:no|zero|none of the)\s+(?:spare|free|unused)?\s*${SEATS}\s+(?:left|free|available)`), weight: 0.8, carriesNegation: true },
      // Every seat gone ("used every licence we've got", "all 40 licences are taken"), or asking to add some.
      { pattern: new RegExp(String.raw`\b(?:used|using|taken|filled|allocated|assigned|gone through|handed out)\s+(?:up\s+)?(?:every|all|each)\s+(?:(?:of\s+)?(?:our|the)\s+)?(?:\w+\s+){0,1}${SEATS}`), weight: 0.8 },
      { pattern: new RegExp(String.raw`\b(?:every|all|each)\s+(?:of\s+)?(?:our\s+|the\s+)?(?:${NUMBER}\s+)?(?:of\s+(?:our|the)\s+)?${SEATS}\s+(?:are|is|have been|were|'re)\s+(?:already\s+)?(?:taken|used|in use|assigned|allocated|gone|spoken for|full)\b`), weight: 0.8 },
      { pattern: new RegExp(String.raw`\b(?:maxed out|full up|at capacity|tapped out)\s+(?:on|of|with)\s+(?:our\s+)?${SEATS}`), weight: 0.8 },
      { pattern: new RegExp(String.raw`\b(?:can|could|may)\s+(?:we|i)\s+(?:get|have|add|buy|order|grab)\b[^.?!]{0,20}\b(?:more|extra|additional|another)\s+(?:\w+\s+)?${SEATS}`), weight: 0.75, inQuestions: true },
      { pattern: /\bkick\w*\s+(?:someone|somebody|people|them|him|her)\s+(?:else\s+)?off\b/, weight: 0.75 },
      { pattern: new RegExp(String.raw`\b${NUMBER}\s+(?:seats|licen[cs]es|logins)\s+short\b|\bshort\s+(?:by\s+)?${NUMBER}\s+(?:seats|licen[cs]es|logins)\b`), weight: 0.8 },
    ],
    exclusions: [/\bunused\b/],
  },
  tier_workaround: {
    cues: [
      { pattern: /\b(?:pull|pulls|pulling|pulled|key|keys|keying|type|types|typing|log|logs|logging|record|records|recording)\s+(?:[\w'-]+\s+){0,6}(?:into|in)\s+(?:a|an|the|our)?\s*(?:shared\s+)?(?:excel|spreadsheet|workbook|google sheet|sheet)\b/, weight: 0.65 },
      { pattern: /\b(?:paper|printed)\s+(?:[\w-]+\s+){0,2}(?:forms?|sheets?|logs?)\s+and\s+(?:then\s+)?scan\w*\b/, weight: 0.65 },
      // Repeating by hand what the plan does not do in one go: "rule by rule", "hotel by hotel", "one by one".
      { pattern: /\b(?:copy|copies|copying|copied|enter|enters|entering|type|types|typing|export\w*|update\w*|re-?key\w*|re-?enter\w*|add|adds|adding|set|sets|setting|move|moves|moving|check|checks|checking)\b[^.?!]{0,70}\b(?!(?:side|step|little|bit|word|day)\b)([a-z]+) by \1\b/, weight: 0.65 },
      { pattern: /\b(?:export|exports|exporting|exported)\b[^.?!]{0,100}\b(?:puts?|putting|combin\w*|merg\w*|past\w*|stitch\w*)\b[^.?!]{0,40}\b(?:spreadsheet|excel|sheet|workbook)\b/, weight: 0.65 },
      { pattern: /\b(?:export|exports|exporting|exported|copy|copies|copying|paste|pastes|pasting|download|downloads|downloading|rebuild|rebuilds)\b[^.?!]{0,70}\b(?:spreadsheets?|excel|slides?|deck|powerpoint|sheets)\b/, weight: 0.7 },
      { pattern: /\b(?:do|does|doing|done|copy|copies|copying|enter|enters|entering|type|types|typing|update|updates|updating|tag|tags|tagging|build|builds|building|rebuild|rebuilds|clean|cleans|cleaning|merge|merges|merging|track|tracks|tracking|fill|fills|filling|export|exports|exporting|upload|uploads|uploading|reconcile|reconciles|reconciling|email|emails|emailing)\b[^.?!]{0,40}\b(?:by hand|manually)\b/, weight: 0.65 },
      { pattern: /\b(?:manual (?:steps?|process|work|copy)|hand-?built|stitch(?:es|ing)? (?:it|that|all of that|them) together)\b/, weight: 0.6 },
      { pattern: /\b(?:built|build|wrote|have|use|using|rigged|hacked together)\s+(?:a|our own|some|an?\s+\w+)\s+(?:workaround|script|macro|side process)\b/, weight: 0.65 },
      { pattern: /\b(?:retype|retypes|retyping|re-enter|re-enters|re-entering|rekey|rekeys|re-key|re-keys)\b/, weight: 0.7 },
      // A screenshot is a workaround when it is how the work gets done ("screenshot the schedule each
      // evening and file the images"), not when it is attached to show a problem ("PFA the screenshot").
      { pattern: /\b(?:screenshot|screenshots|screenshotting|screenshotted)\b[^.?!]{0,60}\b(?:and|then|to)\s+(?:\w+\s+)?(?:paste|pastes|pasting|send|sends|sending|email|emails|emailing|put|puts|putting|post|posts|posting|copy|copies|drop|drops|share|shares|file|files|filing|save|saves|print|prints)\b|\b(?:every|each)\s+(?:evening|morning|day|night|week|month|shift|friday|monday)\b[^.?!]{0,30}\bscreenshot|\bscreenshot\w*\s+(?:\w+\s+){0,3}(?:every|each)\s+(?:evening|morning|day|night|week|month|shift)\b/, weight: 0.7 },
      { pattern: /\b(?:today|right now|currently|at the moment|every (?:day|week|evening|morning|friday|monday))\s*,?\s+(?:we|i|a \w+|someone|somebody|they|our \w+)\s+(?:\w+\s+)?(?:check|checks|copy|copies|print|prints|type|types|compare|compares|cross-check\w*)\b[^.?!]{0,40}\b(?:against|into|from|by hand|manually|printed|spreadsheet)\b/, weight: 0.65 },
      { pattern: /\bkeep\w*\s+(?:a|our|an)\s+(?:shared\s+|separate\s+)?(?:spreadsheet|sheet|tracker|whiteboard)\b/, weight: 0.65 },
      { pattern: /\bkeep\w*\s+(?:a|our|an)\s+(?:[\w-]+\s+){1,2}(?:spreadsheet|sheet|tracker|workbook)\b/, weight: 0.6 },
      { pattern: /\b(?:pull|pulls|pulling|pulled|export\w*|download\w*)\s+(?:\w+\s+){0,2}csvs?\b[^.?!]{0,40}\b(?:stitch\w*|merg\w*|combin\w*|glu\w*|past\w*|join\w*)\b/, weight: 0.65 },
      { pattern: /\bstitch(?:es|ed|ing)?\s+(?:\w+\s+){0,3}(?:together|into (?:one|a single))\b/, weight: 0.6 },
      { pattern: /\b(?:rigged|hacked|cobbled|bodged|jury-rigged|duct-taped)\s+(?:up|together)\b/, weight: 0.65 },
      { pattern: /\b(?:manually|by hand)\s+(?:\w+\s+)?(?:pull|copy|enter|type|update|build|rebuild|merge|track|export|reconcile|compile|calculate|work out|count|key|re-?key|transfer|move|highlight|colour|color|drag|assign|re-?assign|ring|phone|call|text|plan|schedule|re-?route)\w*\b/, weight: 0.65 },
      // Chasing people one by one because the product does not do it: "we ring the lab for every run".
      { pattern: /\b(?:phones?|phoning|rings?|ringing|calls?|calling|texts?|texting|chases?|chasing)\s+(?:\w+\s+){0,5}(?:every|each)\s+(?:single\s+)?(?:customer|run|job|visit|delivery|booking|order|patient|stop|shift|site|driver|homeowner|guest|visitor|client|parent|tenant|resident|member)\b/, weight: 0.65 },
      { pattern: /\b(?:spends?|spending|spent)\s+(?:most of\s+|half\s+|all\s+)?(?:the|their|his|her|my|our|a|an)?\s*(?:whole\s+)?(?:morning|day|afternoon|evening|week|hours?)\s+(?:phoning|ringing|calling|copying|typing|re-?keying|chasing|checking|texting|emailing)\b/, weight: 0.65 },
      { pattern: /\b(?:doing|do|does|done|tracks?|tracking|plans?|planning|keeps?|keeping|runs?|running)\s+(?:that|it|this|them|those|the\s+[\w-]+)?\s*(?:on (?:the|a) whiteboard|on paper|in (?:a|the) notebook|on (?:a|the) wall ?chart)\b/, weight: 0.6 },
      { pattern: /\b(?:print|prints|printing|highlight|highlights|highlighting|count|counts|counting|calculate|calculates|calculating|compile|compiles|compiling)\b[^.?!]{0,40}\bby hand\b/, weight: 0.6 },
      // The workaround's reason given as the plan's gap: "because the plan has no approvals".
      { pattern: /\b(?:because|since|as)\s+(?:the|our)\s+(?:plan|tier|edition|licen[cs]e)\s+(?:has no|doesn't have|does not have|doesn't include|does not include|lacks)\b|\b(?:because|since|as)\s+there(?:'s| is)\s+no\s+[\w\s-]{0,30}\b(?:on|in)\s+(?:our|this|the)\s+(?:plan|tier|edition)\b/, weight: 0.6, carriesNegation: true },
    ],
    // Nobody knowing the current plan already does it is an enablement gap (adoption_friction).
    exclusions: [/\b(?:nobody|no one|didn't|did not|never)\s+(?:knew|know|realis\w*|realiz\w*)\b/, /\bused to\b/, /\b(?:fails?|failed|failing|errors?|crash\w*|times? out|timed out)\b/],
    // The same goes when the conversation around it says the current plan already does it (DESIGN.md:
    // "a workaround for what their current plan already does is adoption_friction, not expansion").
    nearby: {
      sentences: 4,
      becomes: "adoption_friction",
      patterns: [
        /\b(?:nobody|no one|didn't|did not|never)\s+(?:knew|know|realis\w*|realiz\w*)\b/,
        /\b(?:included|available|there's|there is|(?:you|we) can|(?:you|we) could|already)\b[^.?!]{0,60}\b(?:in|on|with)\s+(?:every|each|all|your|our)\s+(?:current\s+)?(?:plans?|tiers?|editions?|subscriptions?)\b/,
        /\b(?:you're|you are|we're|we are)\s+(?:already\s+)?on\s+(?:the\s+)?[\w-]+(?:\s+(?:plan|tier))?\s*,?\s+so\b[^.?!]{0,40}\b(?:included|you can|you have|you get)\b/,
        /\b(?:you|we)\s+(?:can|could)\s+(?:already\s+)?do\s+(?:that|this|it)\s+already\b/,
      ],
    },
  },
  premium_feature_affinity: {
    cues: [
      { pattern: new RegExp(String.raw`\b${NUMBER}\b[^.?!]{0,50}\b(?:and|but|while|where)\s+the\s+(?:limit|maximum|cap|max)\s+is\s+${NUMBER}\b|\bthe\s+(?:limit|maximum|cap|max)\s+is\s+${NUMBER}\b[^.?!]{0,50}\b(?:we have|we've got|we're at|we are at|i have|i've got)\s+${NUMBER}\b`), weight: 0.7 },
      { pattern: /\b(?:using|used|use|have)\s+(?:all|every one of)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}(?:that|which)?\s*(?:our|the)\s+(?:[\w-]+\s+)?(?:contract|plan|tier|licen[cs]e|subscription|package)\s+(?:allows|permits|includes|covers|gives us)\b/, weight: 0.7 },
      { pattern: /\b(?:at|hit|hitting|reached|reaching|maxed out|max out|up against|bumping (?:into|against)|outgrown|running into|run into|ran into|keep hitting)\s+(?:the|our|its|their)?\s*(?:[\w-]+\s+){0,3}(?:limit|cap|maximum|ceiling)\b/, weight: 0.7 },
      { pattern: /\bwhich is (?:the|our)\s+(?:[\w-]+\s+)?(?:limit|cap|maximum)\b/, weight: 0.7 },
      { pattern: /\b(?:limit|cap)\b[^.?!]{0,20}\b(?:getting in the way|in our way|holding us back|blocking us|biting)\b/, weight: 0.7 },
      { pattern: /\bkeep\s+(?:wanting|needing|asking for)\s+(?:one|a|another)?\s*(?:more|extra|finer|deeper)\b/, weight: 0.65 },
      { pattern: /\b(?:live|lives|living)\s+in\s+(?:the\s+)?\w+(?:\s+\w+)?\s+(?:screen|view|page|module|feature|dashboards?|reports?)\b/, weight: 0.6 },
      { pattern: /\b(?:want|wants|need|needs)\s+(?:two|three|a few|several|more|another)\s+(?:more\s+)?(?:data sources?|connectors?|schedules?|integrations?|roles?|permission levels?)\b/, weight: 0.65 },
      // Used up what the plan allows ("maxed out the scheduled reports we're allowed", "used up all our runs").
      { pattern: /\b(?:maxed out|max out|used up|run out of|ran out of|burn(?:ed|t)? through|exhausted)\s+(?:all\s+)?(?:of\s+)?(?:the|our|its)?\s*(?:[\w'-]+\s+){0,5}(?:allowed|allowance|quota|allocation|credits|runs|limit)\b/, weight: 0.7 },
      { pattern: /\b(?:limit|cap|ceiling|quota|allowance)\b[^.?!]{0,30}\b(?:pinch\w*|bit(?:e|es|ing)|hurt\w*|squeez\w*)\b/, weight: 0.7 },
      { pattern: /\bin\s+(?:the\s+)?(?:[\w-]+\s+){0,3}(?:screen|view|page|module|builder|editor|dashboards?|reports?)\s+(?:all day|all the time|constantly|every day|day in,? day out|non-?stop)\b/, weight: 0.6 },
      { pattern: /\b(?:up against|at|hit|hitting|reached|maxed out)\s+(?:the\s+)?(?:number|amount|count)\s+of\s+[\w\s'-]{0,30}\b(?:allowed|we can have|included|on (?:this|our) plan)\b/, weight: 0.7 },
      { pattern: /\b(?:slots|allowance|quota|credits|runs|connectors|integrations|workflows|schedules)\s+(?:are\s+)?(?:all\s+)?(?:used|taken|full|gone)(?:\s+up)?\b/, weight: 0.65 },
      { pattern: /\b(?:need|needs|want|wants)\s+(?:another|one more|an extra|more)\s+(?:[\w-]+\s+)?(?:stages?|approval levels?|permission levels?|data sources?|connectors?|integrations?|workflows?|slots?)\b/, weight: 0.65 },
      { pattern: /\bneed\s+(?:something|anything)?\s*(?:finer|more granular|more fine-grained|deeper)\b|\b(?:too coarse|not granular enough|not fine-grained enough)\b/, weight: 0.65 },
    ],
    exclusions: [new RegExp(String.raw`\b(?:seat|licen[cs]e|user)s?\s+(?:limit|cap)`)],
  },
  unlicensed_team_usage: {
    cues: [
      { pattern: /\b(?:logging|log|logs|logged)\s+in\s+(?:already\s+)?(?:with|on|under|through|as)\s+(?:the|a|someone's|somebody's|his|her|[\w-]+'s)\s+(?!own\b)(?:[\w-]+\s+)?(?:login|account|password|credentials|user)\b/, weight: 0.75 },
      { pattern: /\b(?:logging|log|logs|logged|signing|sign|signs|signed)\s+in\s+(?:with|as|using|on|under)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,2}(?:[\w-]+'s|my|our|her|his|someone's|somebody's)\s+(?:shared\s+)?(?:account|login|credentials|seat)\b/, weight: 0.85 },
      { pattern: /\b(?:they|[\w-]+s)\s+(?:aren't|are not|weren't|were not)\s+(?:on|in|part of|covered by)\s+(?:our|the)\s+(?:contract|licen[cs]e|plan|subscription)\b/, weight: 0.8, carriesNegation: true },
      { pattern: /\b(?:nobody|no one) (?:licensed|bought seats for|paid for)\b/, weight: 0.8, carriesNegation: true },
      { pattern: /\b(?:set up|setting up|started|spun up|created|opened|signed up for)\s+(?:their|its|a)\s+own\s+(?:trial|workspace|account|instance|copy)\b/, weight: 0.85 },
      { pattern: /\bborrow(?:s|ed|ing)?\s+(?:a|our|my|someone's|\w+'s)?\s*(?:[\w-]+\s+)?(?:login|account|seat|password)\b/, weight: 0.8 },
      { pattern: new RegExp(String.raw`\b${TEAM}\b[^.?!]{0,40}\b(?:already|quietly|unofficially|on their own|have been|has been|started)\s+(?:using|pulling|logging|building|clocking)\b`), weight: 0.6 },
      // Someone else's login, credentials or subscription: borrowed, piggybacked on, gone in under.
      { pattern: /\b(?:piggyback\w*|borrow\w*|free-?riding|riding)\s+(?:on|off)?\s*(?:the\s+)?(?:[\w-]+'s|my|our|her|his|someone's|somebody's|someone else's)\s+(?!own\b)(?:[\w-]+\s+)?(?:login|logins|account|credentials|seats?|password|subscription|licen[cs]e|plan)\b/, weight: 0.8 },
      { pattern: /\b(?:using|use|uses|used|going in|go in|goes in|getting in|get in|gets in|logging in|log in|logs in|signing in|sign in)\s+(?:with\s+|under\s+|on\s+|via\s+|through\s+)?(?:the\s+|an?\s+)?(?:[\w-]+'s|my|her|his|someone's|somebody's|someone else's|admin|shared|generic|master)\s+(?!own\b)(?:[\w-]+\s+)?(?:login|logins|account|credentials|password)\b/, weight: 0.8 },
      { pattern: new RegExp(String.raw`\b(?:${TEAM}|${DEPARTMENTS})\b[^.?!]{0,40}\b(?:set up|setting up|started|spun up|spinning up|created|opened|signed up for|got|have|has|is running|are running|running)\s+(?:their|its|a|an)\s+(?:(?:own|free|separate|personal|little)\s+)+(?:trial|workspace|account|instance|copy|tenant|subscription)\b`), weight: 0.8 },
      { pattern: /\bsigned up\b[^.?!]{0,30}\b(?:their|his|her) (?:own|work|personal) (?:email|card|credit card|address)\b/, weight: 0.7 },
      { pattern: /\b(?:using|use|uses|used|in there|logging in|access\w*)\b[^.?!]{0,60}\bwithout\s+(?:a|any|their own|proper|paying for|us (?:knowing|selling))\s*(?:\w+\s+)?(?:licen[cs]es?|seats?|contract|subscription|approval)?\b/, weight: 0.7, carriesNegation: true },
      { pattern: /\b(?:nobody|no one)\s+(?:ever\s+)?(?:bought|paid for|licensed|approved|signed off)\b/, weight: 0.75, carriesNegation: true },
      { pattern: /\boutside (?:of )?(?:our|the) (?:contract|licen[cs]e|agreement|subscription)\b/, weight: 0.75 },
      { pattern: /\b(?:found|discovered|picked up|started using)\s+(?:it|the tool|the product|the app)\s+on\s+their\s+own\b/, weight: 0.7 },
      { pattern: new RegExp(String.raw`\b${DEPARTMENTS}\b[^.?!]{0,30}\b(?:already|quietly|unofficially|on their own|have been|has been|started)\s+(?:\w+\s+)?(?:using|pulling|logging|building|running)\b`), weight: 0.6 },
      { pattern: /\b(?:use|uses|using|used|on|got hold of|sharing|through|via|under)\s+(?:the|a|an)\s+(?:shared|spare|generic|manager(?:'s)?|admin|office|common|communal|master)\s+(?:login|log-?in|password|account|credentials)\b/, weight: 0.75 },
      { pattern: /\blog(?:s|ging|ged)?\s+(?:on|in)\s+as\s+(?:me|him|her)\b/, weight: 0.8 },
      { pattern: new RegExp(String.raw`\b(?:they|their|${TEAM}|${DEPARTMENTS})\b[^.?!]{0,60}\b(?:on|under|via|through)\s+(?:the\s+)?(?:my|[\w-]+'s|[\w-]+s'|her|his|someone's|someone else's)\s+(?!own\b)(?:[\w-]+\s+)?(?:login|log-?in|account|credentials|password)\b`), weight: 0.75 },
      { pattern: /\b(?:free|trial|personal|separate)\s+(?:version|account|plan|tier|edition|workspace)\s+(?:they|he|she)\s+(?:set up|created|opened|made|signed up for)\b|\bset (?:it|one|that) up themselves\b/, weight: 0.75 },
      { pattern: /\boff the back of (?:our|my|their|the \w+'s|[\w-]+'s)\s+(?:licen[cs]e|account|subscription|contract|login)\b/, weight: 0.75 },
    ],
  },
  adjacent_tool: {
    cues: [
      { pattern: /\b(?:do|does|doing|did|run|runs|running|handle|handles|track|tracks|tracking|manage|manages|keep|keeps|plan|plans|forecast|forecasts)\b[^.?!]{0,60}\b(?:in|with|on|using|through)\s+(?:a|an)?\s*(?:separate|different|another|other|second|third-party|competing)\s+(?:tool|system|app|platform|product|vendor|package)\b/, weight: 0.8 },
      { pattern: /\b(?:pay|paying|pays|paid)\s+(?:for\s+)?(?:a|an)?\s*(?:separate|different|another|second|extra)\s+(?:\w+\s+)?(?:tool|system|app|platform|product|licen[cs]e|subscription|service)\b/, weight: 0.8 },
      { pattern: /\b(?:still|currently|today|also)\s+(?:do|does|doing|run|runs|keep|keeps|track|tracks|plan|plans)\b[^.?!]{0,50}\b(?:in|with|on)\s+[^.?!]{0,30}\b(?:spreadsheets?|excel)\b/, weight: 0.7 },
      { pattern: /\b(?:competitor|competing (?:tool|product)|another vendor|other vendor|a rival)\b/, weight: 0.6 },
      { pattern: /\b(?:a|another)\s+(?:separate|different|second|third-party|standalone)\s+(?:tool|system|app|product|platform|package)\b/, weight: 0.7 },
      { pattern: /\bpay(?:s|ing)?\s+for\s+(?:it|that|them|those)\s+separately\b/, weight: 0.75 },
      { pattern: /\b(?:plus|and|with|in)\s+(?:a|some|our)?\s*(?:pile|stack|bunch|heap|mess|lot|couple)\s+of\s+spreadsheets\b/, weight: 0.75 },
      { pattern: /\b(?:our|the|their)\s+[\w-]+\s+(?:contract|renewal|subscription)\s+(?:is\s+|comes\s+)?(?:up|due)\b/, weight: 0.6 },
      { pattern: /\b(?:signing|sign|commit to|committing to|renewing for)\s+another year\b/, weight: 0.6 },
      { pattern: /\b(?:we|they|our \w+ team|the \w+ team)\s+(?:use|uses|are using|have been using|switched to|bought|licensed|subscribe to)\s+\w+\s+for\s+(?:our|their|the)?\s*(?:\w+\s+)?(?:forecast\w*|alert\w*|planning|embedding|portal|scheduling|staffing|budgeting)\b/, weight: 0.65 },
      // A job named, then the other tool it is done in ("for scheduling we use X", "forecasting happens in a workbook").
      { pattern: /\b(?:for|on)\s+(?:the\s+)?(?:\w+\s+)?(?:scheduling|rostering|rotas?|forecasting|planning|alerts?|alerting|ticketing|routing|payroll|inspections|budgeting|analytics|project tracking|invoicing|crm|timesheets|time tracking)\b,?\s+(?:we|they|the \w+ team|our \w+ team)\s+(?:still\s+|also\s+)?(?:use|uses|rely on|have|run|pay for)\s+(?!it\b|this\b|the\b|our\b|your\b|halyard\b)[\w-]+/, weight: 0.7 },
      { pattern: /\b(?:forecast\w*|planning|scheduling|rostering|rotas?|budgeting|tracking|reporting|alerts?)\b[^.?!]{0,40}\b(?:happens?|lives?|is done|are done|gets done|is kept|is managed|sits?|done|runs?)\s+(?:in|on|through)\s+(?:a|an|our|the|some)?\s*(?:[\w-]+\s+){0,3}(?:excel|spreadsheets?|sheets|workbooks?|smartsheet|access database|whiteboard)\b/, weight: 0.7 },
      { pattern: /\b(?:pay|paying|pays|paid)\s+for\s+(?!it\b|this\b|that\b|the\b|more\b|extra\b|seats?\b|licen)[\w-]+\s+(?:just|only|purely|solely)\s+(?:so|to|for)\b/, weight: 0.7 },
      { pattern: /\b(?:also|separately|still)\s+pay(?:ing|s)?\s+for\s+(?!it\b|this\b|that\b|the (?:product|tool|platform)\b|more\b|extra\b|seats?\b|licen)[\w-]+/, weight: 0.65 },
      { pattern: /\b(?:(?:separate|second)\s+(?:subscription|licen[cs]e|contract)|another\s+(?:subscription|contract))\s+(?:to|for|with)\b/, weight: 0.7 },
      { pattern: /\b(?:in|on|through|with|using)\s+(?:a|an)\s+(?:whole|totally|completely|entirely)\s+(?:other|separate|different)\s+(?:tool|system|app|platform|product|package)\b/, weight: 0.7 },
      { pattern: /\b(?:a|an|another)\s+(?:separate|standalone|stand-alone|different|second)\s+(?:[\w-]+\s+){1,2}(?:tool|system|app|platform|product|package|software)\b/, weight: 0.7 },
      { pattern: /\b(?:budgeting|forecasting|planning|scheduling|rostering|rotas?|payroll|timesheets|leave|holidays?|absence|overtime)\s+(?:is|are)\s+(?:all\s+|still\s+|mostly\s+|done\s+|basically\s+)*(?:in\s+|on\s+)?(?:a\s+|an\s+|our\s+|[\w-]+'s\s+)?(?:[\w-]+\s+)?(?:spreadsheets?|excel|paper|google sheets|whiteboard|workbook)\b/, weight: 0.7 },
      { pattern: /\bpay(?:s|ing)?\s+for\s+(?!it\b|this\b|that\b|the\b|more\b|extra\b|seats?\b|licen)[\w-]+\s+(?:as well|too|on top|separately)\b/, weight: 0.7 },
    ],
    exclusions: [/\b(?:happy|fine|content)\s+(?:there|with it|in it)\b/],
  },
  higher_tier_interest: {
    cues: [
      { pattern: /\b(?:on|in)\s+which\s+(?:plan|tier|edition|package|licen[cs]e)\b|\bwhich\s+(?:plan|tier|edition|package)\s+(?:includes?|has|covers|would we need|do we need)\b/, weight: 0.7, inQuestions: true, conditional: true },
      { pattern: /\bis there (?:a|any) way (?:to|for|of|we could|i could)\b/, weight: 0.7, inQuestions: true },
      { pattern: /\b(?:higher|premium|bigger|upper|top|next|better)\s+(?:plan|tier|edition|package|level)\b/, weight: 0.75, inQuestions: true, conditional: true },
      { pattern: /\b(?:move|moved|moving|go|going|step|stepping)\s+up\s+(?:a|to a|one|to the next)?\s*(?:plan|tier|level)\b/, weight: 0.75, inQuestions: true, conditional: true },
      { pattern: /\b(?:does|do|can|could|will)\s+[\w-]+\s+(?:have|keep|offer|include|support)\s+(?:anything|something|a way|a feature|an option|a full|a proper|any)\b/, weight: 0.65, inQuestions: true },
      { pattern: /\b(?:can|could|does|will)\s+[\w-]+\s+(?:\w+\s+){0,6}(?:automatically|to project|to forecast|to predict|project\w*|predict\w*)\b[^.?!]*\?/, weight: 0.6, inQuestions: true },
      { pattern: /\b(?:we|i)\s+(?:really\s+)?(?:wish|would love|'d love|'d really like|would really like|would like|'d like)\b[^.?!]{0,20}\b(?:could|to be able|if (?:it|we|lumen|there)|to have|to get|to see)\b/, weight: 0.75 },
      { pattern: /\bcan (?:we|i|it|you)\s+(?:get|have|do|add|set up|turn on|enable)\b[^.?!]{0,60}\b(?:own|only|each|per|restricted|forecast\w*|predict\w*|project\w*|embed\w*|alert\w*|automatic\w*)\b/, weight: 0.65, inQuestions: true },
      { pattern: /\b(?:does|could|can|will)\s+(?:it|the product|the platform|the tool|\w+)\s+(?:do|support|offer|handle|take on)\s+(?:the|any|our|some)?\s*(?:\w+\s+){0,2}(?:forecast\w*|predict\w*|project\w*|scenario\w*|embed\w*|alert\w*|planning|piece|part)\b/, weight: 0.65, inQuestions: true },
      { pattern: /\b(?:any plans|on the roadmap|is (?:that|this|it) (?:available|possible))\b/, weight: 0.6, inQuestions: true },
      { pattern: /\b(?:what would|how much (?:would|is|does)|interested in|curious about|tell (?:me|us) (?:more )?about|looking at|thinking about)\b[^.?!]{0,40}\b(?:tier|plan|add-?on|module|upgrade|enterprise)\b/, weight: 0.7, inQuestions: true },
      { pattern: /\b(?:does|do|can|could|would|will|is|are)\s+(?:the\s+)?(?:enterprise|premium|pro|business|advanced|higher|top|plus|bigger|next)\s+(?:version|plan|tier|edition|package|licen[cs]e|level)\b[^.?!]*\?/, weight: 0.7, inQuestions: true },
      // A wish for a capability: "it'd be brilliant if we could forecast", "we'd like row-level permissions".
      { pattern: /\b(?:it'd|it would|would|that'd|that would)\s+be\s+(?:so\s+|really\s+|very\s+)?(?:brilliant|great|amazing|lovely|fantastic|ideal|useful|helpful|handy|a game changer|nice|huge)\s+(?:if|to be able to)\s+(?:we|i|it|each \w+|every \w+)\s+(?:could|can|had|was able|were able)\b/, weight: 0.7, conditional: true },
      { pattern: /\b(?:we|i|they)(?:'d|\s+would)\s+(?:really\s+|so\s+)?(?:like|love)\s+(?:to have\s+|to get\s+|some\s+|proper\s+)?(?:[\w-]+\s+){0,2}(?:permissions?|sso|single sign-on|forecast\w*|predict\w*|alerts?|alerting|api|audit logs?|row-level|custom roles|white-?label\w*|embedd\w*|automation|sandbox|scenario planning)\b/, weight: 0.7, conditional: true },
      { pattern: /\b(?:trial|try|test|pilot|demo|see|get|add|turn on|enable|switch on|price up|quote for)\s+(?:out\s+)?(?:the|an?|that|your)\s+(?:[\w-]+\s+){0,3}(?:add-?on|module|upgrade)\b/, weight: 0.7, inQuestions: true },
      { pattern: /\b(?:we|i)(?:'d|\s+would)\s+(?:really\s+|so\s+)?(?:love|like)\s+(?:to be able to|it if (?:we|i) could|if (?:we|i|it) could)\b/, weight: 0.7, conditional: true },
    ],
    // A how-to for what the plan already does is an enablement gap, and vendor names for tiers are not asks.
    exclusions: [/\bhow (?:do|can|should) (?:i|we)\b/],
  },
  org_growth: {
    cues: [
      { pattern: /\b(?:we're|we are|we'll be|we will be|we're also|we are also)\s+opening\s+(?:the|a|an|our|another|two|three|four|\w+)\s+(?:[\w-]+\s+){0,2}(?:branch|branches|site|sites|depot|depots|office|offices|store|stores|location|locations|clinic|clinics|school|schools|hotel|hotels|warehouse|plant|centre|center|hub|kitchen|kitchens|restaurant|restaurants|lab|labs|ward|wards|practice|studio|shop|shops|factory|yard|venue|venues|campus|home|homes)\b/, weight: 0.75 },
      { pattern: new RegExp(String.raw`\b(?:hiring|hire|hired|recruiting|adding|bringing on|onboarding)\s+(?:about|around|another|roughly|nearly|over|some)?\s*${NUMBER}\b`), weight: 0.8 },
      { pattern: /\b(?:new|second|third|another)\s+(?:\w+\s+)?(?:team|site|hub|office|clinic|branch|location|region|division|department|warehouse|store|campus|plant)s?\b(?!\s+(?:managers?|staff|leads?|directors?|codes?|names?|view|report))[^.?!]{0,40}\b(?:open|opens|opening|starts|starting|launch\w*|comes online|coming online|goes live|is coming)\b/, weight: 0.75 },
      { pattern: new RegExp(String.raw`\b(?:${NUMBER}|a few|several|a couple of)\s+(?:more|new|extra|additional)\s+(?:\w+\s+)?(?:people|staff|hires|\w+s)\s+(?:starting|joining|coming on|start|join|arriving)\b`), weight: 0.75 },
      { pattern: /\b(?:open|opening|launch\w*|standing up|stand up|adding|building out)\s+(?:a|an|the|our|two|three)?\s*(?:new|second|third|another)\s+(?:\w+\s+)?(?:team|site|hub|office|clinic|branch|location|region|division|department|warehouse|store|campus|plant)s?\b/, weight: 0.75 },
      { pattern: /\b(?:headcount|team|staff|workforce)\s+(?:is\s+|will\s+|are\s+)?(?:grow\w*|doubl\w*|tripl\w*|expand\w*)\b/, weight: 0.75 },
      { pattern: new RegExp(String.raw`\b${PLACE}s?\s+(?:opens|is opening|will open|goes live|launches|starts)\b`), weight: 0.75 },
      { pattern: new RegExp(String.raw`\b(?:opening|open|launching|launch)\s+(?:a|an|the|our)?\s*(?:new\s+)?(?:[\w-]+\s+)?${PLACE}\s+(?:in|next|this|on)\b`), weight: 0.7 },
      { pattern: new RegExp(String.raw`\banother\s+(?!one\b)${NUMBER}\s+(?!hours|minutes|days|weeks|months|percent|dollars)(?!(?:[\w-]+\s+)?(?:seats|licen[cs]es|logins|accounts)\b)(?:[\w-]+\s+)?(?:people|staff|hires|employees|[\w-]+s)\b`), weight: 0.7 },
      { pattern: /\badding\s+(?:a|an|another|two|three)\s+(?:[\w-]+\s+)?(?:shift|team|site|location|route|clinic|depot|crew)s?\b/, weight: 0.7 },
      { pattern: /\b(?:we're|we are|we've been|we'll be|we will be|currently)\s+(?:also\s+)?(?:hiring|recruiting)\b/, weight: 0.7 },
      { pattern: /\b(?:after|with|once)\s+(?:the\s+)?(?:reorg|reorganisation|reorganization|restructure|restructuring|merger|acquisition)\b/, weight: 0.65 },
      { pattern: /\b(?:acquired|acquiring|merging with|merged with)\b/, weight: 0.6 },
      { pattern: new RegExp(String.raw`\b(?:taken on|taking on|take on|takes on|brought on|brought in|bringing in|recruited|welcomed|welcoming|hired|adding)\s+(?:about|around|another|roughly|nearly|over|some)?\s*${NUMBER}\s+(?:new\s+|more\s+)?[\w-]+`), weight: 0.75 },
      { pattern: /\bheadcount\b[^.?!]{0,40}\b(?:going up|grow\w*|rising|rise|doubl\w*|increas\w*|from \d+ to|to (?:about |around |over )?\d+|expand\w*)\b/, weight: 0.75 },
      { pattern: /\bexpan(?:d|ds|ding|ded|sion)\s+(?:into|across|to)\s+(?!the (?:dashboard|report|tool)s?\b)\w+/, weight: 0.65 },
      { pattern: new RegExp(String.raw`\b(?:new|second|third|another)\s+(?:[\w-]+\s+){0,2}(?:${PLACE}|team|region|division|department|centre|center|facility|hospital|practice|restaurant|distribution centre)s?\b(?!\s+(?:managers?|staff|leads?|directors?|codes?|names?|view|report))[^.?!]{0,40}\b(?:opens|opening|open in|launch\w*|comes online|coming online|goes live|being (?:stood|set) up|stood up|formed|being formed|being created|spun up)\b`), weight: 0.7 },
      { pattern: new RegExp(String.raw`\b${NUMBER}\s+more\s+(?:sites|clinics|stores|locations|branches|depots|hotels|schools|offices|warehouses|homes|practices|routes|restaurants|sites)\b`), weight: 0.7 },
      { pattern: new RegExp(String.raw`\b${NUMBER}\s+more\s+(?:[\w-]+\s+)?(?:drivers|nurses|staff|people|hires|agents|engineers|dispatchers|teachers|employees|reps|technicians|techs|carers|vets|tutors|analysts|planners|pickers|starters|recruits|colleagues|clinicians|officers)\b`), weight: 0.65 },
      { pattern: new RegExp(String.raw`\b(?:${NUMBER})\s+(?:open\s+)?(?:roles|positions|vacancies|reqs|requisitions|jobs)\s+(?:open|to fill|advertised|posted|live)\b|\b(?:${NUMBER})\s+open\s+(?:roles|positions|reqs|vacancies)\b`), weight: 0.75 },
      { pattern: /\b(?:grown|growing|grew)\s+(?:a lot|massively|quickly|fast|rapidly|loads|so much|a great deal|significantly|hugely|like mad)\b|\b(?:twice|double|three times|triple)\s+the\s+size\b/, weight: 0.65 },
      { pattern: /\b(?:staffing|scaling|ramping|beefing|building)\s+up\s+(?:the|our|a|another)\b/, weight: 0.65 },
      { pattern: /\bacquisition of\b/, weight: 0.6 },
      { pattern: new RegExp(String.raw`\b(?:team|staff|headcount|we|workforce)(?:'s|\s+has|\s+have|'ve)?\s+(?:gone|grown|went|grew)\s+from\s+${NUMBER}\s+to\s+${NUMBER}`), weight: 0.75 },
      { pattern: new RegExp(String.raw`\b(?:lease|keys|planning permission|contract)\s+(?:on|for)\s+(?:a|an|the|our)\s+(?:new|second|third|fourth|another)\s+(?:[\w-]+\s+)?(?:${PLACE}|warehouse|site|facility|centre|center|unit)\b`), weight: 0.7 },
      { pattern: new RegExp(String.raw`\b(?:doubl\w*|tripl\w*|increas\w*|expand\w*)\s+(?:the number of|our number of|our)\s+(?:[\w-]+\s+)?(?:${PLACE}s?|homes|sites|clinics|stores|staff|people|teams|locations|branches|beds|wards|routes|depots|employees)\b`), weight: 0.75 },
      { pattern: /\bnew\s+(?:[\w-]+\s+)?(?:ward|wing|unit|line|shift|team)\s+(?:is\s+)?(?:opening|opens|starting|starts|launching)\b/, weight: 0.7 },
      { pattern: /\b(?:intake|cohort|batch|wave)\s+of\s+(?:new\s+)?[\w-]+\s+(?:starts?|joins?|arrives?|begins?)\b/, weight: 0.7 },
      { pattern: /\b(?:staff|headcount|employee|team)\s+(?:numbers|count|size)\s+(?:are|is|will be)\s+(?:going up|rising|growing|increasing|up)\b/, weight: 0.75 },
    ],
    exclusions: [/\b(?:trim\w*|cut\w*|reduc\w*|lay(?:ing)? off|layoffs?|downsiz\w*|shrink\w*|freez\w*)\b[^.?!]{0,25}\b(?:headcount|staff|team|jobs|roles|people)\b/],
  },
  other_team_interest: {
    cues: [
      { pattern: /\b(?:my|our|the)\s+(?:\w+\s+){0,2}(?:team|teams|crew|crews|dispatchers|staff|people|guys|girls|folks|agents|managers|office|shift|drivers|nurses|techs|technicians|engineers)\s+(?:keeps?|kept|have been|has been|are|is|were|was)\s+(?:always\s+|constantly\s+)?asking\b/, weight: 0.7, inQuestions: true },
      { pattern: /\b(?:to have|get|getting|give them|giving them)\s+their own\s+(?:access|logins?|accounts?|seats?|licen[cs]es|users?)\b|\bon the same (?:system|platform|tool|software)\s+as\s+(?:the|our)\b/, weight: 0.7 },
      { pattern: new RegExp(String.raw`\b(?:other|another|their|the|our)\s+(?:\w+\s+){0,2}(?:${TEAM}|colleagues)\b[^.?!]{0,50}\b${ASKS_FOR_PRODUCT}`), weight: 0.8 },
      { pattern: new RegExp(String.raw`\b(?:marketing|finance|sales|hr|legal|planning|nursing|maintenance|procurement|engineering|operations|ops|it|support|member services|product)\b[^.?!]{0,40}\b${ASKS_FOR_PRODUCT}`), weight: 0.75 },
      { pattern: /\basked (?:me|us) for (?:a demo|access|logins?|a login|a walkthrough)\b/, weight: 0.75 },
      { pattern: /\basked (?:me|us)(?: \w+)? to (?:present|show|demo|walk|run a session)\b/, weight: 0.7 },
      { pattern: /\bwants?\s+(?:it|this|one|access|that|the same)\s+for\s+(?:the|his|her|their)\s+(?:[\w-]+\s+)?(?:team|department|group|staff|crew)\b/, weight: 0.75 },
      // A group asking to get in: people who ask for access do not have it yet.
      { pattern: /\b(?:team|teams|department|group|staff|colleagues|rest of (?:my|our|the|his|her|their) \w+|rest of them)\b[^.?!]{0,60}\b(?:asking|asked|ask|asks|keeps asking|wants?|wanted)\b[^.?!]{0,50}\b(?:get|have|for|request(?:ing)?)\s+(?:\w+\s+)?access\b/, weight: 0.75 },
      // Plain words: "my crew keeps asking for the app", "the night shift wants in", "the drivers want it too".
      { pattern: new RegExp(String.raw`\b(?:my|our|the|his|her|their|other|another)\s+(?:[\w-]+\s+){0,2}(?:${TEAM}|crews?|shifts?|lads|guys|gang|drivers|nurses|techs|technicians|engineers|pickers|cleaners|porters|chefs|cooks|kitchen|front of house|back office|warehouse|field|ward|wards|teachers|coaches|volunteers|agents|reps|planners|schedulers|site|sites|branches)\b[^.?!]{0,40}\b(?:keeps? asking|kept asking|been asking|keep on at me|on at me|been on at me|are asking|is asking|asked|asking)\s+(?:me\s+|us\s+)?(?:for|about|when|if|whether)\s+(?:they\s+can\s+(?:get|have|use)\s+|they(?:'ll| will)?\s+get\s+)?(?:the app|the tool|the system|the product|it|access|a login|logins|their own|the same)\b`), weight: 0.75 },
      { pattern: new RegExp(String.raw`\b(?:my|our|the|his|her|their|other|another)\s+(?:[\w-]+\s+){0,2}(?:${TEAM}|crews?|shift|lads|guys|drivers|nurses|techs|technicians|engineers|pickers|cleaners|porters|chefs|kitchen|warehouse|field|wards?|teachers|coaches|volunteers|agents|reps|planners|sites|branches)\s+(?:\w+\s+)?(?:wants?|want to get|would love|'d love|are desperate|is desperate|are itching|are keen|is keen)\s+(?:in\b|it too\b|one too\b|it as well\b|the app\b|access\b|in on\b|to get (?:in|on|access)\b|to be on it\b)`), weight: 0.75 },
    ],
  },
  peer_usage_question: {
    cues: [
      { pattern: /\bhow (?:do|are|have|did|would)\s+(?:other|similar|peer|comparable)\s+\w+/, weight: 0.85, inQuestions: true },
      { pattern: /\b(?:are|do|does|have|is|did)\s+(?:any\s+)?(?:other|similar|peer)\s+[\w-]+\s+(?:\w+\s+){0,2}\w+[^.!]*\?/, weight: 0.8, inQuestions: true },
      { pattern: /\bwhat (?:do|are|have) (?:other|similar|peer) \w+/, weight: 0.8, inQuestions: true },
      { pattern: /\b(?:curious|wonder(?:ing)?|interested to (?:hear|know)|keen to (?:hear|know))\s+(?:how|what|whether|if)\s+(?:other|similar|peer)\b/, weight: 0.8, inQuestions: true },
      { pattern: /\bhow (?:do|are|have|did|would|does)\s+(?:your|the|some)\s+(?:other|similar|peer|comparable)\s+\w+/, weight: 0.85, inQuestions: true },
      { pattern: /\bhow\s+(?:other|similar|peer|comparable)\s+[\w-]+[^.!]*\?/, weight: 0.75, inQuestions: true, conditional: true },
      { pattern: /\b(?:do|does)\s+(?:you|halyard)\s+have\s+(?:any\s+)?(?:other\s+)?(?:customers|clients|users|companies|organi[sz]ations|accounts|schools|practices|hotels|councils|utilities|agencies|operators)\b[^.?!]*\b(?:who|that|using|use|doing|running)\b[^.!]*\?/, weight: 0.8, inQuestions: true },
      { pattern: /\b(?:is|are|has|have|does|do)\s+(?:anyone|anybody|someone)\s+else\s+(?:\w+\s+)?(?:in|like|using|use|doing|running|with)\b[^.!]*\?/, weight: 0.75, inQuestions: true },
      { pattern: /\b(?:curious|wonder(?:ing)?|(?:interested|keen|love|like|want)\s+to\s+(?:hear|know|see|learn|understand))\s+(?:about\s+)?(?:how|what|whether|if)\s+(?:other|similar|peer|comparable)\b/, weight: 0.8, inQuestions: true, conditional: true },
      { pattern: /\b(?:examples?|case stud(?:y|ies)|stories|references?)\s+(?:of|from)\s+(?:other|similar|peer)\b/, weight: 0.75, inQuestions: true },
      { pattern: /\b(?:have you seen|do you see|do you know (?:of|if|whether)|have you come across|are you seeing)\s+(?:any\s+)?(?:other|similar|peer)\b/, weight: 0.8, inQuestions: true },
      { pattern: /\b(?:organi[sz]ations|companies|customers|clients|teams|businesses|practices|schools|councils|agencies|groups|firms|utilities|hotels|clinics|networks|operators|retailers|charities|trusts)\s+(?:like|similar to)\s+(?:us|ours|ourselves)\b[^.!]*\?/, weight: 0.75, inQuestions: true },
      { pattern: /\byour\s+other\s+(?:[\w-]+\s+)?(?:customers|clients|users|accounts|schools|hotels|practices|members)\b[^.!]*\?/, weight: 0.75, inQuestions: true },
      { pattern: /\b(?:companies|organi[sz]ations|businesses|teams|groups|customers|clients|practices|schools|places)\s+(?:our|of our)\s+size\b[^.!]*\?/, weight: 0.75, inQuestions: true },
      { pattern: /\byour\s+other\s+(?:[\w-]+\s+){0,2}[\w-]+s\b[^.!]*\?/, weight: 0.7, inQuestions: true },
      { pattern: /\b(?:similar-sized|similar sized|same-sized)\s+[\w-]+[^.!]*\?/, weight: 0.75, inQuestions: true },
      { pattern: /\b(?:everybody|everyone|anyone|anybody|others)\s+else\s+(?:in|like|doing|using)\b[^.!]*\?/, weight: 0.75, inQuestions: true },
      { pattern: /\b(?:are|is) there\s+(?:any\s+)?(?:other|similar|peer)\s+[\w-]+[^.!]*\?/, weight: 0.75, inQuestions: true },
    ],
  },
  strategic_initiative: {
    cues: [
      { pattern: /\b(?:our|the)\s+(?:[\w-]+\s+)?(?:strategy|plan|strategic plan)\s+(?:to|for|through|until|up to)\s+20\d\d\b/, weight: 0.75 },
      { pattern: /\b(?:our|the)\s+(?:big(?:gest)?\s+|main\s+|top\s+|number one\s+|first\s+)?(?:priority|goal|target|focus|objective)\s+for\s+(?:next year|20\d\d|twenty[\w -]{0,20}|the (?:next|coming) (?:year|two years|three years))\b/, weight: 0.7 },
      { pattern: /\bwe(?:'re| are)\s+(?:bidding|tendering|pitching)\s+(?:for|on)\s+(?:the|a|an)\b/, weight: 0.7 },
      { pattern: new RegExp(String.raw`\b${LEADERS}\b[^.?!]{0,40}\b(?:wants?|wanted|asked us to|goal|priority|initiative|mandate|push|committed|target|programme|program|plan)\b`), weight: 0.7 },
      { pattern: /\b(?:big|main|top|key|major|new|strategic|biggest)\s+(?:push|priority|initiative|programme|program|goal|focus|objective|bet)\b/, weight: 0.75 },
      { pattern: /\bnext (?:fiscal )?(?:year|fy)\b[^.?!]{0,60}\b(?:want|wants|plan|goal|priority|initiative|push|focus|going to|mandate)\b/, weight: 0.7 },
      { pattern: /\b(?:goal|plan|priority|focus|project|initiative|push|mandate)\s+(?:for|next|this)\s+(?:next\s+|the\s+coming\s+)?(?:fiscal\s+)?(?:year|fy|20\d\d)\b/, weight: 0.75 },
      { pattern: /\b(?:my|our)\s+(?:main|big|biggest|top|key)\s+(?:project|goal|priority)\b/, weight: 0.7 },
      { pattern: /\b(?:in|for) (?:20\d\d|fy\d\d)\b[^.?!]{0,40}\b(?:goal|priority|initiative|push|focus|plan)\b/, weight: 0.65 },
      { pattern: /\b(?:company|organisation|organization|group|trust|network|district|firm|business)-wide\s+(?:[\w-]+\s+)?(?:initiative|programme|program|push|project|drive|goal|target|mandate|effort|transformation)\b/, weight: 0.75 },
      { pattern: /\b(?:launching|starting|kicking off|rolling out|announced|announcing)\s+(?:a|an|our|the)\s+(?:new\s+|big\s+|major\s+)?(?:[\w-]+\s+){0,2}(?:programme|program|initiative|strategy|transformation)\b/, weight: 0.7 },
      { pattern: /\b(?:focus|priority|mandate|direction|push|message)\s+from\s+(?:the top|above|leadership|the board|head office)\b/, weight: 0.75 },
      { pattern: /\bnew\s+(?:[\w-]+\s+)?strategy\b|\bstrategy\s+(?:for|this|next)\s+(?:year|20\d\d)\b/, weight: 0.7 },
      { pattern: /\b(?:committed to|pledged to|signed up to|promised to)\s+(?:\w+\s+){0,4}(?:by|before|within)\s+(?:next|the end of|20\d\d|q\d|spring|summer|autumn|winter)\b/, weight: 0.7 },
    ],
  },
  measurable_outcome: {
    cues: [
      // "It was about 4,600 in July and it's been under 2,700 since": then, and now, of the same measure.
      { pattern: new RegExp(String.raw`\b(?:it|that|the \w+)\s+was\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|over\s+)?${NUMBER}\b[^.?!]{0,40}\b(?:and|but|now|whereas)\s+(?:it's|it is|it has|it's now|that's|we're|now it's)\s+(?:been\s+|now\s+)?(?:at\s+|under\s+|below\s+|over\s+|about\s+|around\s+|down to\s+|up to\s+|just\s+)?${NUMBER}`), weight: 0.75 },
      // A count that went away, per period: "about sixty fewer phone calls a day".
      { pattern: new RegExp(String.raw`\b${NUMBER}\s+(?:fewer|less|more|extra)\s+(?:[\w'-]+\s+){0,5}(?:a|per|each|every)\s+(?:day|week|month|quarter|year|shift|term)\b`), weight: 0.7 },
      { pattern: /\b(?:has|have|had)\s+(?:more than\s+|nearly\s+|almost\s+|roughly\s+|about\s+)?(?:halved|doubled|tripled|trebled)\b/, weight: 0.75 },
      // A number set against an earlier one: "93% of hours coded, vs. 81% the same month last year".
      { pattern: new RegExp(String.raw`\b${NUMBER}\s*${UNIT}?\b[^.?!]{0,60}\b(?:vs\.?|versus|compared (?:with|to)|against)\s+(?:about\s+|around\s+|roughly\s+)?${NUMBER}\b[^.?!]{0,40}\b(?:last|previous|before|earlier|spring|summer|autumn|fall|winter|year|pre-[\w-]+|audit)\b`), weight: 0.75 },
      // Then and now in one sentence, each with its number: "it's at ninety-eight percent, and it was eighty-nine when we started".
      { pattern: new RegExp(String.raw`^(?=(?:[^.?!]*?\b${NUMBER}\b){2})(?=[^.?!]*\b(?:when (?:we|i) (?:started|began|went live|switched|joined|took over)|the (?:\w+ )?before|before|earlier|a year ago|last year|previously|pre-[\w-]+|in the (?:spring|summer|autumn|fall|winter)|at the start|back then|with the old (?:system|tool|process|software|way|program))\b)(?=[^.?!]*\b(?:now|these days|today|this (?:year|month|quarter|term|season|week)|last (?:winter|summer|month|quarter|week|term)|since|it's at|we're at|is at|are at|sits at)\b)`), weight: 0.7 },
      // The later half told in its own sentence: "Last quarter it was nine." after the earlier number.
      {
        pattern: new RegExp(String.raw`^(?:(?:oh|and|but|so|um|uh|well|yeah|okay|ok|right)[,\s]+){0,3}(?:(?:last|this|in)\s+(?:month|quarter|week|term|year|winter|summer|spring|autumn|fall|morning|january|february|march|april|may|june|july|august|september|october|november|december)|since (?:then|june|july|august|september|october|november|january|we \w+)|(?:january|february|march|april|june|july|august|september|october|november|december))\s*,?\s+(?:(?:that|the|our|this)\s+(?:[\w-]+\s+){0,2})?(?:it was|it's|it is|it's been|it has been|we had|we logged|we were at|we're at|it came in at|came in at|that was|was|were|is|there were|there was|there are|we did|we got|we're down to|it's down to|dropped to|fell to|(?:it\s+)?averaged|(?:it\s+)?ran at|(?:it\s+)?came to)\s+(?:about\s+|around\s+|just\s+|only\s+|under\s+)?${NUMBER}`),
        weight: 0.7,
        needsEarlier: new RegExp(String.raw`\b${NUMBER}\b`),
      },
      { pattern: new RegExp(String.raw`\b(?:cut|cuts|reduced|dropped|fell|improved|increased|raised|saved|saves|saving|shaved|trimmed)\b[^.?!]{0,30}\b${NUMBER}\s*${UNIT}`), weight: 0.8 },
      { pattern: new RegExp(String.raw`\b(?:down|up)\s+(?:by\s+)?(?:about\s+|around\s+|roughly\s+|nearly\s+|over\s+|almost\s+)?${NUMBER}\s*${UNIT}`), weight: 0.8 },
      { pattern: new RegExp(String.raw`\b${NUMBER}\s*${UNIT}\s+(?:faster|quicker|fewer|less|lower|higher|more|better|down|up|shorter)\b`), weight: 0.8 },
      { pattern: new RegExp(String.raw`\bfrom\s+(?:about\s+|around\s+|roughly\s+)?${NUMBER}\s*${UNIT}\s+(?:to|down to|up to)\s+(?:about\s+|around\s+|under\s+)?${NUMBER}`), weight: 0.8 },
      { pattern: new RegExp(String.raw`\bfrom\s+(?:about\s+|around\s+|roughly\s+)?${NUMBER}\s+(?:to|down to|up to)\s+(?:about\s+|around\s+|under\s+)?${NUMBER}\s*${UNIT}`), weight: 0.8 },
      { pattern: /\bused to (?:take|be|cost|need|go|run|happen)\b[^.?!]{0,80}\b(?:now|down to|these days|it's|takes|since|none|zero)\b/, weight: 0.75 },
      { pattern: new RegExp(String.raw`\b(?:down|up|went|gone|fell|fallen|dropped|cut|reduced|rose|risen|grew|grown|improved|moved|shrunk|increased|decreased)\s+(?:\w+\s+){0,4}from\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|over\s+|almost\s+)?${NUMBER}(?:\s+[\w-]+){0,4}\s+(?:to|down to|up to)\s+(?:about\s+|around\s+|under\s+|just\s+)?${NUMBER}`), weight: 0.8 },
      { pattern: /\b(?:down|up) from (?:about |around |roughly )?(?:a|an|\d|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|half)\w*/, weight: 0.75 },
      { pattern: /\bbefore(?:\s+[\w-]+)?,?\s+(?:it|this|that)\s+(?:took|used to take|cost)\b/, weight: 0.7 },
      // Now against before in one breath: "now arrives by seven instead of noon".
      { pattern: /\bnow\s+(?:\w+\s+){0,2}(?:arrives?|takes?|runs?|finishes|lands|goes out|comes in|is ready|are ready)\b[^.?!]{0,30}\binstead of\b/, weight: 0.7 },
      { pattern: new RegExp(String.raw`\bused to (?:take|be|cost|need)\b[^.?!]{0,40}\b${NUMBER}\s*${UNIT}`), weight: 0.75 },
      // A number set against the same measure in an earlier period, and called better.
      { pattern: new RegExp(String.raw`\b(?:compared (?:with|to)|versus|vs\.?|against)\s+(?:about\s+|around\s+|roughly\s+)?${NUMBER}\s*${UNIT}?\s+(?:last|the previous|the same \w+ last|a)\s+(?:year|quarter|month|season|week|spring|summer|autumn|fall|winter)\b[^.?!]*\b(?:improvement|improved|better|lower|fewer|less|faster|down)\b`), weight: 0.75 },
      // The after half of a before/after: "since the change, it's been N".
      { pattern: new RegExp(String.raw`\bsince\s+(?:the|we|our|it|they|going live|launch)\b[^,.?!]{0,40},\s*(?:it's|it has|it is|we've|we have|we're|we are|they're|they've)\s+(?:been|stayed|come down to|dropped to|fallen to|gone down to|at)\s+(?:about\s+|around\s+|roughly\s+|under\s+|just\s+)?${NUMBER}\s*${UNIT}`), weight: 0.7 },
      { pattern: /\b(?:halved|halving|cut in half|doubled|tripled)\s+(?:the|our|their)?\s*(?:[\w-]+\s+){0,3}(?:time|turnaround|hours|errors|no-shows|costs?|rate|backlog|wait\w*|delays|calls|tickets|complaints|admin|overtime|spend|throughput|output|speed)\b/, weight: 0.75 },
      { pattern: /\b(?:cut|cuts|reduced|dropped|fell|fallen|improved|increased|saved|saves|saving|shaved|trimmed|down|up)\b[^.?!]{0,30}[£$€]\s?\d[\d,.]*\s*(?:k|m|grand)?\b/, weight: 0.75 },
      { pattern: /\b(?:down|up|cut|reduced|fallen|fell|dropped|saved)\s+(?:by\s+)?(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|over\s+|more than\s+)?(?:a|one|two)\s+(?:third|quarter|half|fifth)\b/, weight: 0.75 },
      { pattern: /\bnow\b[^.?!]{0,60}\bused to (?:take|be|cost|need)\b/, weight: 0.7 },
      // A rate or level stated with the one it replaced: "closing at eighty-eight percent, up from sixty-three".
      { pattern: new RegExp(String.raw`\b(?:at|to|now|hit|reached|hitting|sits? at|sitting at)\s+(?:about\s+|around\s+|roughly\s+|nearly\s+)?${NUMBER}\s*${UNIT}?[^.?!]{0,12}\b(?:up|down)\s+from\s+(?:about\s+|around\s+|roughly\s+)?${NUMBER}`), weight: 0.8 },
      { pattern: new RegExp(String.raw`\b(?:down|up)\s+from\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|over\s+)?${NUMBER}\s*${UNIT}?`), weight: 0.75 },
      { pattern: new RegExp(String.raw`\b(?:grew|rose|climbed|jumped|went up|improved|dropped|fell|went down|came down)\s+(?:to\s+)?(?:about\s+|around\s+)?${NUMBER}\s*${UNIT}?(?:\s+(?:a|per|each)\s+(?:day|week|month|quarter|year|shift))?\s+from\s+(?:about\s+|around\s+)?${NUMBER}`), weight: 0.8 },
      // The after half of a before/after told in two sentences: "We used to lose about a third of orders."
      // then "Now it's under five percent." The earlier sentence, the same speaker's, gives the before.
      {
        pattern: new RegExp(String.raw`^(?:and |but |so )?(?:now|these days|today|nowadays|this (?:month|quarter|year|term|season)|since (?:then|the \w+|we \w+)),?\s+(?:\w+\s+){0,4}(?:it's|it is|its|we're|we are|they're|they are|we've|we have|we get|we lose|we see|we're at|down to|up to|under|below|over|above|about|around|only|just|at)\b[^.?!]{0,30}\b${NUMBER}\s*${UNIT}?`),
        weight: 0.7,
        needsEarlier: new RegExp(String.raw`\b(?:used to|last (?:year|month|quarter|term|season|spring|summer|autumn|winter)|a year ago|back then|before (?:we|the|that|it)|previously|in the old days|at the start)\b[^.?!]*\b(?:${NUMBER}|a third|a quarter|a fifth|a lot|most)\b`),
      },
    ],
    exclusions: [
      // Money coming in that was cut is budget pressure, not a result.
      /\b(?:cut|cuts|reduced|reduces|slashed|lowered|trimmed|capped)\s+(?:our|the|their)\s+(?:[\w-]+\s+){0,2}(?:fees?|funding|grants?|income|allocation|contribution|subsidy|uplift|budgets?)\b/,
      // Targets, hopes and vendor benchmarks are not results.
      /\b(?:typically|usually|customers like you|hope|hoping|hoped|aim|aiming|target|goal is|would like|'d like|wants? to (?!say\b)|expect to|projected|forecast to|been told|asked to|have to|has to|need to|budget|going (?:up|down) by|will (?:be|go) (?:up|down))\b/,
      // A measure where more is better going down is the business having a hard time, not a result.
      /\b(?:occupancy|revenue|sales|bookings|margins?|profits?|enrol?ments?|footfall|attendance|turnover|income|demand)\b[^.?!]{0,20}\b(?:was|were|is|are|has been|have been|went|came in)?\s*(?:down|fell|dropped|declined|lower|slipped)\b/,
      // A result credited to another tool, named by what it does ("the scheduling tool", "our HR system"),
      // is that tool's, not the product's: the product is called by its name, "it" or its dashboards.
      /^(?:and |but |so )?(?:the|our|their|that|the other)\s+(?!new\b)[\w-]+\s+(?:tool|platform|system|app|software|vendor)\s+(?:\w+\s+){0,2}(?:showed|shows|saves|saved|cut|cuts|reduced|reduces|proved|proves)\b/,
    ],
  },
  champion_engaged: {
    cues: [
      // Bringing people to the vendor: "I'll bring Dev and one of the phone leads", "let me get Joanne on a call with you".
      { pattern: /\bi(?:'ll| will)\s+bring\s+(?:[\w'-]+\s+){0,6}(?:leads?|managers?|supervisors?|team|colleagues?|people|folks|along|with me)\b|\blet me\s+(?:get|bring|pull|loop)\s+(?:[\w'-]+\s+){1,3}(?:on a call|on the call|into (?:a|the) call|in|into|along|together)\b/, weight: 0.7 },
      { pattern: /\bi(?:'ll| will)\s+(?:set|get)\s+(?:it|this|that|them)\s+(?:up|going|sorted)\b[^.?!]{0,60}\b(?:tonight|today|tomorrow|this|next|on|by|before|and let you know)\b/, weight: 0.65 },
      { pattern: /\bi(?:'ve| have)?\s*(?:also\s+|already\s+|just\s+)?(?:trained|coached|onboarded|briefed)\s+(?:the|all|our|my|both|every|all the|two|three|\d+)?\s*(?:[\w-]+\s+){0,3}(?:crew|crews|team|teams|staff|inspectors|drivers|nurses|chefs|porters|agents|managers|supervisors|leads|techs|technicians|engineers|cooks|cleaners|dispatchers|planners|operators|people|users|everyone|gms|pms)\b/, weight: 0.75 },
      // Commitments in the plain present, as many people put them: "I send you two dates until Friday".
      { pattern: /\bi\s+(?:send|organise|organize|prepare|make|book|collect|bring)\s+(?:you\s+|it\s+|them\s+)?(?:the|a|an|two|three|our|my|all|some)?\s*(?:[\w-]+\s+){0,4}(?:before|until|by|on|next|this|tomorrow|today)\b/, weight: 0.65 },
      { pattern: /\bi\s+(?:personally\s+)?sat\s+(?:down\s+)?with\s+[^.?!]{2,60}\b(?:to|and)\s+(?:set up|setting up|train|configure|build|go through|walk through|load|map|do)\b/, weight: 0.75 },
      { pattern: /\bi(?:'ve| have)?\s+(?:already\s+|now\s+)?(?:scheduled|set up|automated|configured|created)\s+(?:the|a|an|our)\s+(?:[\w-]+\s+){0,4}(?:reports?|dashboards?|alerts?|reminders?|digests?)\s+(?:for|to)\s+(?:all|every|each|the|our)\b/, weight: 0.7 },
      // Running the enablement in person: "I did the night-crew training", "I ran the toolbox talks at every site".
      { pattern: /\bi(?:'m| am|'ll| will|'ve| have)?\s*(?:also\s+|already\s+|personally\s+|just\s+)?(?:ran|run|running|did|do|doing|gave|give|giving|led|lead|leading|delivered|deliver|delivering|made|make|making|held|hold|holding|organised|organized)\s+(?:the|a|an|all|our|my|every|both|two|three|those|another)?\s*(?:[\w-]+\s+){0,3}(?:trainings?|inductions?|talks|sessions?|workshops?|refreshers?|huddles?|briefings?|walkthroughs?|demos?|onboarding|lunch-and-learns?|drop-ins?|clinics)\b/, weight: 0.75 },
      { pattern: /\bi(?:'ve| have|'ll| will|'m| am)?\s*(?:also\s+|already\s+|just\s+)?(?:rebuilt|rebuild|rebuilding|built|build|building|set up|setting up|configured|configuring|mapped|migrated|loaded|imported|redid|re-did|redo|wrote|written|trained|training|running|run|ran|doing|did)\b[^.?!]{0,60}\bmyself\b/, weight: 0.7 },
      { pattern: /\bi(?:'ll| will|'ve| have)\s+(?:already\s+)?(?:get|got|bring|brought|pull|round up|invite|invited|booked|book)\s+(?:[\w-]+\s+){1,5}(?:in the room|along|on the call|in for|into the session|to the session)\b/, weight: 0.7 },
      { pattern: /\bi(?:'ll| will|'ve| have| already| started| began| kept| keep)?(?:\s+been)?\s+(?:ran|run|running|trained|train|training|set up|scheduled|schedule|organised|organized|organise|organize|booked|book|walked|walk|onboarded|onboard|coached|coach|hosted|host|hosting)\b[^.?!]{0,60}\b(?:training|sessions?|workshops?|office hours|drop-ins?|q&as?|lunch and learns?|rollout|the team|everyone|new hires|the \w+ shift|night shift|walkthrough|demo|the \w+ers|dispatchers|managers|tutors|staff|check-ins|huddles|supervisors|leads)\b/, weight: 0.8 },
      { pattern: /\bi(?:'ll| will)\s+(?:get|send|bring|pull together|put together|circle back|follow up|own|drive|take (?:care of|the lead|point)|have)\b[^.?!]{0,140}\b(?:by|before|beforehand|afterwards|today|tonight|on|this|next|tomorrow|friday|monday|tuesday|wednesday|thursday|end of)\b/, weight: 0.65 },
      { pattern: /\bi(?:'ve| have)?\s+(?:already\s+)?(?:trained|coached|onboarded|briefed|mapped|set (?:it|them|this) up|written|wrote)\b[^.?!]{0,60}\b(?:myself|the team|everyone|all (?:\w+ )?(?:shops|sites|teams|clinics|depots|stores|hotels|homes)|leads?|supervisors?|managers?|staff|drivers|new (?:starters|hires|drivers)|guide|template|hotels|shifts)\b/, weight: 0.75 },
      { pattern: /\b(?:i'm|i am)\s+(?:running|driving|leading|owning|rolling|writing|organising|organizing|hosting)\b[^.?!]{0,40}\b(?:rollout|training|sessions?|workshop|project|out|guide)\b/, weight: 0.7 },
      // Volunteering a place or group to try the next change first: the champion drives the pilot.
      { pattern: /\b(?:can|could|will|'ll)\s+be\s+(?:the|our)\s+(?:test|pilot|trial|guinea pig)\s*(?:store|site|team|group|branch|clinic|office|school|hotel|depot|users?|case)?\b|\b(?:let's|we'll|i'll)\s+(?:pilot|test|trial)\s+it\s+(?:at|with|in|on)\b/, weight: 0.7 },
      { pattern: /\bi(?:'ve| have)?\s+(?:already\s+|just\s+)?(?:put together|created|built|made|drafted|recorded|written|wrote)\s+(?:a|an|the|our|some)\s+(?:[\w-]+\s+){0,2}(?:guide|template|cheat ?sheet|faq|video|checklist|handbook|playbook|how-to|crib sheet|training)\b/, weight: 0.75 },
      { pattern: /\bi(?:'ve| have|'ll| will)\s+already\s+(?:booked|scheduled|organised|organized|set up|arranged)\b[^.?!]{0,60}\b(?:training|sessions?|workshops?|walkthrough|demo|kick-?off|meeting|call)\b/, weight: 0.75 },
      { pattern: /\bi(?:'ll| will)\s+(?:chase|sort|check with|speak to|talk to|loop in|book|confirm|line up|set up)\b[^.?!]{0,80}\b(?:by|today|tonight|this|next|tomorrow|friday|monday|tuesday|wednesday|thursday|end of|get back to you)\b/, weight: 0.65 },
      { pattern: /\bi(?:'ve| have)?\s+(?:set up|created|started|opened)\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}(?:channel|group chat|chat|forum|drop-?in|faq|wiki|page)\b/, weight: 0.7 },
      { pattern: /\bi(?:'ll| will|'m going to)\s+(?:walk|take|talk)\s+(?:the|our|my|all the)?\s*(?:[\w-]+\s+){0,2}through (?:it|the)\b/, weight: 0.75 },
      // Engagement shown as doing: a date in the diary, an invite sent, people brought along.
      { pattern: /\b(?:i|we)(?:'ve| have)?\s+(?:already\s+|just\s+)?(?:put|added|blocked|pencilled|penciled|booked|stuck)\s+(?:it|that|this|them|the [\w-]+|a [\w-]+|time|two hours|an hour)\s+(?:in|into|on)\s+(?:the|my|our|everyone's|their)\s+(?:calendars?|diary|diaries|schedule)\b/, weight: 0.75 },
      { pattern: /\b(?:it's|it is|that's|that is|they're|they are)\s+already\s+in\s+(?:the|my|our|everyone's|their)\s+(?:calendars?|diary|diaries)\b/, weight: 0.7 },
      { pattern: /\bi(?:'ve| have|'ll| will)?\s+(?:already\s+|just\s+)?(?:sent|send|forwarded|forward|circulated|circulate|shared|share|emailed|email)\s+(?:you\s+|everyone\s+|them\s+|out\s+|over\s+)?(?:the|an?|our|my)\s+(?:[\w-]+\s+)?(?:invites?|invitations?|agenda|survey|data|spreadsheet|export|summary|numbers|figures|requirements)\b/, weight: 0.7 },
      { pattern: /\bi(?:'m| am|'ll| will|'ve| have)\s+(?:already\s+)?(?:bringing|bring|brought|inviting|invite|invited|roping in|roped in|looping in|looped in|pulling in)\s+(?:along\s+)?(?:the|our|my|two|three|four|a few|a couple of|both|all|some of)\b/, weight: 0.7 },
      { pattern: /\bi(?:'ve| have)?\s+(?:already\s+|just\s+)?(?:scheduled|booked|arranged|set up|organised|organized|lined up|called)\s+(?:a|an|the|our)\s+(?:[\w-]+\s+){0,2}(?:call|meeting|session|review|kick-?off|demo|workshop|walkthrough|catch-?up|huddle|briefing)\b/, weight: 0.75 },
      { pattern: /\bi(?:'m| am)\s+(?:setting up|scheduling|booking|arranging|organising|organizing|sending|pulling together|putting together)\b[^.?!]{0,50}\b(?:call|meeting|session|invites?|training|workshop|data|numbers|rota|pilot|review|walkthrough)\b/, weight: 0.7 },
    ],
    exclusions: [/\b(?:haven't had|no time|too busy|swamped|out (?:of office|on holiday)|on holiday|on leave|last day)\b/],
  },
  internal_advocacy: {
    cues: [
      { pattern: /\b(?:did|gave|ran|had|do|give|run)\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}(?:slot|talk|session|presentation|demo|spot|item)\s+(?:at|in|for|to)\s+(?:the|our|a)\s+(?:[\w'-]+\s+){0,3}(?:meeting|away day|awayday|offsite|briefing|huddle|forum|conference|team|all-hands|town hall)\b/, weight: 0.7 },
      { pattern: /\b(?:put|pinned|stuck|shared|posted)\s+(?:[\w'-]+\s+){1,5}(?:up\s+)?(?:in|on|into)\s+(?:the|our)\s+(?:[\w-]+\s+)?(?:staff ?room|newsletter|all-staff|intranet|bulletin|noticeboard|notice board|team meeting|briefing|slack|teams channel)\b/, weight: 0.7 },
      { pattern: /\bi(?:'ve| have)?\s*(?:also\s+)?(?:been\s+)?(?:telling|told|tell)\s+(?:all|every|each|the|our|my)?\s*(?:\w+\s+)?(?:gms|managers|manager|directors|director|team|teams|leads|lead|heads|colleagues|everyone|everybody|the others|supervisors|supervisor|principals|partners)\b/, weight: 0.65 },
      { pattern: /\bi(?:'ve| have)?\s*(?:also\s+)?(?:presented|showed|shown|demoed|demonstrated)\s+(?:it|this|them|the (?:tool|system|dashboard|report))\s+(?:also\s+)?(?:[\w-]+\s+){0,3}(?:in|at|to)\s+(?:the|our|my|a)\s+(?:[\w'-]+\s+){0,2}(?:meeting|team|heads|managers|directors|leads|colleagues|forum|huddle|offsite|call)\b/, weight: 0.7 },
      { pattern: /\bi(?:'ve| have)?\s*(?:also\s+)?(?:showed|shown|show|presented|shared|took|taken)\s+(?!you\b)[^.?!]{0,50}\b(?:numbers|figures|results|dashboard|reports?|stats|data|map|savings)\b[^.?!]{0,50}\b(?:to|at|with|in)\s+(?:the|our|my|their)?\s*(?:[\w'-]+\s+){0,3}(?:meeting|team|heads|managers|directors|leads|colleagues|department|offsite|huddle|forum|committee|peers)\b/, weight: 0.7 },
      { pattern: /\bi\s+(?:showed|have shown|'ve shown)\s+(?!you\b)(?:[\w,'-]+\s+){1,8}(?:the\s+)?(?:[\w-]+\s+){0,3}(?:numbers|figures|results|dashboard|stats|savings)\b/, weight: 0.65 },
      { pattern: /\b(?:using|used|use)\s+(?:it|this|them|the \w+)\s+as\s+(?:the|an|our)\s+(?:example|case study|showcase|model)\b/, weight: 0.7 },
      { pattern: new RegExp(String.raw`\b(?:showed|shown|show|showing|presented|presenting|present|demoed|demo'd|pitched|walked)\b[^.?!]{0,60}\b(?:to|with|for)\s+(?:the|our|my|all the|a few)?\s*(?:\w+\s+){0,3}(?:${TEAM}|leadership|colleagues|peers|other \w+)\b`), weight: 0.7 },
      { pattern: /\b(?:telling|told|tell|recommend\w*|convinc\w*|evangeli\w*|talking up|talked up)\b[^.?!]{0,40}\b(?:other|everyone|the rest|all the|our)\b[^.?!]{0,40}\b(?:should|to use|using|about (?:it|this)|to try|to move|to switch|to get)\b/, weight: 0.75 },
      { pattern: new RegExp(String.raw`\b(?:walked|walk|taken|took|talked)\s+(?:our|the|my|their|two|three|all)?\s*(?:[\w-]+\s+){0,3}(?:${TEAM}|colleagues)\s+through\b`), weight: 0.75 },
      { pattern: /\b(?:they|everyone|both|the \w+ (?:leads?|team|managers?))\s+(?:now\s+)?want(?:s)?\s+the same\b/, weight: 0.75 },
      { pattern: /\b(?:sing\w*\s+(?:its|their|your|halyard's)\s+praises|bang\w*\s+the drum|talk\w*\s+(?:it|the tool|the product)\s+up|champion\w*\s+(?:it|the tool|the product)|spread\w* the word|evangeli[sz]\w*)\b/, weight: 0.75 },
      { pattern: /\bplugg(?:ed|ing)\s+(?:it|the (?:tool|product|platform|dashboards?))\b(?!\s+in)/, weight: 0.7 },
      { pattern: new RegExp(String.raw`\b(?:keep|kept|been|always|i'm|i've|i)\s+(?:telling|told|recommending|recommended|pushing|suggesting)\s+(?:the|our|my|all the|a few|some)\s+(?:[\w-]+\s+){0,3}(?:${TEAM}|colleagues)\b[^.?!]{0,40}\b(?:it|this|should|they'd|to use|to try|to get|about)\b`), weight: 0.7 },
      { pattern: new RegExp(String.raw`\b(?:brought|bring|raised|mentioned)\s+(?:it|the tool|the dashboards?|the results|our results|the numbers)\s+(?:up\s+)?(?:at|in|with|to)\s+(?:the|our|a|my)?\s*(?:[\w'-]+\s+){0,3}(?:meeting|huddle|all-hands|stand-?up|forum|${TEAM}|colleagues)\b`), weight: 0.7 },
      { pattern: new RegExp(String.raw`\b(?:forwarded|sent|shared|passed|circulated)\s+(?:it|the \w+|our \w+|a link)\s+(?:on\s+)?(?:to|with|round|around)\s+(?:the|our|my|all the|a few|some)?\s*(?:[\w-]+\s+){0,3}(?:${TEAM}|colleagues|director|heads?)\b[^.?!]*\b(?:should|could|too|as well|would (?:love|benefit)|to try|want(?:s|ed)? (?:it|the same|in))\b`), weight: 0.7 },
      { pattern: /\brecommend(?:ed|ing|s)?\s+(?:it|halyard|the (?:tool|product|platform|dashboards?)|you(?:\s+guys)?)\s+to\b/, weight: 0.75 },
      { pattern: new RegExp(String.raw`\b(?:gave|give|giving|did|done|ran|run)\s+(?:a|an)\s+(?:quick\s+|short\s+|little\s+|brief\s+)?(?:demo|walkthrough|presentation|show and tell|tour|overview)\s+(?:to|for)\s+(?:the|our|my|a few|some|all the)?\s*(?:[\w-]+\s+){0,3}(?:${TEAM}|colleagues)\b`), weight: 0.7 },
      { pattern: /\bput\s+(?:it|the \w+|our \w+)\s+in front of\b/, weight: 0.7 },
      { pattern: /\b(?:sell\w*|pitch\w*|promot\w*|push\w*|advocat\w*|market\w*)\s+(?:it|the tool|halyard)\s+(?:internally|in-house|across the (?:business|company|group|trust|organi[sz]ation))\b/, weight: 0.75 },
      { pattern: new RegExp(String.raw`\b(?:did|ran|run|held|hosted|gave|organised|organized)\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}(?:lunch-and-learn|lunch and learn|session|demo|showcase|roadshow|show-and-tell)\s+for\s+(?:the|our)\s+(?:[\w-]+\s+){0,2}(?:${TEAM}|${DEPARTMENTS})\b[^.?!]{0,20}\b(?:to show|what it (?:can )?do(?:es)?)\b`), weight: 0.7 },
      { pattern: new RegExp(String.raw`\b(?:nudg\w*|encourag\w*|persuad\w*|urg(?:e|es|ed|ing)|lobby\w*)\s+(?:the\s+|our\s+|my\s+)?(?:other\s+)?(?:[\w-]+\s+){0,3}(?:${TEAM}|colleagues)\b[^.?!]{0,40}\b(?:to\s+(?:try|use|adopt|get|look at|give)|into)\b`), weight: 0.75 },
      { pattern: /\b(?:shar\w*|post\w*|circulat\w*)\s+(?:our|the)\s+(?:[\w-]+\s+)?(?:results|numbers|wins|dashboards?|savings|figures)\s+(?:in|on|with|at)\s+(?:the|our)\s+(?:[\w'-]+\s+){0,3}(?:chat|channel|group|meeting|newsletter|all-hands|huddle|forum|slack)\b/, weight: 0.7 },
      { pattern: /\b(?:presented|showed|demoed|shared|talked through)\s+(?:our|the|my)\s+(?:[\w-]+\s+){0,3}(?:results|numbers|savings|dashboards?|figures|wins|story|data)\s+(?:at|in)\s+(?:the|our|a)\s+(?:[\w'-]+\s+){0,2}(?:meeting|conference|forum|offsite|away ?day|all-hands|huddle|network)\b/, weight: 0.7 },
    ],
    exclusions: [/\b(?:haven't|hasn't|not)\s+(?:really\s+)?(?:shown|shared|told)\b/],
  },
  second_use_case: {
    cues: [
      { pattern: /\bsince\s+(?:\w+\s+){0,2}(?:our|the|their)\s+(?:[\w-]+\s+){0,3}(?:team|teams|colleagues|department|people|staff|office)\s+(?:also\s+|now\s+)?(?:uses?|runs?|manages?|plans?|tracks?|books?|handles?)\b/, weight: 0.7 },
      { pattern: /\b(?:also|now|started|starting|begun|began|start)\s+(?:\w+\s+){0,2}(?:using|use|tracking|track|running|run|managing|reporting|monitoring|planning|building|logging|booking|scheduling|assigning)\b[^.?!]{0,70}\b(?:in|on|off|with|through|from)\s+(?:it|the (?:tool|platform|dashboards?|product|app)|[\w-]+)\b/, weight: 0.7 },
      { pattern: /\b(?:started|starting|begun|began|now)\s+using\s+(?:it|[\w-]+)\s+(?:to|for)\b/, weight: 0.65 },
      { pattern: /\b(?:on top of|alongside|as well as|in addition to)\s+(?:their|the|our)\s+(?:[\w-]+\s+)?(?:shifts|rotas?|schedules?|scheduling|dashboards?|reports?|main use)\b/, weight: 0.75 },
      { pattern: /\bnot just\s+(?:their|the|our)?\s*(?:[\w-]+\s+)?(?:shifts|rotas?|schedules?|scheduling|dashboards?|reports?)\b/, weight: 0.75, carriesNegation: true },
      { pattern: /\b(?:besides|beyond|on top of|as well as|apart from|in addition to)\s+[^.?!]{0,30}\b(?:we|they)\s+(?:now|also)\b/, weight: 0.75 },
      { pattern: /\b(?:second|another|new)\s+use case\b/, weight: 0.7 },
      { pattern: /\b(?:now|also)\s+(?:\w+\s+)?(?:logs?|tracks?|runs?|manages?|plans?|schedules?|books?|records?|reports?|monitors?|handles?|processes|does|do)\b[^.?!]{0,50}\b(?:in|on|through|off|via|with|using)\s+(?:it|the (?:tool|platform|app|system|dashboards?|product)|(?!excel\b|spreadsheets?\b|sheets\b|paper\b)[\w-]+)\s+(?:as well|too)\b/, weight: 0.7 },
      { pattern: /\b(?:double duty|dual purpose|doing two jobs|a second job)\b/, weight: 0.7 },
      { pattern: /\bbranch(?:ed|ing)?\s+out\b/, weight: 0.7 },
      { pattern: /\b(?:use|uses|using)\s+(?:it|halyard|the (?:dashboards?|tool|platform|app|product))\s+for\s+(?:[\w-]+\s+){1,4}(?:now|too|as well|also)\b/, weight: 0.65 },
      { pattern: /\b(?:also\s+)?become\s+(?:our|the)\s+(?:go-to\s+|main\s+|default\s+)?(?:tool|place|system|home|platform|hub)\s+(?:for|to|where|we)\b|\balso\s+become\s+(?:how|where)\s+we\b/, weight: 0.65 },
      { pattern: /\b(?:now|also)\s+(?:\w+\s+)?(?:logs?|tracks?|runs?|manages?|plans?|schedules?|books?|records?|reports?|monitors?|handles?|processes|does|do)\b[^.?!]{0,50}\b(?:in|on|through|off|via|with|using)\s+(?:it|halyard|the (?:tool|platform|app|system|dashboards?|product))\s+now\b/, weight: 0.7 },
      { pattern: /\b(?:besides|beyond|apart from|other than|as well as|on top of)\s+[^.?!,]{0,30},\s*(?:the\s+|our\s+)?[\w-]+(?:\s+[\w-]+)?\s+(?:now\s+|also\s+)?(?:uses?|using|runs?|tracks?|plans?|manages?|books?)\s+(?:it|halyard)\b/, weight: 0.7 },
      { pattern: /\b(?:second|other|another|new)\s+(?:big\s+|main\s+|major\s+)?(?:use|job)\s+(?:for it\s+)?(?:is|has been)\b/, weight: 0.7 },
    ],
    // Still doing only the one thing is not a second use.
    exclusions: [/\b(?:only|just)\s+(?:ever\s+)?(?:use|uses|using|used)\s+it\b/],
  },
  executive_alignment: {
    cues: [
      { pattern: new RegExp(String.raw`\b(?:put|putting|show|showed|shown|showing|present\w*|cite\w*|took|take|taken|taking|bring|brought|share\w*|report\w*|send|sent|used|use)\b[^.?!]{0,50}\b(?:in|into|to|at|for|with)\s+(?:the|my|our)?\s*(?:(?:advisory|supervisory|group|parent|main|full)\s+)?(?:${LEADERS})(?:'?s?\s+(?:report|deck|meeting|pack|packet|papers|update))?\b`), weight: 0.75 },
      { pattern: /\b(?:that's|this is|it's)\s+(?:exactly\s+)?(?:the|what)\b[^.?!]{0,20}\b(?:story|result|number|proof|kind of result)s?\s+(?:i|we)\s+need\b/, weight: 0.75 },
      { pattern: new RegExp(String.raw`\b(?:my|our)\s+(?:board|quarterly|annual)\s+(?:report|deck|update|pack)\b`), weight: 0.7 },
      { pattern: new RegExp(String.raw`\b(?:want|wanted|need|needs)\s+(?:the|our|my)?\s*(?:[\w-]+\s+)?${LEADERS}\s+to\s+(?:see|know|hear)\b`), weight: 0.7 },
      { pattern: new RegExp(String.raw`\b${LEADERS}\b[^.?!]{0,30}\b(?:opens?|starts?|cites?|quotes?|mentions?|shows?|presents?|asked (?:me|us) to put)\b[^.?!]{0,50}\b(?:numbers?|rate|figures?|results?|dashboard|report|metrics?)\b`), weight: 0.7 },
      // A leader who cites, quotes, attends or backs the results.
      { pattern: new RegExp(String.raw`\b${LEADERS}(?:'s|\s+has|\s+have)?\b[^.?!]{0,30}\b(?:open\w*|cit(?:e|es|ed|ing)|quot\w*|mention\w*|show(?:s|ed|ing)?|present\w*|shar(?:e|es|ed|ing)|highlight\w*|us(?:e|es|ed|ing)|talk\w* about|brag\w*|boast\w*|call\w* out|point\w* to|sat in|sits in|join\w*|attend\w*|want\w*|asked (?:about|for|to see|me to))\b[^.?!]{0,50}\b(?:numbers?|rate|figures?|results?|dashboards?|reports?|metrics?|savings|chart|review|qbr|agenda|data|story|wins?)\b`), weight: 0.7 },
      { pattern: new RegExp(String.raw`\b(?:walked|talked|took|taken)\s+(?:our|the|my)\s+${LEADERS}(?:\s+of\s+\w+)?\s+through\b`), weight: 0.75 },
      { pattern: new RegExp(String.raw`\b${LEADERS}\b[^.?!]{0,40}\b(?:on board|bought in|sold on|(?:really |very |super )?(?:keen on|excited about|thrilled with|delighted with|impressed (?:by|with)|happy with|loves?|loved))\b[^.?!]{0,30}\b(?:it|this|the (?:results?|numbers?|dashboards?|tool|product|platform|data|savings)|results|numbers|halyard|rolling)\b`), weight: 0.7 },
      { pattern: new RegExp(String.raw`\b${LEADERS}\b[^.?!]{0,40}\b(?:fully|completely|totally|really)\s+(?:on board|bought in|behind (?:it|this))\b|\b(?:she's|he's|they're)\s+(?:fully|completely|totally)\s+on board\b`), weight: 0.7 },
      { pattern: new RegExp(String.raw`\b${LEADERS}(?:'s|\s+has|\s+have)?\b[^.?!]{0,30}\b(?:brought up|bring\w* up|rais(?:e|es|ed|ing)|ask(?:s|ed|ing)? for|review(?:s|ed|ing)?|lov(?:e|es|ed)|prais\w*|celebrat\w*)\b[^.?!]{0,50}\b(?:numbers?|rate|figures?|results?|dashboards?|reports?|metrics?|savings|charts?|slides?|deck|before-and-after|wins?|data)\b`), weight: 0.7 },
      { pattern: new RegExp(String.raw`\b(?:${LEADERS}|director of [\w-]+)\b[^.?!]{0,40}\b(?:(?:really|very|hugely)\s+supportive|behind (?:it|this|us)|backing (?:it|this|us)|championing|joined|attended|sat in on)\b`), weight: 0.65 },
      { pattern: new RegExp(String.raw`\b${LEADERS}\s+(?:was|were|is|has been)\s+on\s+(?:the|our|that|last week's)\s+(?:call|meeting|review|qbr)\b[^.?!]{0,40}\b(?:lik(?:e|ed|es)|lov(?:e|ed|es)|keen|impressed|asked)\b`), weight: 0.7 },
    ],
  },
  champion_departing: {
    cues: [
      { pattern: /\bwho\s+(?:picks up|takes over|owns|looks after|runs)\s+[^.?!]{0,40}\bafter\s+[\w'-]+\s+(?:goes|leaves|has gone|has left|retires|moves on)\b/, weight: 0.7 },
      { pattern: /\b(?:accepted|taking|took|starting|start|got)\s+(?:a|an)?\s*(?:new\s+)?(?:role|job|position|offer)\s+(?:at|with|elsewhere|somewhere)\b/, weight: 0.9 },
      { pattern: /\b(?:my|her|his|their|\w+'s)\s+last day\b/, weight: 0.85 },
      { pattern: /\b(?:i'm|i am|i'll be|he's|she's|he is|she is|[a-z]+ is)\s+(?:leaving|moving on|stepping down|resigning|retiring)\b(?!\s+(?:early|with|at \d|it|that|this|for (?:lunch|the day)))/, weight: 0.85 },
      { pattern: /\bwith \w+ (?:gone|leaving|out the door|moving on)\b/, weight: 0.8 },
      { pattern: /\b(?:he|she|[a-z]+)\s+(?:left|quit|resigned)\s+(?:in\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)|last (?:week|month)|the company|us)\b/, weight: 0.8 },
      { pattern: /\b(?:he|she|[a-z]+)'s\s+gone\s+(?:to|over to)\b[^.?!]{0,30}\b(?:full time|now|permanently)\b/, weight: 0.7 },
      { pattern: /\b(?:won't|will not|no longer)\s+be\s+(?:looking after|running|owning|managing|in charge of|responsible for|working on)\b/, weight: 0.8, carriesNegation: true },
      { pattern: /\b(?:nobody|no one)\s+(?:\w+\s+)?(?:took|has taken|picked|has picked)\s+(?:over|it up)\b/, weight: 0.7, carriesNegation: true },
      { pattern: /\b(?:no|without a|without any|haven't named a|there's no)\s+(?:successor|replacement|backfill)\b/, weight: 0.75, carriesNegation: true },
      { pattern: /\b(?:figure out|decide|work out|not sure|don't know)\s+who\s+(?:owns|will own|takes over|will take over|picks up|is going to own)\b/, weight: 0.7, carriesNegation: true },
      { pattern: /\b(?:gone dark|gone quiet|haven't heard (?:back )?from|no longer (?:with|at) (?:the company|us))\b/, weight: 0.7, carriesNegation: true },
      { pattern: /\b(?:hand(?:ing|ed|s)? in|gave|given|giving|put in|serving|working)\s+(?:my|her|his|their)\s+notice\b/, weight: 0.9 },
      { pattern: /\b(?:moved|moving|transferred|transferring|switched|switching|reassigned|seconded)\s+(?:to|onto|over to|into)\s+(?:a|an|the)\s+(?:different|new|another|other)\s+(?:[\w-]+\s+)?(?:team|role|department|project|job|position|site|division)\b/, weight: 0.8 },
      { pattern: /\b(?:won't|will not|no longer)\s+be\s+(?:our|your|the)\s+(?:main\s+)?(?:contact|point of contact|champion|admin|owner|lead)\b/, weight: 0.8, carriesNegation: true },
      { pattern: /\bsomeone else\s+(?:will|'ll|is going to|needs to|will have to)\s+(?:pick|take|own|look after|run)\b/, weight: 0.7 },
      { pattern: /\b(?:he|she|[a-z]+)'s\s+(?:left|quit|resigned)\s+(?:the (?:company|business|firm|organi[sz]ation|practice|trust|school|group)|us)\b/, weight: 0.75 },
      { pattern: /\b(?:haven't|have not|hasn't|not yet|yet to)\s+(?:been\s+)?(?:replaced|backfilled)\b/, weight: 0.7, carriesNegation: true },
      { pattern: /\b(?:he|she|[a-z]+)(?:'s| has)\s+moved on\b(?!\s+to (?:phase|the next|stage|step))/, weight: 0.8 },
      { pattern: /\bnot coming back\b/, weight: 0.8, carriesNegation: true },
      { pattern: /\b(?:he|she|[a-z]+)\s+has\s+(?:resigned|handed in (?:his|her|their) notice|quit)\b/, weight: 0.8 },
    ],
    exclusions: [/\b(?:on holiday|on vacation|on leave|parental leave|back on|back next|back in the office|out next week|pto)\b/],
  },
  onboarding_stalled: {
    cues: [
      { pattern: /\b(?:pushed|moved|bumped|slipped|put off|delayed|postponed)\s+(?:it|the (?:go-?live|launch|rollout|roll-out|training|kick-?off|set-?up|migration|switch-?over))\s+(?:back\s+)?(?:again\s+)?(?:to|until|till|into|after)\s+(?:january|february|march|april|may|june|july|august|september|october|november|december|next|after|the new year|the spring|the summer|the autumn|the fall|q[1-4])\b/, weight: 0.7 },
      // A go-live that was due and did not happen: "were meant to go in over the summer and didn't".
      { pattern: /\b(?:meant|supposed|due|scheduled|planned)\s+to\s+(?:go live|go in|launch|start|roll out|be live|be set up|switch (?:it )?on|come on)\b[^.?!]{0,60}\b(?:didn't|did not|haven't|hasn't|never|still (?:haven't|hasn't|not)|and (?:it )?(?:slipped|stalled))\b/, weight: 0.8, carriesNegation: true },
      { pattern: /\b(?:still\s+)?(?:in|sitting in)\s+(?:its|the|their)\s+box(?:es)?\b|\bnever\s+(?:been\s+)?(?:unboxed|plugged in|switched on|set up|turned on)\b|\bhaven't\s+(?:even\s+)?(?:switched|turned)\s+(?:the \w+|it|them)\s+on\b/, weight: 0.75, carriesNegation: true },
      { pattern: /\b(?:say|says|said)\s+(?:they'll|they will|we'll|she'll|he'll)\s+(?:look at|get to|start|do)\s+(?:it|that|this)\s+(?:after|in|once|when)\b/, weight: 0.7 },
      { pattern: /\b(?:still|yet to|never)\s+(?:hasn't|haven't|has not|have not|not|been|got around to)?\s*(?:connected|set up|setup|finished|completed|onboarded|rolled (?:it )?out|configured|migrated|trained|started|connect|finish|complete|onboard)\b/, weight: 0.75, carriesNegation: true },
      { pattern: /\b(?:hasn't|haven't|has not|have not|never|didn't|did not)\s+(?:\w+\s+)?(?:been\s+)?(?:connected|set up|finished|completed|onboarded|rolled out|configured|migrated|trained|started)\b/, weight: 0.75, carriesNegation: true },
      { pattern: /\b(?:keep|kept|keeps|keep on)\s+(?:pushing|moving|rescheduling|postponing|delaying|cancell?ing|bumping)\b/, weight: 0.75 },
      { pattern: /\b(?:just\s+)?need\s+(?:a bit|a little|a few more weeks|some)?\s*more time\b/, weight: 0.7 },
      { pattern: /\b(?:cancell?ed|postponed|rescheduled|pushed back|moved)\s+(?:\w+\s+)?(?:twice|again|three times|several times|more than once|every time)\b/, weight: 0.7 },
      { pattern: /\b(?:setup|set-up|onboarding|rollout|roll-out|implementation|migration|integration)\b[^.?!]{0,40}\b(?:stalled|stuck|on hold|slipped|behind|delayed|paused|dragging|not done|isn't done|unfinished|half done|half-done)\b/, weight: 0.75, carriesNegation: true },
      { pattern: /\b(?:cancel\w*|postpon\w*|reschedul\w*|push(?:ed)? back|mov(?:e|ed)|bump(?:ed)?)\s+(?:\w+\s+){0,2}(?:twice|again|three times|several times|more than once|every time)\b/, weight: 0.7 },
      { pattern: /\bstill\s+(?:waiting|waiting on|waiting for|to be|not)\b[^.?!]{0,30}\b(?:set up|onboard\w*|connected|configured|trained|migrated|access|kick-?off|go-?live|rolled out|imported)\b/, weight: 0.75, carriesNegation: true },
      { pattern: /\b(?:haven't|have not|hasn't|has not|never|not yet|didn't)\s+(?:got|gotten|get)\s+(?:a)?round\s+to\b/, weight: 0.75, carriesNegation: true },
      { pattern: /\b(?:go-?live|launch|rollout|roll-out|kick-?off|start date|migration|implementation|onboarding|training)\s+(?:date\s+)?(?:keeps?|kept)\s+(?:slipping|moving|getting pushed|being pushed|sliding|getting delayed)\b/, weight: 0.75 },
      { pattern: /\b(?:haven't|have not|hasn't|has not)\s+(?:done|completed|finished|attended|been through)\s+(?:the|their|any)\s+(?:\w+\s+)?(?:training|onboarding|setup|induction)\b/, weight: 0.75, carriesNegation: true },
      { pattern: /\bstill\s+(?:isn't|aren't|is not|are not|not)\s+(?:live|set up|connected|running|rolled out|onboarded)\b/, weight: 0.75, carriesNegation: true },
      { pattern: /\b(?:paused|parked|shelved|froze|frozen|halted|put on hold)\s+(?:the\s+)?(?:rollout|roll-out|onboarding|implementation|migration|setup|go-?live|training)\b/, weight: 0.75 },
    ],
  },
  adoption_friction: {
    cues: [
      { pattern: /\b(?:can't|cannot|couldn't|can not|unable to|don't know how to|doesn't know how to|didn't know how to)\s+(?:\w+\s+)?(?:find|figure out|get (?:it|them|the \w+) to|get to|work out|see|open|load|understand|log in|sign in|follow|change|edit|publish|save|print|access)\b/, weight: 0.75, carriesNegation: true },
      { pattern: /\b(?:given up|gone back to|went back to|going back to|reverted to)\b/, weight: 0.7 },
      { pattern: /\b(?:confus\w*|(?:am|is|are|was|were|'m|'re|get|got|gets|been|getting|still)\s+(?:\w+\s+)?stuck|frustrat\w*|give up|gave up|gives up|giving up|makes no sense|make no sense|doesn't make sense|don't understand|doesn't understand|hard to (?:use|find|understand|follow|read))\b/, weight: 0.75, carriesNegation: true },
      { pattern: /\b(?:nobody|no one|none of us|none of them|none of the \w+)\s+(?:\w+\s+)?(?:knew|knows|know|realised|realized|understands|understand)\b/, weight: 0.7, carriesNegation: true },
      { pattern: /\b(?:keeps|kept|keep)\s+(?:breaking|failing|crashing|timing out|erroring|asking (?:me|us) how)\b/, weight: 0.7 },
      { pattern: /\b(?:again|every (?:time|week)|same question|another how-to)\b[^.?!]{0,40}\b(?:how (?:do|to)|where (?:is|do))\b/, weight: 0.6 },
      { pattern: /\bhow (?:do|can|should) (?:i|we)\s+(?:\w+\s+){0,4}(?:find|get|set|change|fix|make|share|filter|schedule|export|add)\b/, weight: 0.55, inQuestions: true },
      { pattern: /\b(?:struggl\w*|battl\w*|wrestl\w*)\s+(?:to|with)\b/, weight: 0.7 },
      { pattern: /\b(?:too|really|so)\s+(?:fiddly|clunky|complicated|confusing|hard to use)\b/, weight: 0.7 },
      { pattern: /\b(?:get|gets|got|getting|are|were)\s+(?:so\s+|really\s+)?fed up\b(?![^.?!]{0,30}\b(?:sales|upsell\w*|upsold|pitch\w*|pricing|calls from))/, weight: 0.6 },
      { pattern: /\b(?:nobody|no one|none of (?:us|them))\s+can\s+(?:\w+\s+)?(?:find|figure out|work out|get|see|understand|remember)\b/, weight: 0.75, carriesNegation: true },
      { pattern: /\bsame (?:question|queries|query|ticket|problem)s?\b[^.?!]{0,40}\b(?:every|again|over and over|all the time|each)\b/, weight: 0.65 },
    ],
    // "Nobody's confused any more" reports the friction gone; failing to show a return is value_unproven.
    exclusions: [/\b(?:nobody|no one)(?:'s| is| gets?| got)?\s+(?:\w+\s+)?(?:confus\w*|stuck|frustrat\w*)\b/, /\b(?:show|prove|demonstrate|justify)\s+(?:any\s+|the\s+)?(?:roi|value|return)\b/],
  },
  shallow_adoption: {
    cues: [
      { pattern: new RegExp(String.raw`\b${NUMBER}\s+(?:of them\s+)?(?:use|uses|log into|open|opens|touch)\s+it,?\s+(?:out of|from)\s+(?:about\s+|around\s+|roughly\s+)?${NUMBER}`), weight: 0.75 },
      { pattern: /\bonly\s+(?:[\w,'-]+\s+){1,8}(?:used|uses|use|logged in|log in|opened|opens|open|touched|touches)\s+it\b/, weight: 0.7 },
      { pattern: /\b(?:mainly|mostly|only|just|really only)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:who|that)\s+(?:touch|touches|use|uses|open|opens|log into|logs into|go into|goes into)\s+(?:it|the (?:system|app|tool))\b/, weight: 0.75 },
      { pattern: /\b(?:have|has|they've|we've|people have|staff have)\s+(?:all\s+|mostly\s+|basically\s+)?stopped\s+(?:using|opening|logging|pre-?registering|entering|booking|checking)\b/, weight: 0.75 },
      { pattern: /\bi don't think (?:a single|any|one) (?:one|of them|person|teacher|manager|member)\b[^.?!]{0,20}\b(?:has|have|does|do|is|uses)\b/, weight: 0.7, carriesNegation: true },
      { pattern: /\b(?:mostly|only|just)\s+(?:me|i|myself|the champion|\w+ and (?:me|i)|a (?:few|handful)|two of us|three of us|a couple of (?:us|people))\b[^.?!]{0,40}\b(?:in there|use|uses|using|log in|logs in|logging in|open|opens|look at|looks at)\b/, weight: 0.8 },
      { pattern: /\b(?:never|rarely|hardly(?: ever)?|barely|seldom)\s+(?:log|logs|logged|sign|signs|open|opens|use|uses|look at|looks at|touch|touches)\b/, weight: 0.75, carriesNegation: true },
      { pattern: new RegExp(String.raw`\b${NUMBER}\s+(?:seats|licen[cs]es)\b[^.?!]{0,50}\b(?:maybe|only|just|about|barely)\s+${NUMBER}\s+(?:people|users|of them|who)\b`), weight: 0.8 },
      { pattern: new RegExp(String.raw`\b(?:only|just)\s+${NUMBER}\s+(?:of|out of)\s+(?:our|the|my)\s+${NUMBER}\b`), weight: 0.75 },
      { pattern: /\b(?:aren't|are not|isn't|is not|weren't)\s+(?:even\s+)?(?:using|logging in|opening|touching)\b/, weight: 0.65, carriesNegation: true },
      { pattern: /\b(?:fewer|less) (?:of them|people|users|logins)\b/, weight: 0.65 },
      { pattern: /\b(?:logins?|usage|active users|log-?ins)\s+(?:are\s+|is\s+|have\s+|has\s+|keep\s+)?(?:falling|dropping|dropped|down|declining|fell|sliding|slipping)\b/, weight: 0.75 },
      { pattern: /\b(?:nobody|no one|few people|hardly anyone|almost nobody|not many people)\s+(?:\w+\s+)?(?:uses|opens|logs in|looks at|reads|goes in)\b/, weight: 0.75, carriesNegation: true },
      { pattern: /\b(?:most|half|many|lots|a lot|majority|loads|the rest)\s+(?:of\s+)?(?:the\s+|our\s+|my\s+|them|us)?\s*(?:[\w-]+\s+)?(?:haven't|have not|hasn't|don't|do not|never|rarely|barely|hardly|aren't|are not|didn't|stopped|have stopped)\s+(?:ever\s+|even\s+|really\s+)?(?:log\w*|sign\w*|open\w*|us(?:e|es|ed|ing)|touch\w*|look\w*|been in|bother\w*|go in|gone in|check\w*)\b/, weight: 0.75, carriesNegation: true },
      { pattern: new RegExp(String.raw`\b(?:out of|of)\s+(?:our\s+|the\s+)?${NUMBER}\s+(?:seats|licen[cs]es|users|logins|accounts)\b[^.?!]{0,30}\b(?:only|just|maybe|about|barely|around)\s+(?:a\s+)?${NUMBER}\b`), weight: 0.8 },
      { pattern: /\b(?:stopped|quit|given up|gave up)\s+(?:using|opening|logging into|checking|looking at|going into|bothering with)\s+(?:it|the (?:app|tool|platform|product|system|dashboards?)|halyard)\b/, weight: 0.75 },
      { pattern: /\b(?:logins?|login numbers|usage|active users|engagement|log-?ins|activity)\s+(?:numbers\s+)?(?:are\s+|is\s+|have\s+|has\s+|keeps?\s+)?(?:really\s+|rather\s+)?(?:tail(?:ed|ing|s)? off|nosediv\w*|plummet\w*|tank(?:ed|ing)|crater\w*|dropp(?:ed|ing) off|fall(?:en|ing)? off|fell off|died off|dwindl\w*|petered out|flatlin\w*)\b/, weight: 0.75 },
      { pattern: /\b(?:seats|licen[cs]es|logins|accounts)\s+(?:are\s+|is\s+)?(?:just\s+)?(?:sitting\s+)?(?:idle|gathering dust|going unused|going to waste)\b/, weight: 0.75 },
      { pattern: /\bme and (?:one|two|a couple|a few|a handful)\b[^.?!]{0,30}\b(?:using|use|uses|in there|log(?:s|ging)? in|open(?:s|ing)?)\b/, weight: 0.7 },
      { pattern: new RegExp(String.raw`\b(?:only|just)\s+(?:about|around|roughly|maybe)\s+${NUMBER}\s+(?:of|out of)\s+(?:our|the|my)\s+${NUMBER}\b`), weight: 0.75 },
      { pattern: /\b(?:just|only|mostly)\s+(?:the\s+)?(?:admins?|managers?|office|office staff|leads?|supervisors?|champions?)\s+(?:who|that)\s+(?:ever\s+|actually\s+|really\s+)?(?:log|use|open|look|go)\w*\b/, weight: 0.7 },
      { pattern: new RegExp(String.raw`\b(?:maybe|only|just|barely|perhaps)\s+${NUMBER}\s+(?:people|users|staff|of (?:us|them))\s+(?:actually\s+|really\s+|ever\s+)?(?:use|log|open|look|go)\w*\b`), weight: 0.7 },
      { pattern: /\b(?:ignore|ignores|ignoring|ignored)\s+(?:it|the (?:app|tool|platform|dashboards?|notifications))\b/, weight: 0.7 },
      { pattern: /\b(?:engagement|usage|uptake|adoption)\b[^.?!]{0,25}\b(?:pretty |really |very |quite )?(?:low|poor|patchy|thin|disappointing|minimal)\b/, weight: 0.7 },
    ],
  },
  value_unproven: {
    cues: [
      { pattern: /\b(?:can't|cannot|don't|do not)\s+(?:really\s+)?see\s+what\s+(?:the\s+|our\s+)?(?:[\w£$€,.-]+\s+){0,5}(?:is|are|has been)\s+(?:buying|getting|giving|doing for)\s+us\b/, weight: 0.8, carriesNegation: true },
      { pattern: /\bwhat\s+(?:have|did|do)\s+we\s+(?:actually\s+|really\s+)?(?:got|get|gotten|getting)\s+for\b/, weight: 0.8, inQuestions: true },
      { pattern: /\b(?:can't|cannot|couldn't|can not)\s+(?:show|prove|demonstrate|see|point to)\s+(?:that\s+)?(?:it(?:'s| has)|they(?:'ve| have))\s+(?:done|changed|saved|achieved|made)\s+(?:anything|a difference|much)\b/, weight: 0.8, carriesNegation: true },
      { pattern: /\bwhat (?:we're|we are|are we|they're|we|we've been)\s+(?:actually\s+|really\s+)?(?:getting|get|got)\s+(?:for|out of)\b/, weight: 0.85, inQuestions: true },
      { pattern: /\b(?:doesn't|does not|don't|do not|isn't|is not|hasn't|has not|haven't|not)\s+(?:yet\s+)?(?:buy|believe|accept|accepted|convinced|bought|signed off|see(?:n)? the value|see(?:n)? (?:a|any) return)\b/, weight: 0.75, carriesNegation: true },
      { pattern: /\b(?:didn't|don't|do not|did not|couldn't)\s+(?:have|give|show)\s+(?:her|him|them)?\s*(?:a|any|the|an)\s+(?:number|figure|answer|data|proof|roi)\b/, weight: 0.75, carriesNegation: true },
      { pattern: /\b(?:justify|prove|defend)\s+(?:the\s+|this\s+|our\s+)?(?:value|roi|spend|cost|price|investment|renewal|licen[cs]e)\b/, weight: 0.7, inQuestions: true },
      { pattern: /\b(?:not sure|unsure|unclear|hard to say|can't say)\b[^.?!]{0,30}\b(?:worth|value|roi|paying for|getting for)\b/, weight: 0.7, carriesNegation: true },
      { pattern: /\bis it (?:really )?worth (?:it|the money|the cost)\b/, weight: 0.7, inQuestions: true },
      { pattern: /\b(?:don't|doesn't|can't|cannot|didn't)\s+see\s+what\s+(?:the|this|it|our|we|they)\b/, weight: 0.75, carriesNegation: true },
      { pattern: /\bwhat (?:this|it|the \w+) (?:costs?|is costing)\s+(?:per|us|for)\b/, weight: 0.65, inQuestions: true },
      { pattern: /\b(?:struggl\w*|hard|difficult|tough|can't|cannot|unable|couldn't)\s+(?:to\s+)?(?:show|prove|demonstrate|quantify|evidence|put a number on|point to)\s+(?:any\s+|the\s+|much\s+|real\s+|a\s+|one\s+|a single\s+)?(?:roi|value|return|savings?|benefit|impact|anything concrete|number|figure|result|results)\b/, weight: 0.75, carriesNegation: true },
      { pattern: /\b(?:want\w*|need\w*|ask\w*|asking|demand\w*)\s+(?:for\s+|to see\s+)?(?:proof|evidence|hard numbers)\s+(?:it's|it is|that|of)\b/, weight: 0.7 },
      { pattern: /\b(?:asking|asked|asks|ask|wants to know|want to know|wondering)\s+(?:me\s+|us\s+)?what\s+(?:the|our)\s+(?:return|roi|payback|value|benefit)\b/, weight: 0.8, inQuestions: true },
      { pattern: /\b(?:can't|cannot|couldn't|don't know|not sure|hard to)\s+(?:really\s+)?(?:say|tell|know|quantify|work out)\s+(?:what|how much)\s+(?:we've|we have|it's|it has)\s+(?:saved|gained|got|achieved)\b/, weight: 0.75, carriesNegation: true },
    ],
    // "Closer than what we got out of the old tool" compares, it does not doubt.
    exclusions: [/\b(?:than|as)\s+what\s+(?:we|they|i)\b/],
  },
  budget_pressure: {
    cues: [
      { pattern: new RegExp(String.raw`\b(?:${NUMBER}\s*${UNIT}?\s+)?cut\s+(?:in|to)\s+(?:the|our|their)\s+(?:[\w-]+\s+)?(?:tariff|funding|budget|fees?|grant|income|allocation|rates?)\b`), weight: 0.8 },
      { pattern: /\b(?:spend|spending|purchasing|purchases|budgets?|recruitment|hiring)\s+(?:is|are|was|were|has been|have been|'s|remains?|stays?)\s+(?:now\s+|currently\s+|all\s+)?(?:frozen|on hold|capped|paused|suspended|locked)\b/, weight: 0.85 },
      // Money coming in was cut: a fee, a grant, an allocation.
      { pattern: /\b(?:cut|cuts|reduced|reduces|slashed|lowered|trimmed|capped)\s+(?:our|the|their)\s+(?:[\w-]+\s+){0,2}(?:fees?|funding|grants?|income|allocation|contribution|subsidy|uplift|budgets?)\b/, weight: 0.8 },
      { pattern: /\b(?:goes|go|has to go|have to go|needs to go|need to go|must go|now goes)\s+(?:through|to|before)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,2}(?:procurement|committee|board|finance|cfo|panel)\b/, weight: 0.75 },
      { pattern: /\b(?:spending|budget|hiring|purchasing|procurement)\s+freeze\b/, weight: 0.9 },
      { pattern: /\b(?:budget|budgets)\s+(?:is\s+|are\s+)?(?:frozen|cut|cuts|slashed|tight|squeezed|under pressure|reduced|gone)\b/, weight: 0.85 },
      { pattern: /\b(?:cut|cutting|slashed|reduced|trimmed|freezing|froze|frozen)\s+(?:[\w-]+\s+){0,4}(?:budgets?|spend|spending)\b/, weight: 0.8 },
      { pattern: /\bfreeze on\b[^.?!]{0,30}\b(?:spend|spending|purchas\w*|budgets?|hiring|software)\b/, weight: 0.85 },
      { pattern: /\bprocurement\b[^.?!]{0,60}\b(?:pushed back|push back|sent (?:it|the \w+) back|flat|discount|reject\w*|won't|asked for|wants)\b/, weight: 0.8 },
      { pattern: /\b(?:anything|everything|any (?:new )?(?:spend|purchase|contract|tool|renewal))\b[^.?!]{0,40}\b(?:approv\w*|sign[- ]off|signed off)\b/, weight: 0.75 },
      { pattern: new RegExp(String.raw`\b(?:needs?|must|has to|have to|will have to|'ll have to)\s+(?:get\s+)?(?:go\s+)?(?:through|past|approved by|sign(?:ed)? off by)\s+(?:the\s+|our\s+)?(?:${LEADERS}|finance|procurement)\b`), weight: 0.75 },
      { pattern: /\b(?:no|zero|not much)\s+budget\b|\bcan't afford\b/, weight: 0.75, carriesNegation: true },
      { pattern: /\b(?:money|budget|budgets|cash|funds|funding|finances)\s+(?:is|are|'s)\s+(?:really\s+|very\s+|super\s+|pretty\s+|so\s+|quite\s+|incredibly\s+)?(?:tight|short|limited|scarce|squeezed|stretched)\b/, weight: 0.8 },
      { pattern: /\bfunding\s+(?:cut|cuts|was cut|got cut|reduced|slashed)\b/, weight: 0.8 },
      { pattern: /\bbudgets?\b[^.?!]{0,30}\b(?:got|was|were|has been|have been|being)\s+(?:cut|slashed|frozen|reduced|trimmed|halved|squeezed)\b/, weight: 0.85 },
      { pattern: /\b(?:asked|told|need|needs|have|has|got)\s+to\s+(?:cut|reduce|trim|slash|save)\s+(?:costs?|spend\w*|budgets?|overheads?)\b/, weight: 0.8 },
      { pattern: /\b(?:no|zero|not much|little)\s+(?:money|budget|funds|funding|cash)\s+(?:for|left|this year|available)\b/, weight: 0.75, carriesNegation: true },
      { pattern: /\b(?:pressure|pushed|being pushed)\s+(?:to|on us to)\s+(?:cut|reduce|trim|save)\b/, weight: 0.8 },
    ],
  },
  upsell_pushback: {
    cues: [
      { pattern: /\b(?:rather|prefer)\s+(?:we|i|if we|if i)\s+(?:weren't|wasn't|were not|was not|didn't get|did not get|not be)\s+(?:sold|pitched|offered|upsold)\b/, weight: 0.75, carriesNegation: true },
      { pattern: /\b(?:i'm|we're|i am|we are)\s+not\s+(?:buying|getting|adding|paying for|taking|signing up for)\s+(?:the\s+|any\s+|more\s+|another\s+)?[\w-]+(?![^.?!]*\b(?:until|unless|till|before|yet|for now|this (?:year|quarter))\b)/, weight: 0.7, carriesNegation: true, needsNearby: /\b(?:upgrad\w*|tier|plan|add-?ons?|module|package|edition|seats|licen[cs]es|pricing|price|quote|proposal|offer|bundle|enterprise|premium|professional|cameras?|sensors?)\b/ },
      // Declining more of the product while the basics are unsettled: "not in a position to buy another module".
      { pattern: /\bnot in (?:a|any) position to\s+(?:buy|add|take on|commit to|spend on|sign up for|look at|consider)\s+(?:another|more|any|a new|an extra|extra|the)\s+(?:[\w-]+\s+)?(?:modules?|add-?ons?|products?|tiers?|plans?|seats|licen[cs]es|upgrades?|packages?|editions?)\b/, weight: 0.75, carriesNegation: true },
      { pattern: /\b(?:stop|pause|park|hold off on|put on hold|shelve)\s+(?:the|these|those|any|all|your)?\s*(?:[\w-]+\s+)?(?:offers|proposals?|quotes|pitch(?:es)?|sales (?:calls|emails))\b|\b(?:offers|proposals|pitch(?:es)?|upsell\w*)\s+(?:could|can|should|must|need to|to)\s+(?:pause|stop|wait)\b|\b(?:could|can|should)\s+(?:the|your|these|those|all the)\s+(?:offers|proposals|quotes|pitch(?:es)?)\s+(?:pause|stop|wait)\b/, weight: 0.75, carriesNegation: true, inQuestions: true },
      { pattern: /\b(?:sales pitch|sales call|sales meeting|being sold to|sold to|upsell\w*|upsold|pitch(?:ed|ing)? (?:at )?us|pushy|hard sell)\b/, weight: 0.85 },
      { pattern: /\b(?:another|more|yet another)\s+(?:pricing|sales|commercial|upgrade)\s+(?:conversation|call|discussion|pitch|talk|meeting)s?\b/, weight: 0.8 },
      { pattern: /\b(?:don't|do not|not|isn't)\b[^.?!]{0,30}\b(?:request for|asking for|ask for)\s+(?:a|another)\s+(?:quote|proposal|pitch)\b/, weight: 0.75, carriesNegation: true },
      { pattern: /\b(?:stop|quit|no more)\s+(?:sending|pitching|pushing|trying to sell|bringing up)\b/, weight: 0.85, carriesNegation: true },
      { pattern: /\b(?:not|don't|do not|didn't)\s+(?:want|need|ask for|interested in)\s+(?:a|another|any|the)\s+(?:quote|proposal|upgrade|pitch|demo)\b/, weight: 0.75, carriesNegation: true },
      { pattern: /\b(?:not a|no) (?:quote|proposal|pitch)\b/, weight: 0.7, carriesNegation: true },
      { pattern: /\b(?:keep|keeps|kept)\s+(?:bringing up|pushing|pitching|trying to sell|selling)\b/, weight: 0.8 },
      { pattern: /\b(?:ends?|ending|turns?|turning|turned|ended|becomes?|became|every (?:call|time|meeting|check-in))\b[^.?!]{0,40}\b(?:a|another|the)\s+(?:sales\s+|upgrade\s+|commercial\s+)?pitch\b/, weight: 0.8 },
      { pattern: /\bnot in the market for\b/, weight: 0.75, carriesNegation: true },
      { pattern: /\b(?:please|can you|could you|you can|just)\s+stop\s+(?:asking|chasing|offering|suggesting|mentioning|emailing|calling)\b/, weight: 0.8, inQuestions: true },
      { pattern: /\b(?:constant|endless|relentless|non-?stop|all the|so much|too much|enough)\s+(?:of\s+the\s+)?(?:upgrade|sales|upsell|pricing|commercial|renewal)\s+(?:talk|chat|pitches|pitching|calls|emails|conversations|push|pressure|stuff)\b/, weight: 0.8 },
      { pattern: /\b(?:leave|keep|take)\s+(?:the\s+)?(?:commercial|sales|pricing|upgrade|upsell)\s+(?:stuff|side|talk|bits?|conversations?|questions?)\s+(?:out|aside|for (?:another|later|renewal)|off)\b/, weight: 0.75, inQuestions: true },
      { pattern: /\b(?:no point|no need|don't bother|no use)\s+(?:in\s+)?(?:sending|making|putting together|pitching)\s+(?:(?:us|me|another|a|the|any|more)\s+)*(?:proposals?|quotes?|pitch(?:es)?|offers?|pricing|decks?)\b/, weight: 0.8, carriesNegation: true },
      { pattern: /\b(?:tries|trying|try|tried)\s+to\s+(?:sell|upsell|upgrade)\s+(?:us|me)\b/, weight: 0.8 },
      { pattern: /\b(?:turn(?:s|ed|ing)? into|become|becomes|end(?:s)? (?:up )?(?:in|with))\s+(?:a|an|another)\s+(?:\w+\s+)?(?:conversation|discussion|chat|talk|call)\s+about\s+(?:upgrad\w*|pricing|add-?ons?|the (?:\w+\s+)?(?:tier|plan)|buying|spending|more seats)/, weight: 0.8, carriesNegation: true },
      { pattern: /\bnot\s+(?:really\s+|at all\s+)?interested in\s+(?:the|an?|any)\s+(?:[\w-]+\s+)?(?:tier|plan|upgrade|add-?ons?|module|package|edition)s?\b/, weight: 0.75, carriesNegation: true },
      { pattern: /\binterested in sell\w*\b|\bsell(?:ing)? (?:than|rather than|instead of) help\w*/, weight: 0.75 },
      { pattern: /(?<!\b(?:i|we)(?:'ll| will|'m going to) )\bstop\s+(?:talking about|bringing up|mentioning|raising|going on about)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:add-?ons?|upgrad\w*|tiers?|plans?|pricing|enterprise|seats|renewal|proposals?|quotes?)\b/, weight: 0.8, inQuestions: true },
      { pattern: /^(?=[^.?!]*\b(?:upgrad\w*|upsell\w*|sales|pricing|add-?ons?|proposals?|quotes?)\b)[^.?!]*\b(?:a bit much|getting old|tiresome|wearing thin|relentless|pushy)\b/, weight: 0.7 },
      { pattern: /\bnot\s+(?:after|looking for|shopping for|wanting)\s+(?:an?|any|another)\s+(?:upgrade|new tier|new plan|add-?on|quote|proposal)\b/, weight: 0.75, carriesNegation: true },
      { pattern: /(?:^|\bplease\s+)(?:don't|do not)\s+(?:try\s+to\s+)?(?:sell|upsell|pitch)\w*/, weight: 0.8, carriesNegation: true },
      { pattern: /\bevery\s+(?:email|call|message|meeting|conversation|check-in)\b[^.?!]{0,40}\babout\s+(?:upgrad\w*|selling|add-?ons?|pricing|more seats|the (?:\w+\s+)?tier)\b/, weight: 0.75 },
      { pattern: /\b(?:can we not|could we not|let's not|please no|no more)\s+(?:have\s+|do\s+)?(?:another|more|any)\s+(?:pricing|sales|commercial|upgrade|upsell)\s+(?:conversation|call|discussion|pitch|talk|meeting)s?\b/, weight: 0.8, carriesNegation: true, inQuestions: true },
      // Polite declines of an offer: "no, we don't want the top tier, but thanks", "we'll pass on the add-on".
      { pattern: /\b(?:don't|do not|won't|will not|wouldn't|would not)\s+(?:really\s+)?(?:want|need)\s+(?:the|a|an|any|that|this|to (?:move|go|step|upgrade|add|buy))\s+(?:[\w-]+\s+){0,3}(?:tier|plan|upgrade|add-?ons?|module|package|edition|bundle|seats|up|licen[cs]es)\b/, weight: 0.75, carriesNegation: true },
      { pattern: /\b(?:we'll|we will|i'll|i will|we're going to|i'm going to|we'd|we would|i'd|i would|going to|have to|happy to)\s+(?:\w+\s+)?pass\s+on\b/, weight: 0.75 },
      { pattern: /\b(?:thanks|thank you|appreciate (?:it|the offer)),?\s+but\s+(?:no\b|not\b|we're|we are|we'll|we will|i think we're|we're fine|we're good|we'll stick|we'll stay)[^.?!]{0,40}\b(?:fine|good|happy|ok|okay|sorted|stay|stick|pass|not|no|as we are|where we are|for now)\b/, weight: 0.75, carriesNegation: true, needsNearby: /\b(?:upgrad\w*|tier|plan|add-?ons?|module|package|edition|seats|licen[cs]es|pricing|price|quote|proposal|offer|bundle|enterprise|premium|professional)\b/ },
      { pattern: /^(?:oh,?\s+|um,?\s+|honestly,?\s+)?(?:no|nah|not for us|not for now|not right now|not this year),?\s+(?:thanks|thank you|but thanks|we're (?:fine|good|ok|okay|happy)|we'll pass|i think we're (?:fine|good|ok|okay))\b/, weight: 0.7, carriesNegation: true, needsNearby: /\b(?:upgrad\w*|tier|plan|add-?ons?|module|package|edition|seats|licen[cs]es|pricing|price|quote|proposal|offer|bundle|enterprise|premium|professional)\b/ },
      { pattern: /\b(?:we're|we are|i'm|i am|we'll|we will)\s+(?:perfectly\s+|quite\s+|really\s+)?(?:happy|fine|good|ok|okay|content|sticking|staying|stay|stick)\s+(?:with|on|where)\s+(?:what we have|what we've got|our current (?:plan|tier|setup|package|seats)|the (?:plan|tier) we're on|we are|essentials|the one we have|our (?:plan|tier))\b/, weight: 0.7, needsNearby: /\b(?:upgrad\w*|tier|add-?ons?|module|package|edition|more seats|pricing|quote|proposal|offer|bundle|enterprise|premium|move up|step up)\b/ },
    ],
  },
} as const satisfies Record<SignalId, SignalCues>;

/** @example cuesOf("seat_pressure").cues.length // 7 */
export function cuesOf(signalId: SignalId): SignalCues {
  return SIGNAL_CUES[signalId];
}
