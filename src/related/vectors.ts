import { dot } from '../model/sparse-vector.js';
import { englishIdf, MAX_ENGLISH_IDF } from '../text/index.js';
import type { RelateInput } from '../model/insight.js';
import { FEATURE_WEIGHTS, featureBag, kindOf, type FeatureBag } from './features.js';

export type Vector = Map<string, number>;

/** Rarity of a feature in general spoken English, 0..1 (its rarest word for pairs and phrases). */
export function generalWeight(feature: string): number {
  let w = 0;
  for (const part of feature.split(' ')) w = Math.max(w, englishIdf(part));
  // Square root: everyday words should count for less, not vanish (measured by eval:related).
  return Math.sqrt(w / MAX_ENGLISH_IDF);
}

/** Raw weighted feature counts of one text (kind weight × log tf × general rarity), not normalized. */
export function weightedFeatures(bag: FeatureBag): Vector {
  const v: Vector = new Map();
  for (const [k, tf] of bag.counts) v.set(k, FEATURE_WEIGHTS[kindOf(k, bag)] * (1 + Math.log(tf)) * generalWeight(k));
  return v;
}

/**
 * Unit TF-IDF vectors: weighted features × IDF within the set, so features every item shares
 * count for less, as do everyday words.
 */
export function vectorize(items: RelateInput[]): Vector[] {
  return vectorizeBags(items.map((i) => featureBag(i.text)));
}

function vectorizeBags(bags: FeatureBag[]): Vector[] {
  const df = new Map<string, number>();
  for (const bag of bags) for (const k of bag.counts.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  const n = bags.length;
  return bags.map((bag) => {
    const v = weightedFeatures(bag);
    for (const [k, x] of v) v.set(k, x * (Math.log((n + 1) / ((df.get(k) ?? 0) + 1)) + 1));
    return normalize(v);
  });
}

export function normalize(v: Vector): Vector {
  let sum = 0;
  for (const x of v.values()) sum += x * x;
  const norm = Math.sqrt(sum) || 1;
  for (const [k, x] of v) v.set(k, x / norm);
  return v;
}

/** The cosine of two vectors already normalized to unit length. */
export const dotUnit: (a: Vector, b: Vector) => number = dot;
