import { COMMON_WORD_IDF, contentTerms, englishIdf } from '../../text/index.js';
import { cosine, type SparseVector } from '../score/vectors.js';

/**
 * "Matched": an insight and a reference point make the same point when the cosine of their
 * stemmed content-word vectors, each word weighted by its rarity in general English
 * (ln N/count from SUBTLEX-US), is at least MATCH_THRESHOLD, and they share at least
 * MIN_SHARED_TERMS distinct stems that are rarer than one in COMMON_WORD_EVERY spoken words.
 */
export const MATCH_THRESHOLD = 0.3;
/**
 * Without this, naming the episode's topic once ("…on Kubernetes") matched most reference points
 * of a Kubernetes episode: one rare word carries the cosine of a short reference on its own.
 */
export const MIN_SHARED_TERMS = 2;

export interface TermBag {
  terms: string[];
  vector: SparseVector;
  /** Distinct stems rare enough to count as evidence of a shared point. */
  evidence: Set<string>;
}

export function bagOf(text: string): TermBag {
  const terms = contentTerms(text);
  const vector: SparseVector = new Map();
  const evidence = new Set<string>();
  for (const t of terms) {
    const idf = englishIdf(t);
    vector.set(t, (vector.get(t) ?? 0) + idf);
    if (idf >= COMMON_WORD_IDF) evidence.add(t);
  }
  return { terms, vector, evidence };
}

export function similarity(a: TermBag, b: TermBag): number {
  return cosine(a.vector, b.vector);
}

function sharedEvidence(a: TermBag, b: TermBag): number {
  let n = 0;
  for (const t of a.evidence) if (b.evidence.has(t)) n += 1;
  return n;
}

export function isMatch(a: TermBag, b: TermBag, threshold = MATCH_THRESHOLD): boolean {
  return sharedEvidence(a, b) >= MIN_SHARED_TERMS && similarity(a, b) >= threshold;
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
  const hits = system.map((s) => references.map((r) => isMatch(s, r, threshold)));
  const insightsMatched = hits.filter((row) => row.some(Boolean)).length / system.length;
  const referencesMatched = references.filter((_, j) => hits.some((row) => row[j])).length / references.length;
  return { insightsMatched, referencesMatched };
}
