import { englishIdf, MAX_ENGLISH_IDF } from '../insights/background/english.js';
import { isContentToken, termOf } from '../insights/nlp/terms.js';
import { analyse } from '../insights/nlp/tokens.js';
import type { RelateInput } from '../model/insight.js';

export type Vector = Map<string, number>;

/** Bigrams of adjacent content words ("servic mesh") count for this much of a unigram. */
const BIGRAM_WEIGHT = 0.5;

/** Stemmed content words plus adjacent content-word pairs (a cheap stand-in for noun phrases). */
export function features(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (k: string, x: number): void => {
    counts.set(k, (counts.get(k) ?? 0) + x);
  };
  let previous: string | undefined;
  for (const t of analyse(text).tokens) {
    if (!isContentToken(t)) {
      previous = undefined;
      continue;
    }
    const term = termOf(t);
    add(term, 1);
    if (previous !== undefined && previous !== term) add(`${previous} ${term}`, 1);
    previous = term;
  }
  return counts;
}

function generalWeight(feature: string): number {
  const parts = feature.split(' ');
  const w = parts.reduce((max, p) => Math.max(max, englishIdf(p)), 0);
  // Square root: everyday words should count for less, not vanish (measured in relate.test.ts).
  return Math.sqrt(w / MAX_ENGLISH_IDF);
}

/**
 * Unit TF-IDF vectors: log term frequency × (IDF within the set) × rarity in general English,
 * so words every item shares, and everyday words, count for less.
 */
export function vectorize(items: RelateInput[]): Vector[] {
  const bags = items.map((i) => features(i.text));
  const df = new Map<string, number>();
  for (const bag of bags) for (const k of bag.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  const n = items.length;
  return bags.map((bag) => {
    const v: Vector = new Map();
    let sum = 0;
    for (const [k, tf] of bag) {
      const kind = k.includes(' ') ? BIGRAM_WEIGHT : 1;
      const x = kind * (1 + Math.log(tf)) * (Math.log((n + 1) / ((df.get(k) ?? 0) + 1)) + 1) * generalWeight(k);
      v.set(k, x);
      sum += x * x;
    }
    const norm = Math.sqrt(sum) || 1;
    for (const [k, x] of v) v.set(k, x / norm);
    return v;
  });
}

export function dotUnit(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [k, x] of small) {
    const y = large.get(k);
    if (y !== undefined) sum += x * y;
  }
  return sum;
}
