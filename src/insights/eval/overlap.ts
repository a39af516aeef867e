import { englishIdf } from '../background/english.js';
import { contentTerms } from '../nlp/terms.js';
import { cosine, type SparseVector } from '../score/vectors.js';

/**
 * "Matched": an insight and a reference point make the same point when the cosine of their
 * stemmed content-word vectors, each word weighted by its rarity in general English
 * (ln N/count from SUBTLEX-US), is at least this much.
 */
export const MATCH_THRESHOLD = 0.3;

export interface TermBag {
  terms: string[];
  vector: SparseVector;
}

export function bagOf(text: string): TermBag {
  const terms = contentTerms(text);
  const vector: SparseVector = new Map();
  for (const t of terms) vector.set(t, (vector.get(t) ?? 0) + englishIdf(t));
  return { terms, vector };
}

export function similarity(a: TermBag, b: TermBag): number {
  return cosine(a.vector, b.vector);
}

/** ROUGE-1 recall on stemmed content words: clipped unigram overlap / reference unigrams. */
export function rouge1Recall(system: TermBag[], references: TermBag[]): number {
  const count = (bags: TermBag[]): Map<string, number> => {
    const m = new Map<string, number>();
    for (const b of bags) for (const t of b.terms) m.set(t, (m.get(t) ?? 0) + 1);
    return m;
  };
  const sys = count(system);
  const ref = count(references);
  let total = 0;
  let hit = 0;
  for (const [t, c] of ref) {
    total += c;
    hit += Math.min(c, sys.get(t) ?? 0);
  }
  return total === 0 ? 0 : hit / total;
}

export interface MatchShares {
  /** Share of system items that match at least one reference point. */
  insightsMatched: number;
  /** Share of reference points matched by at least one system item. */
  referencesMatched: number;
}

export function matchShares(system: TermBag[], references: TermBag[], threshold = MATCH_THRESHOLD): MatchShares {
  if (system.length === 0 || references.length === 0) return { insightsMatched: 0, referencesMatched: 0 };
  const sims = system.map((s) => references.map((r) => similarity(s, r)));
  const insightsMatched = sims.filter((row) => row.some((x) => x >= threshold)).length / system.length;
  const referencesMatched = references.filter((_, j) => sims.some((row) => (row[j] ?? 0) >= threshold)).length / references.length;
  return { insightsMatched, referencesMatched };
}
