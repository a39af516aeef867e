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
  /**
   * The subscriber reads only the shows they follow and follows fewer than `size`: a show may
   * give several items. Otherwise a brief holds at most one item per show, and is shorter
   * rather than repetitive when fewer shows have something new.
   */
  allowRepeatedShows: boolean;
}

/** MMR: a pick's value is its score × (1 − λ × its highest similarity to what is already picked). */
const MMR_LAMBDA = 0.7;
/** From this similarity on, two insights are on the same theme: never both while others remain. */
const SAME_THEME = 0.35;

/**
 * Greedy diverse pick: one insight per episode, per near-duplicate group and per show (see
 * allowRepeatedShows), and a first pass of different themes; only if that leaves the brief
 * short, a second pass that allows a repeated theme at the MMR penalty. Every penalty is ≤ 1, so a candidate's value never exceeds its
 * score and the scan of the descending stream stops as soon as no later one can win.
 */
export function selectDiverse(pool: BriefPool, stream: ScoredStream, opts: DiversityOptions): Scored[] {
  const picked: Scored[] = [];
  const episodes = new Set<number>();
  const feeds = new Set<number>();
  const groups = new Set<number>();
  const similarity = similarityToPicked(pool, picked);
  for (const strict of [true, false]) {
    while (picked.length < opts.size) {
      let best: { item: Scored; value: number } | undefined;
      for (let k = 0; ; k += 1) {
        const c = stream.at(k);
        if (!c || (best && c.score <= best.value)) break;
        if (episodes.has(pool.episodeOf[c.index] as number) || groups.has(pool.dupGroup[c.index] as number)) continue;
        if (!opts.allowRepeatedShows && feeds.has(pool.feedOf[c.index] as number)) continue;
        const upTo = c.score;
        // The similarity can only lower the value: no need to compute it for a candidate that cannot win.
        if (best && upTo <= best.value) continue;
        const similar = similarity(k, c.index);
        if (strict && similar >= SAME_THEME) continue;
        const value = upTo * (1 - MMR_LAMBDA * similar);
        if (!best || value > best.value) best = { item: c, value };
      }
      if (!best) break;
      picked.push(best.item);
      episodes.add(pool.episodeOf[best.item.index] as number);
      feeds.add(pool.feedOf[best.item.index] as number);
      groups.add(pool.dupGroup[best.item.index] as number);
    }
    if (picked.length >= opts.size) break;
  }
  return picked;
}

/**
 * The highest similarity of the k-th candidate to what is picked so far. Every pick rescans the
 * stream from the top, so each candidate keeps its maximum and is compared only with new picks.
 */
function similarityToPicked(pool: BriefPool, picked: Scored[]): (k: number, index: number) => number {
  const max: number[] = [];
  const compared: number[] = [];
  return (k, index) => {
    let m = max[k] ?? 0;
    for (let p = compared[k] ?? 0; p < picked.length; p += 1)
      m = Math.max(m, pool.index.similarity(index, (picked[p] as Scored).index));
    max[k] = m;
    compared[k] = picked.length;
    return Math.min(1, m);
  };
}

/** A stream over an array already in stream order. */
export function arrayStream(items: Scored[]): ScoredStream {
  return { at: (k) => items[k] };
}

/** Descending score, then ascending insight id: the one order every path agrees on. */
export function byScore(pool: BriefPool): (a: Scored, b: Scored) => number {
  return (a, b) => b.score - a.score || (pool.insights[a.index]?.id ?? 0) - (pool.insights[b.index]?.id ?? 0);
}
