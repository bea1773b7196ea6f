/**
 * Cues a general sentiment lexicon misses, from rules and word lists written for a support
 * community: a post can be polite and positive in tone and still say production is down.
 */
export const CUES = ['FRUSTRATION', 'URGENCY', 'CONFUSION', 'CHURN_RISK', 'GRATITUDE'] as const;
export type Cue = (typeof CUES)[number];

/** Phrases per cue, matched case-insensitively on word boundaries over the author's own words. */
const RULES: Record<Cue, RegExp[]> = {
  URGENCY: [
    /\basap\b/,
    /\bas soon as possible\b/,
    /\burgent(ly)?\b/,
    /\b(production|prod|site|server|service|app|checkout|everything|system) (is|was|went|goes|are) (down|offline)\b/,
    /\b(outage|emergency|sev ?1|p1)\b/,
    /\bblock(ing|er|ed by this)\b/,
    /\bdeadline\b/,
    /\b(immediately|right away|right now)\b/,
    /\btime[- ]sensitive\b/,
    /\blosing (money|customers|sales|data)\b/,
    /\bcustomers (can't|cannot|are unable to) /,
    /\bneed (a |this )?(fix|help|answer) (today|now|fast|quickly)\b/,
  ],
  FRUSTRATION: [
    /\bstill (broken|not working|failing|happening|crashing|doesn't work|does not work)\b/,
    /\b(second|third|fourth|fifth|\d+(st|nd|rd|th)) time\b/,
    /\bridiculous\b/,
    /\bunacceptable\b/,
    /\bfrustrat(ed|ing|ion)\b/,
    /\bfed up\b/,
    /\bsick (and tired )?of\b/,
    /\bwaste of (my |our )?time\b/,
    /\bagain and again\b/,
    /\bover and over\b/,
    /\bnothing works\b/,
    /\b(annoying|infuriating|useless|terrible|awful)\b/,
    /\bhow many times\b/,
    /\bgive up\b/,
    /\bfor (days|weeks|months)\b/,
  ],
  CONFUSION: [
    /\b(i|we) (don't|do not|dont|can't|cannot) (understand|figure out|tell)\b/,
    /\bconfus(ed|ing|ion)\b/,
    /\bwhat (does|do|is) [^.?!\n]{1,60}? (mean|for)\b/,
    /\b(makes|make) no sense\b/,
    /\b(doesn't|does not|don't) make (any )?sense\b/,
    /\bunclear\b/,
    /\bnot (clear|sure) (what|how|why|whether|if)\b/,
    /\bno idea (what|how|why|where)\b/,
    /\bhow (am i|are we|is one) supposed to\b/,
    /\bcan (someone|somebody|anyone) explain\b/,
    /\b(i'm|i am|we're|we are) lost\b/,
    /\bpuzzl(ed|ing)\b/,
  ],
  CHURN_RISK: [
    /\bcancel(l?ing)? (my|our|the) (subscription|account|plan|contract|license|licence)\b/,
    /\bswitch(ing)? to\b/,
    /\blooking (for|at) (an )?alternatives?\b/,
    /\balternatives? to\b/,
    /\b(not|won't|will not) (be )?renew(ing)?\b/,
    /\bmov(e|ing) (away from|to (a )?(competitor|another))\b/,
    /\b(ask(ing)? for|want|demand) (a )?refund\b/,
    /\b(thinking|considering) (of |about )?(leaving|switching|cancel)/,
    /\blast chance\b/,
  ],
  GRATITUDE: [
    /\bthanks?\b(?! in advance)/,
    /\bthank you\b(?! in advance)/,
    /\b(thx|ty|kudos)\b/,
    /\bsaved (my|our) (day|life|bacon|week|project)\b/,
    /\bsaved me\b/,
    /(?<!would |'d )\b(really |much )?appreciated?\b/,
    /\bgrateful\b/,
    /\byou (rock|are a lifesaver|are awesome)\b/,
    /\blifesaver\b/,
  ],
};

/** Words that turn a cue around when they come just before it in the same clause ("not urgent"). */
const NEGATORS = new Set([
  'not',
  'no',
  'never',
  'nothing',
  'without',
  'hardly',
  'isnt',
  'arent',
  'wasnt',
  'werent',
  'dont',
  'doesnt',
  'didnt',
  'wont',
  'cant',
  'cannot',
  'neither',
  'nor',
]);
/** How many words before a cue a negator reaches. */
const NEGATION_REACH = 3;

/** Straight quotes and lower case, so the word lists need one spelling. */
export function normalize(text: string): string {
  return text
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .toLowerCase();
}

/** Whether the words just before `index` (in its clause) negate what follows. */
export function isNegated(text: string, index: number): boolean {
  const before = text.slice(0, index);
  const clause = before.split(/[.;:!?,\n]|\bbut\b/).at(-1) ?? '';
  const words = clause
    .replace(/'/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .slice(-NEGATION_REACH);
  return words.some((w) => NEGATORS.has(w));
}

/** The cues in `text` (already the author's own words), in CUES order. */
export function detectCues(text: string): Cue[] {
  const normalized = normalize(text);
  return CUES.filter((cue) =>
    RULES[cue].some((rule) => {
      const global = new RegExp(rule.source, 'g');
      for (const match of normalized.matchAll(global)) {
        if (!isNegated(normalized, match.index)) return true;
      }
      return false;
    }),
  );
}
