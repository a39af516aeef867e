import { kthLargest } from '../related/top-k.js';
import type { BriefPool } from './brief-pool.js';
import type { Eligibility } from './eligibility.js';
import type { ProfileScorer } from './profile-scorer.js';
import { byScore, type Scored, type ScoredStream } from './select-diverse.js';

/** Touched insights sorted before the rest of them are (most briefs need far fewer). */
const FIRST_CUT = 64;

/**
 * The eligible insights sharing a feature with the profile, from a show that does or from a followed show, with their
 * exact scores, found by walking the postings of the profile's features once. They are held in
 * the pool's scratch space (and marked in pool.index.marks) until `release()`.
 */
export class TouchedInsights {
  readonly count: number;
  private readonly indexes: Int32Array;
  private readonly scores: Float64Array;

  constructor(
    private readonly pool: BriefPool,
    scorer: ProfileScorer,
    eligible: Eligibility,
  ) {
    const { indexes, scores } = scratchOf(pool);
    const acc = pool.index.scratch;
    const marks = pool.index.marks;
    let touched = 0;
    // The scorer's features are in id order, so each sum is the insight's exact `dot`.
    for (let j = 0; j < scorer.termIds.length; j += 1) {
      const p = pool.index.postings[scorer.termIds[j] as number];
      if (!p) continue;
      const w = scorer.termWeights[j] as number;
      const items = p.items;
      const weights = p.weights;
      for (let k = 0; k < items.length; k += 1) {
        const i = items[k] as number;
        if (marks[i] === 0) {
          marks[i] = 1;
          indexes[touched++] = i;
        }
        acc[i] = (acc[i] as number) + w * (weights[k] as number);
      }
    }
    // Every insight of a followed show, or of a show sharing a feature with the profile, scores off the floor.
    for (const feedId of [...scorer.profile.followed, ...scorer.showMatch.keys()]) {
      for (const i of pool.byFeed.get(feedId) ?? []) {
        if (marks[i] === 0) {
          marks[i] = 1;
          indexes[touched++] = i;
        }
      }
    }
    // Keep the eligible ones, in place; the others need no mark (the fallback skips them too).
    let n = 0;
    for (let t = 0; t < touched; t += 1) {
      const i = indexes[t] as number;
      const dot = acc[i] as number;
      acc[i] = 0;
      if (!eligible.has(i)) {
        marks[i] = 0;
        continue;
      }
      indexes[n] = i;
      scores[n] = scorer.relevanceOfDot(dot, i) * (pool.base[i] as number);
      n += 1;
    }
    this.count = n;
    this.indexes = indexes;
    this.scores = scores;
  }

  has(i: number): boolean {
    return this.pool.index.marks[i] === 1;
  }

  /**
   * In score order, sorted lazily: first only those reaching the FIRST_CUT-th best score, the
   * rest only if the diverse pick runs past them.
   */
  inOrder(): ScoredStream {
    const order = byScore(this.pool);
    const cut = this.count > FIRST_CUT ? kthLargest(this.scores, FIRST_CUT, this.count) : -Infinity;
    const head = this.scoredFrom(cut).sort(order);
    let all: Scored[] | undefined;
    return {
      at: (k) => {
        if (k < head.length || cut === -Infinity) return head[k];
        all ??= this.scoredFrom(-Infinity).sort(order);
        return all[k];
      },
    };
  }

  release(): void {
    const marks = this.pool.index.marks;
    for (let n = 0; n < this.count; n += 1) marks[this.indexes[n] as number] = 0;
  }

  private scoredFrom(min: number): Scored[] {
    const out: Scored[] = [];
    for (let n = 0; n < this.count; n += 1) {
      const score = this.scores[n] as number;
      if (score >= min) out.push({ index: this.indexes[n] as number, score });
    }
    return out;
  }
}

const scratch = new WeakMap<BriefPool, { indexes: Int32Array; scores: Float64Array }>();

function scratchOf(pool: BriefPool): { indexes: Int32Array; scores: Float64Array } {
  let s = scratch.get(pool);
  if (!s) {
    s = { indexes: new Int32Array(pool.insights.length), scores: new Float64Array(pool.insights.length) };
    scratch.set(pool, s);
  }
  return s;
}
