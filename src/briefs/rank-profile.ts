import type { BriefPool } from './brief-pool.js';
import type { Profile } from './profile.js';
import { ProfileScorer } from './profile-scorer.js';
import { arrayStream, byScore, selectDiverse, type Scored, type ScoredStream } from './select-diverse.js';
import { TouchedInsights } from './touched-insights.js';
import { Eligibility } from './eligibility.js';

export interface RankRequest {
  size: number;
  /** Only insights first seen at or after this time are new for the subscriber. */
  since: Date;
  /** Insight ids already sent; their near-duplicates are excluded too. */
  sent: ReadonlySet<number>;
}

/**
 * The production ranker. Only insights sharing a feature with the profile (found through the
 * postings), from a show whose title or description shares one, or from a followed show can
 * score above the floor; every other insight scores
 * floor × quality × freshness, so they are taken in the pool's precomputed quality order.
 * The two lists are merged lazily and fed to the same diverse pick as the brute-force ranker,
 * so both return the same brief.
 */
export function rankForProfile(pool: BriefPool, profile: Profile, req: RankRequest): Scored[] {
  const scorer = new ProfileScorer(pool, profile);
  try {
    const eligible = new Eligibility(pool, profile, req);
    if (profile.coldStart)
      return selectDiverse(pool, fallbackStream(pool, scorer, eligible, undefined), diversity(req, profile));
    const touched = new TouchedInsights(pool, scorer, eligible);
    try {
      return selectDiverse(pool, mergedStream(pool, scorer, eligible, touched), diversity(req, profile));
    } finally {
      touched.release();
    }
  } finally {
    scorer.release();
  }
}

/** Scores every insight of the pool, sorts them all, then the same diverse pick. */
export function rankBruteForce(pool: BriefPool, profile: Profile, req: RankRequest): Scored[] {
  const scorer = new ProfileScorer(pool, profile);
  try {
    const eligible = new Eligibility(pool, profile, req);
    const all: Scored[] = [];
    for (let i = 0; i < pool.insights.length; i += 1)
      if (eligible.has(i)) all.push({ index: i, score: scorer.score(i) });
    all.sort(byScore(pool));
    return selectDiverse(pool, arrayStream(all), diversity(req, profile));
  } finally {
    scorer.release();
  }
}

function diversity(req: RankRequest, profile: Profile): { size: number; allowRepeatedShows: boolean } {
  return { size: req.size, allowRepeatedShows: profile.onlyFollowed && profile.followed.size < req.size };
}

function mergedStream(
  pool: BriefPool,
  scorer: ProfileScorer,
  eligible: Eligibility,
  touched: TouchedInsights,
): ScoredStream {
  const top = touched.inOrder();
  const rest = fallbackStream(pool, scorer, eligible, touched);
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

/** Eligible insights outside `touched`, in the pool's quality × freshness order, scored at the floor. */
function fallbackStream(
  pool: BriefPool,
  scorer: ProfileScorer,
  eligible: Eligibility,
  touched: { has(i: number): boolean } | undefined,
): ScoredStream {
  const out: Scored[] = [];
  let next = 0;
  return {
    at(k) {
      while (out.length <= k && next < pool.byBase.length) {
        const i = pool.byBase[next++] as number;
        if (touched?.has(i) || !eligible.has(i)) continue;
        out.push({ index: i, score: scorer.fallbackScore(i) });
      }
      return out[k];
    },
  };
}
