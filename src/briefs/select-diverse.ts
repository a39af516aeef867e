import type { BriefPool } from './brief-pool.js';

export interface Scored {
  index: number;
  score: number;
}

/** Candidates in descending score (ties: lower insight id first), produced as far as asked. */
export interface ScoredStream {
  at(k: number): Scored | undefined;
}

export interface DiversityOptions {
  size: number;
  /** The subscriber asked for one show: no penalty for repeating it. */
  allowRepeatedShows: boolean;
}

/** MMR: a pick's value is its score × (1 − λ × its highest similarity to what is already picked). */
export const MMR_LAMBDA = 0.7;
/** From this similarity on, two insights are on the same theme: never both while others remain. */
export const SAME_THEME = 0.35;
/**
 * A second insight from a show already in the brief keeps this share of its value: a different
 * show wins unless the repeat is about three times as relevant (an off-topic filler from another
 * show is worse than a second on-topic one).
 */
const REPEATED_SHOW = 0.35;

/**
 * Greedy diverse pick: one insight per episode and per near-duplicate group, a penalty for a
 * show already picked, and a first pass of different themes; only if that leaves the brief
 * short, a second pass that allows a repeated theme at the MMR penalty. Every penalty is ≤ 1, so a candidate's value never exceeds its
 * score and the scan of the descending stream stops as soon as no later one can win.
 */
export function selectDiverse(pool: BriefPool, stream: ScoredStream, opts: DiversityOptions): Scored[] {
  const picked: Scored[] = [];
  const episodes = new Set<number>();
  const feeds = new Set<number>();
  const groups = new Set<number>();
  for (const strict of [true, false]) {
    while (picked.length < opts.size) {
      let best: { item: Scored; value: number } | undefined;
      for (let k = 0; ; k += 1) {
        const c = stream.at(k);
        if (!c || (best && c.score <= best.value)) break;
        const insight = pool.insights[c.index];
        if (!insight || episodes.has(insight.episodeId) || groups.has(pool.dupGroup[c.index] as number)) continue;
        const repeatedShow = feeds.has(insight.feedId) && !opts.allowRepeatedShows;
        const similar = maxSimilarity(pool, c.index, picked);
        if (strict && similar >= SAME_THEME) continue;
        const value = c.score * (repeatedShow ? REPEATED_SHOW : 1) * (1 - MMR_LAMBDA * similar);
        if (!best || value > best.value) best = { item: c, value };
      }
      if (!best) break;
      const insight = pool.insights[best.item.index];
      picked.push(best.item);
      if (insight) {
        episodes.add(insight.episodeId);
        feeds.add(insight.feedId);
      }
      groups.add(pool.dupGroup[best.item.index] as number);
    }
    if (picked.length >= opts.size) break;
  }
  return picked;
}

function maxSimilarity(pool: BriefPool, index: number, picked: Scored[]): number {
  let max = 0;
  for (const p of picked) max = Math.max(max, pool.index.similarity(index, p.index));
  return Math.min(1, max);
}

/** A stream over an array already in stream order. */
export function arrayStream(items: Scored[]): ScoredStream {
  return { at: (k) => items[k] };
}

/** Descending score, then ascending insight id: the one order every path agrees on. */
export function byScore(pool: BriefPool): (a: Scored, b: Scored) => number {
  return (a, b) => b.score - a.score || (pool.insights[a.index]?.id ?? 0) - (pool.insights[b.index]?.id ?? 0);
}
