import type { BriefPool } from './brief-pool.js';
import type { Profile } from './profile.js';
import { showMatches } from './show-topics.js';

/**
 * relevance = max(min, floor + gain × (profile · insight) + showGain × (profile · show) + follow
 * bonus); 1 for a cold start. showGain is below gain: an insight that itself matches beats one
 * that only comes from a show about the subject. Below minReason a part of the relevance is a
 * shared everyday word: no reason given (why.ts) and no show match.
 */
export const RELEVANCE = { floor: 0.15, gain: 3, showGain: 1.5, follow: 0.5, min: 0.01, minReason: 0.05 } as const;

/** Strongest profile features kept for scoring (feedback keeps adding features). */
const MAX_PROFILE_TERMS = 24;

/**
 * A profile laid over one pool: its features as pool feature ids, and a dense lookup table so
 * an insight's score is a walk over its own few features. Call `release()` when done: the
 * lookup table is shared by every scorer of the pool.
 */
export class ProfileScorer {
  readonly termIds: number[];
  readonly termWeights: number[];
  /** profile · show, by feed id, for every show of the pool sharing a feature with the profile. */
  readonly showMatch: Map<number, number>;
  private readonly lookup: Float64Array;

  constructor(
    readonly pool: BriefPool,
    readonly profile: Profile,
  ) {
    const terms: Array<[number, number]> = [];
    const kept = [...strongest(profile.weights)];
    // Show words the pool's insights never use ("politics") count too: matched by key, not id.
    // A show sharing only an everyday word with the profile is no match (as why.ts says no reason).
    this.showMatch = profile.coldStart ? new Map() : strongShowMatches(showMatches(pool.shows, kept));
    for (const [k, w] of kept) {
      const id = pool.index.termIds.get(k);
      if (id !== undefined) terms.push([id, w]);
    }
    // In feature id order, as every insight stores its features: a walk over the postings in
    // this order adds up the same products in the same order as `dot`, so it gets the exact score.
    terms.sort((a, b) => a[0] - b[0]);
    this.termIds = terms.map((t) => t[0]);
    this.termWeights = terms.map((t) => t[1]);
    this.lookup = lookupTable(pool);
    for (const [id, w] of terms) this.lookup[id] = w;
  }

  /** profile · insight, summed over the insight's features in their stored order. */
  dot(i: number): number {
    const terms = this.pool.index.vecTerms[i] as Int32Array;
    const weights = this.pool.index.vecWeights[i] as Float64Array;
    let sum = 0;
    for (let j = 0; j < terms.length; j += 1)
      sum += (weights[j] as number) * (this.lookup[terms[j] as number] as number);
    return sum;
  }

  relevanceOfDot(dot: number, i: number): number {
    if (this.profile.coldStart) return 1;
    const followed = this.profile.followed;
    const feedId = this.pool.feedOf[i] as number;
    const follow = followed.size > 0 && followed.has(feedId) ? RELEVANCE.follow : 0;
    const show = this.showMatch.size > 0 ? (this.showMatch.get(feedId) ?? 0) : 0;
    return Math.max(RELEVANCE.min, RELEVANCE.floor + RELEVANCE.gain * dot + RELEVANCE.showGain * show + follow);
  }

  /** The exact score every path uses: relevance × quality × freshness. */
  score(i: number): number {
    return this.relevanceOfDot(this.profile.coldStart ? 0 : this.dot(i), i) * (this.pool.base[i] as number);
  }

  /** The score of an insight sharing no feature with the profile, from a show sharing none and not followed. */
  fallbackScore(i: number): number {
    return (this.profile.coldStart ? 1 : Math.max(RELEVANCE.min, RELEVANCE.floor)) * (this.pool.base[i] as number);
  }

  release(): void {
    for (const id of this.termIds) this.lookup[id] = 0;
  }
}

function strongShowMatches(matches: Map<number, number>): Map<number, number> {
  for (const [feedId, value] of matches)
    if (Math.abs(value) * RELEVANCE.showGain < RELEVANCE.minReason) matches.delete(feedId);
  return matches;
}

/** The MAX_PROFILE_TERMS heaviest features of a profile (ties: by feature). */
function strongest(weights: Profile['weights']): Iterable<[string, number]> {
  if (weights.size <= MAX_PROFILE_TERMS) return weights;
  return [...weights]
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_PROFILE_TERMS);
}

const tables = new WeakMap<BriefPool, Float64Array>();

function lookupTable(pool: BriefPool): Float64Array {
  let t = tables.get(pool);
  if (!t || t.length < pool.index.termIds.size) {
    t = new Float64Array(pool.index.termIds.size);
    tables.set(pool, t);
  }
  return t;
}
