import type { PartOfSpeech } from 'wink-nlp';
import { isContentToken, termOf, type Token } from '../../text/index.js';
import { type Clause, clausesOf } from './clauses.js';
import { nounPhrases } from './noun-phrases.js';
import { renderKept } from './clean.js';
import { repeatsOpening } from './headline-check.js';
import { capitalizedStart, leadingTalkLength, opensOnTalkTokens } from './leading-talk.js';

export const HEADLINE_MAX_WORDS = 12;
const MIN_WORDS = 4;
/** A headline never ends on these: "…toward half of", "…and the". */
const WEAK_END = new Set<PartOfSpeech>([
  'DET',
  'ADP',
  'CCONJ',
  'SCONJ',
  'PRON',
  'AUX',
  'PART',
  'PUNCT',
  'SYM',
  'INTJ',
  'ADV',
]);
/** Words a headline can lose without changing what it says. */
const SOFTENERS = new Set([
  'basically',
  'really',
  'actually',
  'literally',
  'honestly',
  'obviously',
  'definitely',
  'totally',
  'just',
  'specifically',
  'essentially',
]);
/** Point back at something the reader has not seen. */
const DANGLING_START = new Set([
  'it',
  'that',
  'this',
  'these',
  'those',
  'they',
  'them',
  'he',
  'she',
  'his',
  'her',
  'their',
  'which',
  'such',
]);
const NOUNISH = new Set<PartOfSpeech>(['NOUN', 'PROPN', 'NUM']);
const OBJECT_START = new Set<PartOfSpeech>(['DET', 'NOUN', 'PROPN', 'PRON', 'ADJ', 'NUM']);

/** Words as a reader counts them: runs of tokens with no space between ("thirty-eight", "API's"). */
function wordsOf(tokens: Token[]): Array<[number, number]> {
  const words: Array<[number, number]> = [];
  tokens.forEach((t, i) => {
    const last = words[words.length - 1];
    if (last && t.space === '' && last[1] === i - 1) last[1] = i;
    else words.push([i, i]);
  });
  return words.filter(([a, b]) => tokens.slice(a, b + 1).some((t) => t.isWord));
}

/** The token that speaks for a word: its last word token ("eight" in "thirty-eight"). */
function headOf(tokens: Token[], [a, b]: [number, number]): Token {
  for (let i = b; i > a; i -= 1) if (tokens[i]?.isWord) return tokens[i] as Token;
  return tokens[a] as Token;
}

const isVerb = (t: Token): boolean => t.pos === 'VERB' || t.pos === 'AUX';
/** "to" before a verb, "not": wink tags them PART, which its typings leave out. */
const partOf = (t: Token): boolean => (t.pos as string) === 'PART';

/** Contractions wink sometimes reads as one proper noun ("I'm"): never a last word. */
const CONTRACTION = /^(i|you|we|they|it|that|there|he|she)['’](m|re|s|ve|d|ll)$/;
/** "catch up", "figure out": the verb is not finished without its particle. */
const PARTICLES = new Set(['up', 'out', 'off', 'down', 'over', 'back', 'through', 'thru', 'away']);
/** Open a clause inside the headline that needs its own verb before the headline may end. */
const RELATIVIZERS = new Set(['that', 'who', 'which', 'whom', 'whose']);

/** "…the work that…", "…understands what…" (not opening the headline); not "mix that up" or "that trade". */
function opensRelative(word: Token, before: Token | undefined, clauseAhead: boolean): boolean {
  if (!before) return false;
  if (word.normal === 'what') return true;
  // "…don't know that the cluster" + "is failing": the verb's complement still owes its own verb.
  if (word.normal === 'that' && word.pos === 'SCONJ' && isVerb(before) && clauseAhead) return true;
  // wink often tags a relative "that" as a determiner ("the work that protocol architects…").
  return RELATIVIZERS.has(word.normal) && (before.pos === 'NOUN' || before.pos === 'PROPN');
}

type RelativeStep = 'opens' | 'closes' | 'main-verb' | 'other';

/**
 * Whether a subject and, later, a verb follow the token at `at`: a clause may open there. Without
 * them "make that/SCONJ trade", "keep that/SCONJ in mind" hold a mistagged determiner or pronoun.
 * The last verb is found once, so asking at every word stays linear in the sentence.
 */
function clauseAheadIn(tokens: Token[]): (at: number) => boolean {
  const lastVerb = tokens.findLastIndex(isVerb);
  return (at) => {
    const next = tokens[at + 1];
    return next !== undefined && OBJECT_START.has(next.pos) && lastVerb >= at + 2;
  };
}

/**
 * Follows relative and "what" clauses word by word: which verb belongs to the main clause, and
 * whether a clause is still waiting for its verb. "…what can this model" + "do": an auxiliary
 * right after "what" is a question's, not the clause's verb. A clause that closes on an auxiliary
 * keeps the verbs of its group ("the applications that is" + "running" has no main verb).
 */
/** How a participle ends (running, hired, taken, known); irregular ones (made, built) read as main verbs. */
const PARTICIPLE = /(?:ing|ed|en|wn)$/;

function relativeClauses(): {
  step(word: Token, before: Token | undefined, isVerbWord: boolean, clauseAhead: boolean): RelativeStep;
  readonly open: boolean;
} {
  let open = false;
  let closedOnAux = false;
  return {
    get open() {
      return open;
    },
    step(word, before, isVerbWord, clauseAhead) {
      if (opensRelative(word, before, clauseAhead)) {
        open = true;
        closedOnAux = false;
        return 'opens';
      }
      if (
        closedOnAux &&
        ((isVerbWord && (word.pos === 'AUX' || PARTICIPLE.test(word.normal))) || word.pos === 'ADV' || partOf(word))
      ) {
        // "…that is still running", "…that has been running": the group ends on its participle. A verb
        // of another form is the main clause's ("Teams that are already ahead ship twice as often").
        closedOnAux = word.pos === 'AUX' || word.pos === 'ADV' || partOf(word);
        return 'other';
      }
      closedOnAux = false;
      if (!isVerbWord) return 'other';
      if (!open) return 'main-verb';
      if (word.pos === 'AUX' && before?.normal === 'what') return 'other';
      open = false;
      closedOnAux = word.pos === 'AUX';
      return 'closes';
    },
  };
}

/** Can the headline end after `last`? Strict: on a noun phrase or a verb with nothing owed after it. */
function endsWell(last: Token, next: Token | undefined, strict: boolean, before?: Token): boolean {
  // "…what I'm going through": the particle finishes its verb.
  const particle =
    PARTICLES.has(last.normal) && before !== undefined && isVerb(before) && (!next || !OBJECT_START.has(next.pos));
  if (!particle && (WEAK_END.has(last.pos) || SOFTENERS.has(last.normal) || CONTRACTION.test(last.normal)))
    return false;
  // "…don't know" + "that…": the verb owes its complement.
  if (next && isVerb(last) && next.normal === 'that' && next.pos === 'SCONJ') return false;
  // "…is going" + "to": the phrase is not finished.
  if (next && (partOf(next) || next.normal === 'to')) return false;
  // "…cut total" + "sleep", "…paired them with two" + "of our engineers": something is still owed.
  if (next && isVerb(last) && (OBJECT_START.has(next.pos) || PARTICLES.has(next.normal))) return false;
  if (next?.normal === 'of' && last.pos === 'NUM') return false;
  // "…is an interesting" + "opportunity": an article's adjective still owes its noun.
  if (last.pos === 'ADJ' && (before?.normal === 'a' || before?.normal === 'an')) return false;
  // "…those model" + "setting parameters": a noun before an -ing word is usually a compound.
  if (next && NOUNISH.has(last.pos) && next.pos === 'VERB' && next.normal.endsWith('ing')) return false;
  // "…small lean" + "teams": do not split a noun phrase.
  if (next && (NOUNISH.has(next.pos) || next.pos === 'ADJ') && (last.pos === 'ADJ' || NOUNISH.has(last.pos)))
    return false;
  if (!strict || !next) return true;
  // "…what their life" + "will be": the noun is the subject of a verb still to come.
  if (isVerb(next)) return false;
  // "…teams that are tasked" + "to build": the verb still owes its complement.
  return NOUNISH.has(last.pos) || (last.pos === 'ADJ' && next.pos !== 'PART' && next.pos !== 'ADP');
}

/**
 * Longest prefix of at most HEADLINE_MAX_WORDS words that ends well: first one that makes a
 * claim (has a verb) and ends strictly, then one with a verb, then any.
 */
function cut(tokens: Token[]): Token[] {
  const words = wordsOf(tokens);
  const clauseAhead = clauseAheadIn(tokens);
  for (const [strict, verb] of [
    [true, true],
    [false, true],
    [false, false],
  ] as const) {
    // A verb inside a relative clause ("the companies that we studied") does not make a claim.
    let hasVerb = false;
    // "…the work that protocol architects" + "go through": a relative clause still owes its verb.
    const relative = relativeClauses();
    let verbBeforeRelative = false;
    let best = 0;
    for (let end = 1; end <= Math.min(words.length, HEADLINE_MAX_WORDS); end += 1) {
      const last = headOf(tokens, words[end - 1] as [number, number]);
      const before = end >= 2 ? headOf(tokens, words[end - 2] as [number, number]) : undefined;
      const next = words[end] ? tokens[(words[end] as [number, number])[0]] : undefined;
      // "isn't" is one word whose last token is "n't": any verb token makes the word a verb.
      const [from, to] = words[end - 1] as [number, number];
      const verbWord = tokens.slice(from, to + 1).some(isVerb);
      const step = relative.step(last, before, verbWord, clauseAhead(to));
      if (step === 'opens') verbBeforeRelative = hasVerb;
      else if (step === 'main-verb') hasVerb = true;
      // "…isn't what can this model do": the verb that closes such a clause may end the headline.
      const closes = step === 'closes' && verbBeforeRelative && !next;
      if (end >= MIN_WORDS && !relative.open && (hasVerb || !verb) && (closes || endsWell(last, next, strict, before)))
        best = end;
    }
    if (best > 0) return tokens.slice(0, (words[best - 1] as [number, number])[1] + 1);
  }
  return [];
}

/** Pronouns the tagger sometimes reads as verbs ("fast as hell, and everything/VERB is upstream"). */
const INDEFINITE_PRONOUNS = new Set([
  'everything',
  'everyone',
  'everybody',
  'something',
  'someone',
  'somebody',
  'anything',
  'anyone',
  'anybody',
  'nothing',
  'nobody',
]);

/** The tokens with the tagger's known slips undone, so a pronoun is never the clause's verb. */
function retagged(tokens: Token[]): Token[] {
  return tokens.map((t) => (INDEFINITE_PRONOUNS.has(t.normal) && t.pos !== 'PRON' ? { ...t, pos: 'PRON' } : t));
}

/** Drops softeners, and "kind of" / "sort of" used as hedges ("kind of sitting", not "a kind of car"). */
function unsoftened(tokens: Token[]): Token[] {
  return tokens.filter((t, i) => {
    if (SOFTENERS.has(t.normal)) return false;
    const hedge = (w: Token | undefined, of: Token | undefined, before: Token | undefined): boolean =>
      (w?.normal === 'kind' || w?.normal === 'sort') &&
      of?.normal === 'of' &&
      before?.pos !== 'DET' &&
      before?.pos !== 'ADJ';
    return !hedge(t, tokens[i + 1], tokens[i - 1]) && !hedge(tokens[i - 1], t, tokens[i - 2]);
  });
}

function weightOf(words: Token[], weight: (t: string) => number): number {
  let w = 0;
  for (const t of words) if (isContentToken(t)) w += weight(termOf(t));
  return w;
}

/** "Is backed by…", "Means that…", "To putting…": the subject was left in another clause. */
function isFragment(words: Token[]): boolean {
  const first = words[0];
  const imperative = first?.normal === 'do' && (words[1]?.normal === 'not' || words[1]?.normal === "n't");
  // "Podcasting is growing": a gerund can be the subject.
  const gerundSubject = first?.pos === 'VERB' && first.normal.endsWith('ing') && words[1]?.pos === 'AUX';
  // "No matter how many conversations you have…" depends on what follows it.
  const noMatter = first?.normal === 'no' && words[1]?.normal === 'matter';
  // "…strengths and weaknesses and navigate that": the verb belongs to a subject said earlier.
  const verbAt = words.findIndex(isVerb);
  const coordinated = verbAt > 0 && words[verbAt - 1]?.pos === 'CCONJ';
  return (
    noMatter ||
    coordinated ||
    (first?.pos === 'AUX' && !imperative) ||
    first?.pos === 'ADP' ||
    (first !== undefined && partOf(first)) ||
    (first?.pos === 'VERB' && /(s|ed|ing)$/.test(first.normal) && !gerundSubject)
  );
}

/** The first verb outside a relative clause ("The companies that we studied" has none), or -1. */
function mainVerbAt(words: Token[]): number {
  const relative = relativeClauses();
  const clauseAhead = clauseAheadIn(words);
  return words.findIndex((w, i) => relative.step(w, words[i - 1], isVerb(w), clauseAhead(i)) === 'main-verb');
}

/** A claim beats a weightier verbless phrase unless it carries less than this share of its weight ("We're starting to see"). */
const CLAIM_MIN_SHARE = 0.5;
const SUBJECT_POS = new Set<PartOfSpeech>(['NOUN', 'PROPN', 'PRON', 'NUM']);

/** Says something about something: a subject before its verb, or an instruction ("Make sure…"). */
function readsAsClaim(words: Token[]): boolean {
  const verbAt = mainVerbAt(words);
  if (verbAt < 0 || isFragment(words)) return false;
  return verbAt === 0 || words.slice(0, verbAt).some((t) => SUBJECT_POS.has(t.pos));
}

function value(words: Token[], weight: (t: string) => number, salience: number, subjectless: boolean): number {
  let w = weightOf(words, weight);
  if (!words.some(isVerb)) w *= 0.6;
  if (!words.some((t) => NOUNISH.has(t.pos))) w *= 0.6;
  if (subjectless || isFragment(words)) w *= 0.3;
  return w * salience;
}

interface Candidate {
  words: Token[];
  value: number;
}

function better(a: Candidate | undefined, words: Token[], v: number): Candidate | undefined {
  return words.length > 0 && (!a || v > a.value) ? { words, value: v } : a;
}

/** One sentence as headlines read it: its kept words, and its clauses with softeners dropped and the tagger's slips undone. */
export interface HeadlineSentence {
  kept: Token[];
  clauses: Clause[];
  /** The kept words the clauses were split from. */
  words: Token[];
}

/** The passage analysed once for makeHeadline and hasStandaloneClaim, which read the same clauses. */
export function headlineSentences(sentences: Token[][], keeps: boolean[][]): HeadlineSentence[] {
  return sentences.map((tokens, s) => {
    const kept = tokens.filter((_, i) => keeps[s]?.[i]);
    const words = retagged(unsoftened(kept));
    return { kept, words, clauses: clausesOf(words) };
  });
}

/**
 * A short extractive headline that reads as a claim: the clause of the passage that carries the
 * most weight (rare, central words) and has a subject and a verb, framing removed, cut to at most
 * twelve words at the end of a phrase, unless it says much less than the best verbless clause or
 * noun phrase of three words or more. Failing those, a claim that opens on a pronoun pointing
 * back ("they are obsessed with…"); then a clause that depends on another ("when…"). The main
 * clause of an if-sentence is used only with its condition. Only removes words, never adds or
 * reorders.
 *
 * Given the insight's `text`, the headline must be a complete claim of its own: not the text's
 * opening again, not opening on talk ("As far as I'm concerned"), not much weaker than the best
 * verbless phrase. When no claim qualifies it is '' (the caller titles the item neutrally).
 */
export function makeHeadline(
  sentences: HeadlineSentence[],
  weight: (term: string) => number,
  salience: number[] = [],
  text?: string,
): string {
  let claim: Candidate | undefined;
  // Claims that stand beside the text: not its opening again, not talk.
  let standing: Candidate | undefined;
  let pointingBack: Candidate | undefined;
  let clean: Candidate | undefined;
  let weak: Candidate | undefined;
  let phrase: Candidate | undefined;
  let pair: Candidate | undefined;
  let afterCondition = false;
  const commas = commasOf(sentences);
  const consider = (said: Token[], v: number, dependent: boolean): void => {
    // "So, for open releases…", "I mean the rule…": the claim is what follows the marker.
    const words = said.slice(leadingTalkLength(said));
    if (words.length === 0) return;
    const pronoun = pointsBack(words);
    if (!dependent && !pronoun && readsAsClaim(words)) {
      claim = better(claim, words, v);
      if (text !== undefined && !opensOnTalkTokens(words) && !repeatsOpening(render(words, commas), text))
        standing = better(standing, words, v);
    } else if (!dependent && readsAsClaim(words)) pointingBack = better(pointingBack, words, v);
    else if (dependent || pronoun) weak = better(weak, words, v);
    else clean = better(clean, words, v);
  };
  sentences.forEach(({ words: kept, clauses }, s) => {
    const question = kept.some((t) => t.value === '?');
    const factor = (salience[s] ?? 1) * (question ? 0.5 : 1);
    const conditional = afterCondition;
    // "If you can have that conversation? Every meeting goes better.": the answer carries the if.
    afterCondition = question && kept.some((t) => t.normal === 'if');
    clauses.forEach((clause, c) => {
      if (conditional) return;
      if (clause.conditional) {
        // "Airbnb does not ship product if it is not good": whole, with its condition, it may stand.
        const condition = clauses[c + 1];
        if (c > 0 || !condition || condition.conditional || !readsAsClaim(clause.tokens)) return;
        const joined = [...clause.tokens, ...condition.tokens];
        const words = cut(joined);
        if (words.length === joined.length) consider(words, value(words, weight, factor, clause.subjectless), false);
        return;
      }
      const words = cut(clause.tokens);
      // "The signal I look for is | when the founder…": its complement is the next clause, so the
      // words before it only frame a claim ("The signal I look" is none).
      const framing = c + 1 < clauses.length && clause.tokens.filter((t) => t.isWord).at(-1)?.pos === 'AUX';
      consider(words, value(words, weight, factor, clause.subjectless), clause.dependent || framing);
    });
    for (const np of nounPhrases(kept)) {
      // "A lot of folks" says nothing: a phrase needs two words of content.
      if (np.filter(isContentToken).length < 2) continue;
      const n = wordsOf(np).length;
      if (n >= 3) phrase = better(phrase, np, weightOf(np, weight) * factor);
      else if (n === 2) pair = better(pair, np, weightOf(np, weight) * factor);
    }
  });
  const verbless = clean ?? phrase;
  if (text !== undefined) {
    if (!standing || (verbless && standing.value < CLAIM_MIN_SHARE * verbless.value)) return '';
    return capitalizedStart(render(standing.words, commas));
  }
  const lead = claim && (!verbless || claim.value >= CLAIM_MIN_SHARE * verbless.value) ? claim : verbless;
  let best = (lead ?? pointingBack ?? weak ?? pair)?.words;
  if (!best) {
    const kept = sentences.flatMap((sentence) => sentence.kept);
    best = kept.slice(0, (wordsOf(kept)[HEADLINE_MAX_WORDS - 1]?.[1] ?? kept.length - 1) + 1);
  }
  return capitalizedStart(render(best, commas));
}

/**
 * The headline's words as text, with the commas the sentence had between two of them: clauses drop
 * punctuation, and "self-host the bulk, pay the API for the tail" would read "…the bulk pay the API…".
 */
function render(words: Token[], commas: Commas): string {
  const withCommas: Token[] = [];
  // A headline that starts inside an aside ("The companies we studied, almost all of them, grew") does
  // not take the comma that closes it before the verb: "Almost all of them grew". One after a verb
  // parts list items ("…, ship the product, and watch the churn").
  let insideAside = commas.opening.has(words[0]?.offset ?? -1);
  let saidVerb = false;
  words.forEach((w, i) => {
    withCommas.push(w);
    saidVerb ||= isVerb(w);
    const next = words[i + 1];
    // Only where the headline goes on from the same comma ("LangChain, which …, is" keeps none).
    const comma = commas.after.get(w.offset);
    if (!next || comma?.next !== next.offset) return;
    if (insideAside && !saidVerb) insideAside = false;
    else withCommas.push({ ...comma.mark, space: '' });
  });
  return renderKept(
    withCommas,
    withCommas.map(() => true),
  ).replace(/[.!?…,;:]+$/, '');
}

/** The commas between kept words of the headline's sentences (render). */
interface Commas {
  /** For each word a comma follows, the next word the headline may go on with, and the mark itself. */
  after: Map<number, { next: number; mark: Token }>;
  /** The offsets of words right after a comma that opens an aside (not one after leading talk). */
  opening: Set<number>;
}

function commasOf(sentences: HeadlineSentence[]): Commas {
  const after = new Map<number, { next: number; mark: Token }>();
  const opening = new Set<number>();
  for (const { kept } of sentences) {
    // "Honestly, self-host the bulk, …": the comma after leading talk closes no aside.
    const talk = leadingTalkLength(kept);
    kept.forEach((t, i) => {
      const mark = kept[i + 1];
      if (!t.isWord || (mark?.value !== ',' && mark?.value !== ';')) return;
      // Headlines drop softeners and joining words: "the bulk, just pay" goes on at "pay".
      let j = i + 2;
      while (kept[j] && (SOFTENERS.has(kept[j]?.normal ?? '') || kept[j]?.pos === 'CCONJ')) j += 1;
      const next = kept[j];
      if (!next?.isWord) return;
      after.set(t.offset, { next: next.offset, mark });
      if (i + 1 >= talk) opening.add(next.offset);
    });
  }
  return { after, opening };
}

/** Point at a place the reader has not seen, unless a verb follows ("here's how", "there are"). */
const DEICTIC_PLACES = new Set(['here', 'there']);

/**
 * Opens, past any adverbs ("hopefully it's…"), on a word pointing at something the reader has not
 * seen, or on "here"/"there" as a place ("here I talk shit with Steven": where is here?).
 */
function pointsBack(words: Token[]): boolean {
  const first = words.findIndex((t) => t.pos !== 'ADV');
  const place = words
    .slice(0, first < 0 ? words.length : first + 1)
    .some((t, i) => DEICTIC_PLACES.has(t.normal) && !isVerb(words.slice(i + 1).find((w) => w.pos !== 'ADV') ?? t));
  // "This week we put it to the test": the time is the reader's own, not something said before.
  const now = words[first]?.pos === 'DET' && TIMES.has(words[first + 1]?.normal ?? '');
  return place || (!now && DANGLING_START.has(words[first]?.normal ?? ''));
}

/** Times that "this"/"that" place in the reader's calendar ("this week", "that year"): not a pointer back. */
const TIMES = new Set([
  'week',
  'weekend',
  'month',
  'year',
  'season',
  'quarter',
  'morning',
  'afternoon',
  'evening',
  'spring',
  'summer',
  'fall',
  'autumn',
  'winter',
]);

/**
 * Whether any clause of the passage is a complete claim a reader can take alone, however light
 * beside its noun phrases and wherever it stands: show notes with none are fragments ("Fast as
 * hell, and everything is upstream"; a run of titles; a list of guests).
 */
export function hasStandaloneClaim(sentences: HeadlineSentence[]): boolean {
  return sentences.some(({ clauses }) =>
    clauses.some((clause) => {
      if (clause.dependent) return false;
      const words = cut(clause.tokens.slice(leadingTalkLength(clause.tokens)));
      return isStandaloneClaim(words);
    }),
  );
}

/** A claim a reader can take alone: a subject and its verb, not opening on a pronoun that points back. */
export function isStandaloneClaim(words: Token[]): boolean {
  const first = words[0];
  return wordsOf(words).length >= MIN_WORDS && first?.pos !== 'SCONJ' && !pointsBack(words) && readsAsClaim(words);
}
