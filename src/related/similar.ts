import type { RelateInput } from '../model/insight.js';
import { MIN_SHARED_EVIDENCE, sharedEvidence } from './evidence.js';
import { dotUnit, vectorize } from './vectors.js';

/** Below this cosine a candidate shares little more than common words with the target. */
const DEFAULT_MIN_SIMILARITY = 0.1;

/**
 * The k candidates most similar to the target, strongest first (ties by id); never the target
 * itself, nor one that shares fewer than MIN_SHARED_EVIDENCE telling features with it.
 */
export function similarInsights(
  target: RelateInput,
  candidates: RelateInput[],
  k: number,
  minScore = DEFAULT_MIN_SIMILARITY,
): Array<{ id: string; score: number }> {
  const pool = candidates.filter((c) => c.id !== target.id);
  if (k <= 0 || pool.length === 0) return [];
  const [t, ...vectors] = vectorize([target, ...pool]);
  if (!t) return [];
  return pool
    .map((c, i) => {
      const v = vectors[i] as Map<string, number>;
      return { id: c.id, v, score: dotUnit(t, v) };
    })
    .filter((r) => r.score >= minScore && r.score > 0 && sharedEvidence(t, r.v) >= MIN_SHARED_EVIDENCE)
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, k)
    .map((r) => ({ id: r.id, score: Math.round(r.score * 10_000) / 10_000 }));
}
