import type { EpisodeDoc } from '../document/index.js';
import type { Housekeeping } from './housekeeping.js';
import { countsSomething, numericDensity } from './density.js';
import { listing } from './enumeration.js';
import type { Passage } from './passages.js';
import { claimStrength, endsOnSetup, startsDangling, styleSignals, type StyleSignals } from './signals.js';
import { dot, norm, sumVectors, type SparseVector } from './vectors.js';

/** What the scorer needs to know about a passage; computed once, weighed many times when tuning. */
export interface PassageFeatures extends StyleSignals {
  /** Number words per word, 1 for a tally of counts (see density.ts). */
  numeric: number;
  /** Items listed in one repeated clause frame, 0–1 (see enumeration.ts). */
  listing: number;
  /** Cosine to the episode centroid: how much it is about what the episode is about. */
  central: number;
  /** Cosine to the question another speaker asked just before: it answers what was asked. */
  answers: number;
  claim: number;
  dangling: boolean;
  setupEnd: boolean;
  /** Talks to another speaker by name: conversation, not a takeaway. */
  addressesOther: boolean;
  /** Real questions the passage ends on, unanswered within it (tag questions like "…, right?" are claims). */
  openQuestions: number;
  host: boolean;
  preamble: boolean;
  /** Holds a sentence the show repeats across its episodes: an ad read, intro or outro. */
  recurring: boolean;
  block: number;
  /** Rarity-weighted concept counts and their norm, for diversity checks. */
  vector: SparseVector;
  norm: number;
}

export interface EpisodeContext {
  doc: EpisodeDoc;
  house: Housekeeping;
  concepts: string[][];
  weigh: (concept: string) => number;
  /** Per sentence: its rarity-weighted concept counts. */
  sentenceVectors: SparseVector[];
  centroid: SparseVector;
  blocks: Int32Array;
  host?: string;
}

/** "…, right?", "…, you know?": the speaker asserts and checks in; it is not asking. */
const TAG_QUESTION =
  /(^|[\s,])(right|okay|ok|yeah|no|you know|isn['’]t it|don['’]t you think|correct|huh|eh|agreed)\s*\?+$/;

function isRealQuestion(doc: EpisodeDoc, k: number): boolean {
  const s = doc.sentences[k];
  if (!s?.question) return false;
  return !TAG_QUESTION.test(doc.layout.text.slice(s.charStart, s.charEnd).toLowerCase().trim());
}

/** Lower-cased first names of labelled speakers (labels of 2–3 letters are initials, skipped). */
function firstNames(doc: EpisodeDoc): Map<string, string> {
  const names = new Map<string, string>();
  for (const t of doc.layout.turns) {
    const first = t.speaker?.split(/\s+/)[0]?.toLowerCase();
    if (t.speaker && first && first.length > 3 && /^\p{L}+$/u.test(first)) names.set(first, t.speaker);
  }
  return names;
}

/** Per turn: the vector of the turn before it when that turn asked a question, by someone else. */
function askedBefore(ctx: EpisodeContext): Array<{ v: SparseVector; n: number } | undefined> {
  const { doc } = ctx;
  const range = new Map<number, [number, number, boolean]>();
  doc.sentences.forEach((s, i) => {
    const r = range.get(s.turn);
    range.set(s.turn, r ? [r[0], i, r[2] || s.question] : [i, i, s.question]);
  });
  return doc.layout.turns.map((turn, t) => {
    const before = range.get(t - 1);
    const speaker = doc.layout.turns[t - 1]?.speaker;
    if (!before?.[2] || speaker === undefined || speaker === turn.speaker) return undefined;
    const v = sumVectors(ctx.sentenceVectors.slice(before[0], before[1] + 1));
    return { v, n: norm(v) || 1 };
  });
}

export function passageFeatures(ctx: EpisodeContext, passages: Passage[]): PassageFeatures[] {
  const { doc, house } = ctx;
  const names = firstNames(doc);
  const asked = askedBefore(ctx);
  const centroidNorm = norm(ctx.centroid) || 1;
  return passages.map((p) => {
    const first = doc.sentences[p.first];
    const last = doc.sentences[p.last];
    const vector = sumVectors(ctx.sentenceVectors.slice(p.first, p.last + 1));
    const n = norm(vector) || 1;
    const lower = doc.layout.text.slice(first?.charStart ?? 0, last?.charEnd ?? 0).toLowerCase();
    const words: string[] = [];
    let numbers = 0;
    for (let k = first?.tokenFrom ?? 0; k <= (last?.tokenTo ?? -1); k += 1) {
      const t = doc.tokens[k];
      if (!t?.isWord) continue;
      words.push(t.normal);
      if (countsSomething(t)) numbers += 1;
    }
    const speaker = doc.layout.turns[first?.turn ?? 0]?.speaker;
    const question = asked[first?.turn ?? -1];
    let openQuestions = 0;
    for (let k = p.last; k >= p.first && isRealQuestion(doc, k); k -= 1) openQuestions += 1;
    return {
      ...styleSignals(words),
      numeric: numericDensity(numbers, words.length),
      listing: listing(doc.tokens.slice(first?.tokenFrom ?? 0, (last?.tokenTo ?? -1) + 1)),
      central: dot(vector, ctx.centroid) / (n * centroidNorm),
      answers: question ? dot(vector, question.v) / (n * question.n) : 0,
      claim: claimStrength(lower),
      dangling: startsDangling(lower),
      setupEnd: endsOnSetup(lower),
      addressesOther: words.some((x) => names.has(x) && names.get(x) !== speaker),
      openQuestions,
      host: ctx.host !== undefined && speaker === ctx.host,
      preamble: house.preamble[p.first] === true,
      recurring: house.recurring.slice(p.first, p.last + 1).some(Boolean),
      block: ctx.blocks[p.first] ?? 0,
      vector,
      norm: n,
    };
  });
}
