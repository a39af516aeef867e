import type { InsightWithContext } from '../store/types.js';
import type { BriefPool } from './brief-pool.js';
import type { Profile } from './profile.js';
import { kthLargest } from '../related/top-k.js';
import { ProfileScorer } from './profile-scorer.js';
import { arrayStream, byScore, selectDiverse, type Scored, type ScoredStream } from './select-diverse.js';

export interface RankRequest {
  size: number;
  /** Only insights first seen at or after this time are new for the subscriber. */
  since: Date;
  /** Insight ids already sent; their near-duplicates are excluded too. */
  sent: ReadonlySet<number>;
}

/** Candidates scored exactly before the rest of the touched insights are (most briefs need far fewer). */
const FIRST_CUT = 64;

/**
 * The production ranker. Only insights sharing a feature with the profile (found through the
 * postings) or from a followed show can score above the floor; every other insight scores
 * floor × quality × freshness, so they are taken in the pool's precomputed quality order.
 * The two lists are merged lazily and fed to the same diverse pick as the brute-force ranker,
 * so both return the same brief.
 */
export function rankForProfile(pool: BriefPool, profile: Profile, req: RankRequest): Scored[] {
  const scorer = new ProfileScorer(pool, profile);
  try {
    const eligible = eligibility(pool, profile, req);
    if (profile.coldStart) return selectDiverse(pool, fallbackStream(pool, scorer, eligible, undefined), diversity(req, profile));
    const touched = touchedInsights(pool, scorer, eligible);
    try {
      return selectDiverse(pool, mergedStream(pool, scorer, eligible, touched), diversity(req, profile));
    } finally {
      for (const i of touched.list) pool.index.marks[i] = 0;
    }
  } finally {
    scorer.release();
  }
}

/** Scores every insight of the pool, sorts them all, then the same diverse pick. */
export function rankBruteForce(pool: BriefPool, profile: Profile, req: RankRequest): Scored[] {
  const scorer = new ProfileScorer(pool, profile);
  try {
    const eligible = eligibility(pool, profile, req);
    const all: Scored[] = [];
    for (let i = 0; i < pool.insights.length; i += 1) if (eligible(i)) all.push({ index: i, score: scorer.score(i) });
    all.sort(byScore(pool));
    return selectDiverse(pool, arrayStream(all), diversity(req, profile));
  } finally {
    scorer.release();
  }
}

function eligibility(pool: BriefPool, profile: Profile, req: RankRequest): (i: number) => boolean {
  const since = req.since.getTime();
  const excludedGroups = new Set<number>();
  for (const id of req.sent) {
    const i = pool.index.indexOf(id);
    if (i !== undefined) excludedGroups.add(pool.dupGroup[i] as number);
  }
  const { seenAt, dupGroup, insights } = pool;
  const onlyFollowed = profile.onlyFollowed;
  // Sent insights of the pool are excluded through their group (each insight is in one).
  return (i) =>
    (seenAt[i] as number) >= since &&
    !excludedGroups.has(dupGroup[i] as number) &&
    (!onlyFollowed || profile.followed.has((insights[i] as InsightWithContext).feedId));
}

function diversity(req: RankRequest, profile: Profile): { size: number; allowRepeatedShows: boolean } {
  return { size: req.size, allowRepeatedShows: profile.onlyFollowed };
}

function mergedStream(pool: BriefPool, scorer: ProfileScorer, eligible: (i: number) => boolean, touched: Touched): ScoredStream {
  const top = lazyExactOrder(pool, scorer, touched);
  const rest = fallbackStream(pool, scorer, eligible, touched.set);
  const merged: Scored[] = [];
  let a = 0;
  let b = 0;
  const order = byScore(pool);
  return {
    at(k) {
      while (merged.length <= k) {
        const x = top.at(a);
        const y = rest.at(b);
        if (!x && !y) return undefined;
        if (x && (!y || order(x, y) <= 0)) {
          merged.push(x);
          a += 1;
        } else if (y) {
          merged.push(y);
          b += 1;
        }
      }
      return merged[k];
    },
  };
}

interface Touched {
  /** Every insight sharing a profile feature or from a followed show (pool.index.marks). */
  set: { has(i: number): boolean };
  list: number[];
  /** The eligible ones and their approximate scores. */
  indexes: Int32Array;
  approx: Float64Array;
}

/** Walks the postings of the profile's features (and the followed shows) once, in typed scratch space. */
function touchedInsights(pool: BriefPool, scorer: ProfileScorer, eligible: (i: number) => boolean): Touched {
  const acc = pool.index.scratch;
  const marks = pool.index.marks;
  const list: number[] = [];
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
        list.push(i);
      }
      acc[i] = (acc[i] as number) + w * (weights[k] as number);
    }
  }
  for (const feedId of scorer.profile.followed) {
    for (const i of pool.byFeed.get(feedId) ?? []) {
      if (marks[i] === 0) {
        marks[i] = 1;
        list.push(i);
      }
    }
  }
  const indexes = new Int32Array(list.length);
  const approx = new Float64Array(list.length);
  let n = 0;
  for (const i of list) {
    const dot = acc[i] as number;
    acc[i] = 0;
    if (!eligible(i)) continue;
    indexes[n] = i;
    approx[n] = scorer.relevanceOfDot(dot, i) * (pool.base[i] as number);
    n += 1;
  }
  return { set: { has: (i) => marks[i] === 1 }, list, indexes: indexes.subarray(0, n), approx: approx.subarray(0, n) };
}

/**
 * The candidates in exact order, computed lazily: those whose approximate score reaches the
 * FIRST_CUT-th best are rescored exactly (the same summation as the brute-force path) and
 * sorted; the rest only if the diverse pick runs past them.
 */
function lazyExactOrder(pool: BriefPool, scorer: ProfileScorer, touched: Touched): ScoredStream {
  const order = byScore(pool);
  const { indexes, approx } = touched;
  const exact = (i: number): Scored => ({ index: i, score: scorer.score(i) });
  if (indexes.length <= FIRST_CUT) return arrayStream(Array.from(indexes, exact).sort(order));
  // Float sums in another order differ in the last bits: keep a margin around the cut.
  const cut = kthLargest(approx, FIRST_CUT) - 1e-9;
  const head: Scored[] = [];
  for (let n = 0; n < indexes.length; n += 1) if ((approx[n] as number) >= cut) head.push(exact(indexes[n] as number));
  head.sort(order);
  let all: Scored[] | undefined;
  return {
    at(k) {
      if (k < head.length) return head[k];
      all ??= Array.from(indexes, exact).sort(order);
      return all[k];
    },
  };
}

/** Eligible insights outside `touched`, in the pool's quality × freshness order, scored at the floor. */
function fallbackStream(
  pool: BriefPool,
  scorer: ProfileScorer,
  eligible: (i: number) => boolean,
  touched: { has(i: number): boolean } | undefined,
): ScoredStream {
  const out: Scored[] = [];
  let next = 0;
  return {
    at(k) {
      while (out.length <= k && next < pool.byBase.length) {
        const i = pool.byBase[next++] as number;
        if (touched?.has(i) || !eligible(i)) continue;
        out.push({ index: i, score: scorer.fallbackScore(i) });
      }
      return out[k];
    },
  };
}
