import type { ScoredPassage } from './rank.js';
import { dot } from './vectors.js';

const LAMBDA = 0.7;
/** Above this cosine two passages say the same thing: never both. */
export const DUPLICATE_COSINE = 0.45;

/** Below this share of the best passage's score a pick is filler: return fewer instead. */
const MIN_RELATIVE_SCORE = 0.2;

export interface SelectOptions {
  top: number;
  /** Episode length in seconds, to spread picks across it. */
  duration: number;
}

/** Maximal marginal relevance with hard limits on overlap, near-duplicates and crowding in time. */
export function selectDiverse(candidates: ScoredPassage[], opts: SelectOptions): ScoredPassage[] {
  const max = candidates.reduce((m, c) => Math.max(m, c.score), 0) || 1;
  const floor = MIN_RELATIVE_SCORE * max;
  const minGap = opts.duration / (opts.top * 4);
  const chosen: ScoredPassage[] = [];
  const pool = [...candidates].sort((a, b) => b.score - a.score || a.first - b.first || a.last - b.last);
  while (chosen.length < opts.top) {
    let best: ScoredPassage | undefined;
    let bestValue = -Infinity;
    for (const c of pool) {
      if (c.score <= floor) break;
      if (LAMBDA * (c.score / max) < bestValue) break;
      let redundancy = 0;
      let blocked = false;
      for (const s of chosen) {
        if (c.first <= s.last + 1 && s.first <= c.last + 1) {
          blocked = true;
          break;
        }
        const sim = dot(c.unit, s.unit);
        if (sim > DUPLICATE_COSINE) {
          blocked = true;
          break;
        }
        const crowding = minGap > 0 ? Math.max(0, 1 - Math.abs(c.start - s.start) / minGap) : 0;
        redundancy = Math.max(redundancy, sim, 0.5 * crowding);
      }
      if (blocked) continue;
      const value = LAMBDA * (c.score / max) - (1 - LAMBDA) * redundancy;
      if (value > bestValue) {
        bestValue = value;
        best = c;
      }
    }
    if (!best) break;
    chosen.push(best);
  }
  return chosen;
}
