import { indexEntryFor } from '../related/insight-index.js';
import type { InsightWithContext } from '../store/types.js';
import { toBriefItems } from './brief-items.js';
import { buildBriefPool } from './brief-pool.js';
import { buildProfile } from './profile.js';
import { rankForProfile } from './rank-profile.js';

interface RankedInsight {
  insight: InsightWithContext;
  score: number;
  reason: string;
}

interface RankOptions {
  size: number;
  interests: string[];
  /** Insight ids this subscriber was already sent (their near-duplicates are left out too). */
  exclude: Set<number>;
  now: Date;
}

/**
 * The library form of the ranker, without a store: indexes the candidates, then
 * relevance × quality × freshness and the diverse pick of `composeBrief`.
 */
export function rankInsights(candidates: InsightWithContext[], opts: RankOptions): RankedInsight[] {
  const pool = buildBriefPool(candidates, new Map(candidates.map((c) => [c.id, indexEntryFor(c)])), { now: opts.now });
  const profile = buildProfile({ interests: opts.interests }, { now: opts.now });
  const picks = rankForProfile(pool, profile, { size: opts.size, since: new Date(0), sent: opts.exclude });
  const items = toBriefItems(pool, profile, picks, 0);
  return picks.map((p, n) => ({
    insight: pool.insights[p.index] as InsightWithContext,
    score: p.score,
    reason: items[n]?.reason ?? '',
  }));
}
