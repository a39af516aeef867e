import { phrasePattern } from '../../text/index.js';

const ADVICE = phrasePattern(
  [
    /you (should|shouldn't|need to|have to|must|want to make sure)/,
    'make sure',
    /i (would|'d) (recommend|suggest)/,
    'my advice',
    /the (best|right) way/,
    'rule of thumb',
  ],
  { end: 'word' },
);

/** Phrases that mark a passage as a claim, a reason, a contrast or a piece of advice. */
const CLAIM_PATTERNS: Array<[RegExp, number]> = [
  [ADVICE, 1],
  [/\bthe (key|trick|secret|lesson|point|goal|problem|mistake|reason|answer|difference|challenge|idea) (is|was)\b/, 1],
  [/\b(the most important|the biggest|the hardest|the number one|what (i've|we've) (learned|found|seen))\b/, 1],
  [/\b(because|therefore|which means|that's why|leads? to|results? in|so that|as a result)\b/, 0.6],
  // "however" contrasts as a connector ("however, …", "…, however."), not in "however you want to say it".
  [
    /\b(instead|whereas|although|rather than|on the other hand|the opposite)\b|(^|[.;:!?]\s+)however\b|\bhowever(?=\s*([,.;:!?]|$))/,
    0.6,
  ],
  [/\b(always|never|every single|no one|nobody|everyone)\b/, 0.4],
  [/(\d|\b(percent|half|twice|double|triple|million|billion|thousand|hundred)\b)/, 0.6],
];

/** Claim strength of a passage's lower-cased text in [0, 1]. */
export function claimStrength(lowerText: string): number {
  let score = 0;
  for (const [re, weight] of CLAIM_PATTERNS) if (re.test(lowerText)) score += weight;
  return Math.min(1, score / 2.5);
}

const LEADING_MARKERS =
  /^(?:(?:and|so|but|or|well|yeah|yes|okay|ok|right|now|oh|um|uh|like|look|i mean|you know|anyway|and so|so yeah)\b[\s,.-]*)+/;
const DANGLING = phrasePattern(
  [
    // pronouns and pointers
    'it',
    "it's",
    'that',
    "that's",
    'this',
    'these',
    'those',
    'they',
    "they're",
    'them',
    'he',
    "he's",
    'she',
    "she's",
    'which',
    'then',
    'also',
    'both',
    'such',
    // an addition or a place for something said before ("even here, …", "even more", "there we
    // learned …"); not "even if …", "Even senior engineers …" nor an existential "there is"
    /even(?= (here|there|then|now|that|this|so|more|less|better|worse)\b)/,
    /(here|there)(?=\s*,|\s+(i|we|you|he|she|they|it)\b)/,
    // back-references to the conversation
    'i say all',
    /all (of )?that/,
    /as i (said|mentioned)/,
    'like i said',
    'to your point',
    'going back to',
    // reactions to the last speaker
    'exactly',
    'absolutely',
    'totally',
    '100 percent',
    /thanks(?! to)/,
    'thank you',
    /(that's a )?(great|good) (question|point)(?![-\w])/,
    /(so )?happy to/,
  ],
  { start: 'text', end: 'word' },
);
/** A passage that only announces what comes next ("Let me give you an example."). */
const SETUP_END = /(\b(i'm going to|i want to|let me|i'll) (give|tell|share|talk|explain|walk)\b[^.?!]*[.?!]?|:)\s*$/;

/** Points at a later part of the show ("we'll talk more about that down the line"): about the episode, not the topic. */
const REFERS_AHEAD = phrasePattern([
  /(talk|get into|come back to)\b[^.?!]{0,40}\bdown the line/,
  /later (on )?in (the|this) (show|episode|conversation|interview)/,
  /after the break(?![-\w])/,
  /more on that (later|in a (bit|minute|second|moment))/,
  // only at the end of the passage: "we'll come back to that."
  /(we'll|we will|i'll|i will) (get|come back|circle back) to (that|this|it)( (later|shortly|soon|in a (bit|minute|second|moment)))?\s*([.!?]|$)/,
]);

export function endsOnSetup(lowerText: string): boolean {
  return SETUP_END.test(lowerText) || REFERS_AHEAD.test(lowerText);
}

/** True when the passage opens on a word that points back at something the reader has not seen. */
export function startsDangling(lowerText: string): boolean {
  return DANGLING.test(lowerText.replace(LEADING_MARKERS, ''));
}

const GENERIC_SUBJECTS = new Set([
  'you',
  'your',
  'yourself',
  'people',
  'everyone',
  'everybody',
  'anyone',
  'someone',
  'teams',
  'companies',
  'leaders',
  'folks',
  'users',
  'customers',
]);
const FIRST_PERSON = new Set(['i', 'me', 'my', 'myself']);
const MODALS = new Set([
  'should',
  'need',
  'needs',
  'must',
  'have',
  'can',
  'will',
  'always',
  'never',
  'important',
  'key',
  'best',
]);
const PAST = new Set(['was', 'were', 'did', 'had', 'said', 'went', 'told', 'remember', 'asked', 'came']);
const HESITATION = new Set([
  'um',
  'uh',
  'like',
  'kind',
  'sort',
  'mean',
  'know',
  'yeah',
  'guess',
  'maybe',
  'probably',
  'stuff',
  'whatever',
]);

export interface StyleSignals {
  /** Generic, advice-like framing ("you", "people", modals) per word, 0–1. */
  advice: number;
  /** First-person storytelling per word, 0–1. */
  narrative: number;
  /** Share of words that are not hesitation or hedging, 0–1. */
  fluency: number;
}

/** Cheap style cues from normalised word tokens. */
export function styleSignals(normals: string[]): StyleSignals {
  let generic = 0;
  let first = 0;
  let modal = 0;
  let past = 0;
  let hesitation = 0;
  for (const w of normals) {
    if (GENERIC_SUBJECTS.has(w)) generic += 1;
    if (FIRST_PERSON.has(w)) first += 1;
    if (MODALS.has(w)) modal += 1;
    if (PAST.has(w)) past += 1;
    if (HESITATION.has(w)) hesitation += 1;
  }
  const n = Math.max(1, normals.length);
  return {
    advice: Math.min(1, ((generic + modal) / n) * 8),
    narrative: Math.min(1, ((first + past) / n) * 8),
    fluency: 1 - Math.min(1, (hesitation / n) * 5),
  };
}
