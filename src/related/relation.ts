import type { RelationLabel } from '../model/brief.js';
import { phrasePattern } from '../text/index.js';

/**
 * A lexical guess at how a related insight stands to the one it is shown under, or undefined
 * when the words cannot tell:
 * - contradicts: both are about the same thing (similarity ≥ 0.2) and exactly one of them is
 *   negated or framed as a rebuttal ("not", "never", "myth", "overrated", …), or both give
 *   figures and none of them match;
 * - agrees: very similar wording (≥ 0.35) with the same polarity and no conflicting figures;
 * - extends: on the same subject (≥ 0.12) but most of its content words are new.
 * It reads cue words, not meaning: sarcasm, double negation and hedges fool it.
 */
export function relationOf(target: string, related: string, similarity: number): RelationLabel | undefined {
  if (similarity >= 0.2) {
    if (negated(target) !== negated(related)) return 'contradicts';
    if (figuresConflict(target, related)) return 'contradicts';
  }
  if (similarity >= 0.35) return 'agrees';
  if (similarity >= 0.12 && newWordShare(target, related) >= 0.6) return 'extends';
  return undefined;
}

const NEGATION = phrasePattern(
  [
    // negative words
    'not',
    'no',
    'never',
    'none',
    'nobody',
    'nothing',
    'neither',
    'nor',
    // negated auxiliaries
    'cannot',
    "can't",
    "won't",
    "don't",
    "doesn't",
    "didn't",
    "isn't",
    "aren't",
    "wasn't",
    "weren't",
    "shouldn't",
    "couldn't",
    // words that deny a claim
    'myth',
    'overrated',
    'wrong',
    'mistake',
    /fails?/,
    'failed',
    'false',
    'disagree',
    'against',
  ],
  { end: 'word', flags: 'i' },
);

function negated(text: string): boolean {
  return NEGATION.test(text.replace(/[’]/g, "'"));
}

const FIGURE = /(\d+(?:[.,]\d+)?)\s*(%|percent|x\b|times\b|million|billion|thousand)?/gi;

function figures(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(FIGURE)) {
    const value = (m[1] ?? '').replace(',', '.');
    // Years and list numbers are not claims about quantities.
    if (/^(19|20)\d\d$/.test(value) && !m[2]) continue;
    out.add(`${Number(value)}${(m[2] ?? '').toLowerCase().replace('percent', '%')}`);
  }
  return out;
}

function figuresConflict(a: string, b: string): boolean {
  const fa = figures(a);
  const fb = figures(b);
  if (fa.size === 0 || fb.size === 0) return false;
  for (const x of fa) if (fb.has(x)) return false;
  return true;
}

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/\p{L}{4,}/gu) ?? []);
}

function newWordShare(target: string, related: string): number {
  const known = words(target);
  const fresh = [...words(related)];
  if (fresh.length === 0) return 0;
  return fresh.filter((w) => !known.has(w)).length / fresh.length;
}
