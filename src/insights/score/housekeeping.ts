import { phrasePattern } from '../../text/index.js';
import type { EpisodeDoc, Sentence } from '../document/index.js';

/** Opens a sponsor read or self-promotion that runs on for several sentences. */
const SPONSOR_START = phrasePattern([
  'brought to you by',
  'sponsored by',
  /(this|today's) (episode|show|portion|segment)\b[^.]{0,60}\b(sponsor|support)/,
  /a word from our sponsors?/,
  /our (new |latest )?(course|book|sponsors?)\b/,
  'exciting new course',
]);

/** Typical of an ad's call to action; ends a sponsor read when it is the last such sentence. */
const SPONSOR_CLOSE = phrasePattern(
  [
    phrasePattern(
      [
        /[a-z0-9-]+\.(com|fm|io|org|co|ai|net)/,
        'promo code',
        /use (the )?code/,
        'discount',
        'free trial',
        /support(ing)? the show/,
        /show ?notes/,
        'sign up',
        /try (it|them)\b[^.]{0,20}\bfree/,
        'percent off',
      ],
      { end: 'word' },
    ),
    // "link in your podcast app": the word may run on.
    /\blink (is )?in (your|the) (podcast|show)/,
    /% off\b/,
  ],
  { start: 'any' },
);

/** One-sentence housekeeping, intros, outros and small talk. */
const HOUSEKEEPING = phrasePattern([
  // ads
  'promo code',
  /use (the )?code/,
  'brought to you by',
  'sponsored by',
  /[a-z0-9-]+\.(com|fm|org|net)\b/,
  // welcomes and thanks
  /welcome (back )?to (the |this |my |our |another )?(show|podcast|episode)/,
  /welcome to [a-z0-9 ]{2,40} (podcast|show)/,
  /thanks? (you )?(so much )?for (having|listening|tuning|joining|coming on|being (here|on))/,
  'glad to be here',
  'thanks again',
  'happy to be here',
  /great to (be|have you) (here|on)/,
  /(excited|great|good|nice|happy) to (have|see) you (back|here|on|again)/,
  /good morning,? [a-z]+s\b/,
  /(tuning|tuned) in(to)?\b[^.]{0,60}\b(podcast|episode|show)/,
  // asks of the listener
  'subscribe',
  /rate(,)? (and )?review/,
  /leave (us )?a review/,
  /follow (me|us|the (show|podcast)) on/,
  'patreon',
  /links? (is |are )?in the (show ?notes|description)/,
  /find me (on|at)/,
  'reach out to me',
  /(send|point) [^.]{1,40} my way/,
  // hosts and guests introduced
  /(you're|you are) listening to/,
  'this is your host',
  /my guest (today )?is/,
  'today my guest is',
  /joining me (today )?(is|are)/,
  /let's get (on )?(in)?to (that|the) interview/,
  /with that,? i bring you/,
  'without further ado',
  /you (chatted|talked|spoke|said|mentioned)\b[^.]{0,30}\bon your\b[^.]{0,60}\b(podcast|show)\b/,
  // the host steering the conversation
  /where can (folks|people|listeners) find you/,
  'how can listeners be useful',
  'lightning round',
  /what i'm (hearing|getting from this)/,
  "if i'm hearing you",
  "it sounds like you're saying",
  /wrap (this|it|things) up/,
  /questions? (come|comes|coming) in/,
  /in the (chat|comments)\b/,
  /hopefully (that|this|it)('s|’s| is| was)? (also |really )?(relevant|useful|helpful|interesting) (for|to) (our |your |the )?(listeners|audience)\b/,
  // sign-offs
  /see you next (time|week)/,
  'until next time',
  /that's (all|it) for (today|this (episode|week))/,
  'this has been another episode',
]);

/** Self-promotion and offers: the guest's book, the host's course, "two weeks free". */
const PROMO = phrasePattern([
  /(i|we) (do |also )?(have|run|wrote|write|launched) (an? |my |our )(new )?(course|newsletter|book|blog|substack|community)\b/,
  /(for |try it )?(two|2|one|1|seven|7|14|30) (weeks?|days?|months?) (for )?free\b/,
  /get started (for |with )?[^.]{0,30}\bfree\b/,
  /you'?ll find everything you need/,
]);

/** Marks the end of a cold open / intro block. */
const INTERVIEW_START = phrasePattern(
  [
    /let's get (on )?(in)?to (that|the) interview/,
    /with that,? i bring you/,
    'without further ado',
    /and now,? (here's|on to) (my|the|our) (conversation|interview)/,
  ],
  { end: 'word' },
);

/** A host introducing the guest or the episode: the rest of that turn is preamble. */
const INTRO_CUE = phrasePattern(
  [
    /my guest (today )?is/,
    "today's guest",
    /joining me (today )?(is|are)/,
    /today (we're|we are) (going to be )?(talking|joined)/,
    /(in|on) (this|today's) (episode|show)/,
    /(we're|we are) (gonna|going to) (talk|dive|get) (through|about|into)/,
  ],
  { end: 'word' },
);

const OUTRO_START =
  /\b(this has been another episode|that's (all|it) for (today|this (episode|week))|thanks? (you )?(so much )?for (listening|tuning in))\b/;

const SPONSOR_WINDOW_SECONDS = 150;
/** Intros, cold opens and their cues sit in this opening share of the episode. */
const INTRO_SHARE = 0.15;

export interface Housekeeping {
  /** Sentences that must never be quoted (ads, promos, intros, outros). */
  excluded: boolean[];
  /** Sentences before the interview proper (cold open, host intro): down-weighted, not excluded. */
  preamble: boolean[];
  /** Sentences the show repeats across its episodes (see recurring.ts): a passage holding one scores 0 (rank.ts), so it never becomes an insight. */
  recurring: boolean[];
}

export function findHousekeeping(
  doc: EpisodeDoc,
  recurring: boolean[] = new Array<boolean>(doc.sentences.length).fill(false),
): Housekeeping {
  const { sentences } = doc;
  const lower = sentences.map((s) => doc.layout.text.slice(s.charStart, s.charEnd).toLowerCase());
  const excluded = lower.map((t) => HOUSEKEEPING.test(t) || PROMO.test(t));
  const preamble = new Array<boolean>(sentences.length).fill(false);
  const span = Math.max(1, doc.end - doc.start);

  lower.forEach((text, i) => {
    if (!SPONSOR_START.test(text)) return;
    const trigger = sentences[i] as Sentence;
    let last = i;
    for (let j = i + 1; j < sentences.length; j += 1) {
      const s = sentences[j] as Sentence;
      if (s.turn !== trigger.turn || s.start - trigger.start > SPONSOR_WINDOW_SECONDS) break;
      if (s.spanFirst <= trigger.spanLast || SPONSOR_CLOSE.test(lower[j] ?? '')) last = j;
      if (INTERVIEW_START.test(lower[j] ?? '')) break;
    }
    for (let j = i; j <= last; j += 1) excluded[j] = true;
  });

  const interviewAt = lower.findIndex(
    (t, i) => INTERVIEW_START.test(t) && ((sentences[i]?.start ?? 0) - doc.start) / span < 0.25,
  );
  for (let j = 0; j < interviewAt; j += 1) preamble[j] = true;
  lower.forEach((t, i) => {
    const s = sentences[i] as Sentence;
    const early = (k: number): boolean => ((sentences[k]?.start ?? 0) - doc.start) / span <= INTRO_SHARE;
    if (!INTRO_CUE.test(t) || !early(i)) return;
    // Without speaker labels the whole episode is one turn: the intro ends with the opening share.
    for (let j = i; j < sentences.length && sentences[j]?.turn === s.turn && early(j); j += 1) preamble[j] = true;
  });

  const outroAt = lower.findIndex(
    (t, i) => OUTRO_START.test(t) && ((sentences[i]?.start ?? 0) - doc.start) / span > 0.9,
  );
  if (outroAt >= 0) for (let j = outroAt; j < sentences.length; j += 1) excluded[j] = true;
  return { excluded, preamble, recurring };
}
