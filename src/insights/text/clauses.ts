import type { Token } from '../../text/index.js';
import { spoken } from './leading-talk.js';

const PIECE_BREAKS = new Set([',', ';', ':', '—', '–', '--', '(', ')', '"', '“', '”']);
/** Open a clause that cannot stand alone ("if it keeps rising…"): never a headline by itself. */
const DEPENDENT = new Set([
  'if',
  'when',
  'whenever',
  'anytime',
  'where',
  'while',
  'unless',
  'although',
  'though',
  'whether',
  'until',
  'whereas',
]);
const CONDITIONAL = new Set(['if', 'unless']);
/** "X said the business is…", "I realized we…": what follows is the claim, what precedes the framing. */
const REPORTING = new Set([
  'said',
  'says',
  'say',
  'think',
  'thought',
  'believe',
  'found',
  'realized',
  'realised',
  'know',
  'knew',
  'feel',
  'guess',
  'argue',
]);
/**
 * Deny what follows: "I don't think | that X", "Nobody said | X", "The point isn't | that X". Split
 * there, the claim would say X, the opposite of what was said.
 */
const NEGATIONS = new Set(['not', "n't", 'never', 'no', 'nobody', 'none', 'neither', 'nor', 'hardly', 'barely']);
/** Negated since its last coordinator: in "they never will be and the problem is | that X", X stands. */
function isNegated(tokens: Token[]): boolean {
  const from = tokens.findLastIndex((t) => t.pos === 'CCONJ') + 1;
  return tokens.slice(from).some((t) => NEGATIONS.has(spoken(t)));
}

/** Coordinators that open a clause of its own when a subject follows ("…, and we shipped it"). */
const COORDINATORS = new Set(['and', 'but', 'so']);
const SUBJECTS = new Set([
  'i',
  'we',
  'you',
  'they',
  'he',
  'she',
  'it',
  'there',
  'people',
  'everyone',
  'nobody',
  'this',
  'that',
]);
/** Framing before the real point: "the thing is", "I think", "you know", "in the end"… */
const HEDGES = [
  'i think that',
  'i think',
  'we think',
  'i believe',
  'i feel like',
  'i feel',
  'i guess',
  'i would say',
  'i would argue',
  'i mean',
  'you know',
  'i am like',
  "i'm like",
  'i was like',
  'i am just like',
  "i'm just like",
  'of course',
  'the thing is',
  'in the end',
  'at the end of the day',
  'bottom line',
  'what we can do is',
  'what we do is',
  'what you want to do is',
  'what i would say is',
  'what i mean is',
  'here is the thing',
  'the point is',
  'the first thing is',
  'the second thing is',
  'the third thing is',
  'the other thing is',
  'the next thing is',
  'the last thing is',
  'the main thing is',
  'the big thing is',
  'another thing is',
  'the idea is',
  'for us',
  'for me',
  'to me',
  'to be honest',
  'in my opinion',
  'so',
  'and',
  'but',
  'or',
  'well',
  'like',
  'yeah',
  'yes',
  'okay',
  'ok',
  'oh',
  'now',
  'also',
  'again',
  'right',
  'look',
  'listen',
  'honestly',
  'obviously',
  'basically',
  'essentially',
  'actually',
  'really',
  'just',
  'because',
  'then',
  'um',
  'uh',
].map((h) => h.split(' '));

const NOMINAL = new Set(['NOUN', 'PROPN', 'PRON', 'NUM']);

/** One-word hedges that connect or fill, never verbs: dropped even before a preposition ("but like…"). */
const CONNECTIVES = new Set(['so', 'and', 'but', 'or', 'well', 'yeah', 'yes', 'okay', 'ok', 'oh', 'um', 'uh']);

export interface Clause {
  tokens: Token[];
  /** The clause depends on another one ("if…", "when…"), or is framing ("the point is"). */
  dependent: boolean;
  /** Opens on a verb after another clause: its subject was left behind ("…, said the…"). */
  subjectless: boolean;
  /** The main clause of an if-sentence: never shown without its condition. */
  conditional: boolean;
}

function stripHedges(tokens: Token[]): Token[] {
  let at = 0;
  for (let changed = true; changed; ) {
    changed = false;
    while (tokens[at]?.isPunct) at += 1;
    for (const h of HEDGES) {
      // "I think about agents as…", "Listen to your customers": not hedges, the verb has an object. "But like…" still is.
      const rest = tokens[at + h.length];
      const keptBeforePreposition = h.length > 1 || !CONNECTIVES.has(h[0] ?? '');
      // "The next thing is going to be agents": the frame is the subject.
      const frameIsSubject = h[h.length - 1] === 'is' && (rest?.pos === 'AUX' || rest?.pos === 'VERB');
      if (
        h.every((w, k) => tokens[at + k]?.normal === w) &&
        rest &&
        // "The point is | n't that X": the frame carries the negation.
        !/^(not|n['’]t)$/.test(rest.normal) &&
        !(keptBeforePreposition && rest.pos === 'ADP') &&
        !frameIsSubject
      ) {
        at += h.length;
        changed = true;
        break;
      }
    }
  }
  return tokens.slice(at);
}

const hasVerb = (tokens: Token[]): boolean => tokens.some((t) => t.pos === 'VERB' || t.pos === 'AUX');

/** "LangChain, the open source tool, is a tool for…": the verb gets its subject back, not the aside. */
function reattachSubjects(clauses: Clause[]): void {
  let subject: Clause | undefined;
  for (const c of clauses) {
    if (!hasVerb(c.tokens)) {
      // "in particular" is an aside, not a subject; "almost all of them" is one.
      if (c.tokens[0]?.pos !== 'ADP' && c.tokens.some((t) => NOMINAL.has(t.pos))) subject ??= c;
      continue;
    }
    if (c.subjectless && subject && !subject.dependent) {
      c.tokens = [...subject.tokens, ...c.tokens];
      c.subjectless = false;
    }
    subject = undefined;
  }
}

/** Splits one sentence into clauses at punctuation, subordinators, "X is that Y" and "…, and we…". */
export function clausesOf(sentence: Token[]): Clause[] {
  const out: Clause[] = [];
  let current: Token[] = [];
  let dependent = false;
  const flush = (nextDependent: boolean): void => {
    // Punctuation glued inside a word stays ("thirty-eight", "Seths.blog"); the rest goes.
    const tokens = stripHedges(
      current.filter((t, i) => !t.isPunct || (t.space === '' && current[i + 1]?.space === '')),
    );
    const first = tokens[0];
    const subjectless = out.length > 0 && (first?.pos === 'VERB' || first?.pos === 'AUX');
    if (tokens.some((t) => t.isWord)) out.push({ tokens, dependent, subjectless, conditional: false });
    current = [];
    dependent = nextDependent;
  };
  sentence.forEach((t, i) => {
    const next = sentence[i + 1];
    const previous = current[current.length - 1];
    const opensClause = current.length > 0 && next !== undefined && !next.isPunct;
    // A hyphen breaks a clause only with a space beside it ("low-level" is one word).
    const dash = t.value === '-' && (t.space !== '' || next?.space !== '');
    if (dash || PIECE_BREAKS.has(t.value) || (/^[.!?…]+$/.test(t.value) && next?.space !== '')) {
      flush(false);
    } else if (
      (DEPENDENT.has(t.normal) || (t.normal === 'as' && (next?.pos === 'PRON' || next?.pos === 'DET'))) &&
      next &&
      !next.isPunct
    ) {
      if (current.length > 0) flush(true);
      else dependent = true;
      current.push(t);
    } else if (opensClause && (t.normal === 'because' || (COORDINATORS.has(t.normal) && SUBJECTS.has(next.normal)))) {
      // "because the base is big" stands alone once "because" goes.
      flush(false);
    } else if (
      REPORTING.has(t.normal) &&
      (current.length > 0 || out.length > 0) &&
      !isNegated(current) &&
      next &&
      (next.pos === 'DET' || next.pos === 'PROPN' || SUBJECTS.has(next.normal))
    ) {
      current.push(t);
      dependent = true;
      flush(false);
    } else if (t.normal === 'that' && t.pos === 'SCONJ' && current.length === 0 && out.at(-1)?.dependent) {
      // "We argue | that the evaluation should…": the complementizer belongs to the framing, not the claim.
    } else if (
      t.normal === 'that' &&
      !isNegated(current) &&
      (previous?.pos === 'AUX' ||
        previous?.normal === 'is' ||
        previous?.normal === 'was' ||
        REPORTING.has(previous?.normal ?? ''))
    ) {
      // "The point is that we…": the left side is framing, the right side is the claim.
      dependent = true;
      flush(false);
    } else current.push(t);
  });
  flush(false);
  reattachSubjects(out);
  // "If it keeps rising, the market has decided": alone, the main clause would state as a fact
  // what was said only under a condition.
  if (sentence.some((t) => CONDITIONAL.has(t.normal))) {
    for (const c of out) c.conditional = !CONDITIONAL.has(c.tokens[0]?.normal ?? '');
  }
  return out;
}
