import type { EpisodeDoc } from '../document/index.js';
import { isContentToken, termOf } from '../../text/index.js';
import type { SparseVector } from './vectors.js';

/** A pair of adjacent content words ("contain orchestr", "product owner") recurs as a key phrase. */
const PAIR = ' ';
/** A pair must recur this often in the episode to count as a key phrase. */
const MIN_PAIR_COUNT = 2;

/**
 * Per sentence: its stemmed content words, then each pair of adjacent content words.
 * Key phrases say more than their words apart ("box jump", "continuous delivery").
 */
export function sentenceConcepts(doc: EpisodeDoc): string[][] {
  return doc.sentences.map((s) => {
    const out = [...s.terms];
    let previous: string | undefined;
    for (let k = s.tokenFrom; k <= s.tokenTo; k += 1) {
      const t = doc.tokens[k];
      if (!t || !isContentToken(t)) {
        previous = undefined;
        continue;
      }
      const term = termOf(t);
      if (previous !== undefined && previous !== term) out.push(previous + PAIR + term);
      previous = term;
    }
    return out;
  });
}

/** Weight of a word or key phrase: a phrase counts as its rarest word. */
export function conceptWeigher(weight: (term: string) => number): (concept: string) => number {
  return (c) => {
    const at = c.indexOf(PAIR);
    return at < 0 ? weight(c) : Math.max(weight(c.slice(0, at)), weight(c.slice(at + 1)));
  };
}

/**
 * The episode's centroid (MEAD-style): every word and recurring key phrase outside ads and
 * housekeeping, weighted by sqrt(count) times its rarity in English.
 */
export function episodeCentroid(concepts: string[][], excluded: boolean[], weigh: (c: string) => number): SparseVector {
  const tf = new Map<string, number>();
  concepts.forEach((cs, i) => {
    if (excluded[i]) return;
    for (const c of cs) tf.set(c, (tf.get(c) ?? 0) + 1);
  });
  const centroid: SparseVector = new Map();
  for (const [c, n] of tf) {
    if (c.includes(PAIR) && n < MIN_PAIR_COUNT) continue;
    centroid.set(c, Math.sqrt(n) * weigh(c));
  }
  return centroid;
}

/** Rarity-weighted counts of the concepts of sentences first..last. */
export function spanVector(
  concepts: string[][],
  first: number,
  last: number,
  weigh: (c: string) => number,
): SparseVector {
  const v: SparseVector = new Map();
  for (let k = first; k <= last; k += 1) for (const c of concepts[k] ?? []) v.set(c, (v.get(c) ?? 0) + weigh(c));
  return v;
}
