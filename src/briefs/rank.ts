import type { InsightWithContext } from '../store/types.js';
import { interestMatch, type TermsOf } from './interest-match.js';

export interface RankedInsight {
  insight: InsightWithContext;
  score: number;
  reason: string;
}

export interface RankOptions {
  size: number;
  interests: string[];
  /** Insight ids this subscriber was already sent. */
  exclude: Set<number>;
  now: Date;
  termsOf: TermsOf;
  /** Days over which freshness halves. */
  halfLifeDays?: number;
}

/**
 * Score = relevance × quality × freshness, then a greedy diverse pick:
 * one insight per episode, a second from the same show only when nothing else is left,
 * and a penalty for overlapping with what was already picked (MMR).
 */
export function rankInsights(candidates: InsightWithContext[], opts: RankOptions): RankedInsight[] {
  const pool = candidates.filter((c) => !opts.exclude.has(c.id));
  const bestPerEpisode = new Map<number, number>();
  for (const c of pool) bestPerEpisode.set(c.episodeId, Math.max(bestPerEpisode.get(c.episodeId) ?? 0, c.score));
  const terms = new Map(pool.map((c) => [c.id, new Set(opts.termsOf(`${c.headline} ${c.text}`))]));

  const scored = pool.map((c) => {
    const quality = (bestPerEpisode.get(c.episodeId) ?? 0) > 0 ? c.score / bestPerEpisode.get(c.episodeId)! : 0;
    const match = interestMatch(opts.interests, `${c.podcastTitle} ${c.headline} ${c.text}`, opts.termsOf);
    // Without interests every insight is equally relevant: the day's best across all shows.
    const relevance = opts.interests.length === 0 ? 1 : 0.15 + match.score;
    const fresh = freshness(c, opts.now, opts.halfLifeDays ?? 3);
    const reason = match.interest
      ? `matches your interest "${match.interest}"`
      : `a top insight from ${c.podcastTitle}`;
    return { insight: c, score: relevance * (0.5 + 0.5 * quality) * fresh, reason };
  });
  scored.sort((a, b) => b.score - a.score || a.insight.id - b.insight.id);

  const picked: RankedInsight[] = [];
  const usedEpisodes = new Set<number>();
  const usedFeeds = new Set<number>();
  while (picked.length < opts.size) {
    let best: { item: RankedInsight; value: number } | undefined;
    for (const item of scored) {
      if (usedEpisodes.has(item.insight.episodeId)) continue;
      const overlap = Math.max(0, ...picked.map((p) => jaccard(terms.get(p.insight.id)!, terms.get(item.insight.id)!)));
      const sameShow = usedFeeds.has(item.insight.feedId) ? 0.5 : 1;
      const value = item.score * sameShow * (1 - 0.7 * overlap);
      if (!best || value > best.value) best = { item, value };
    }
    if (!best) break;
    picked.push(best.item);
    usedEpisodes.add(best.item.insight.episodeId);
    usedFeeds.add(best.item.insight.feedId);
  }
  return picked;
}

function freshness(c: InsightWithContext, now: Date, halfLifeDays: number): number {
  const seen = Date.parse(c.publishedAt ?? c.firstSeenAt);
  const ageDays = Number.isFinite(seen) ? Math.max(0, (now.getTime() - seen) / 86_400_000) : halfLifeDays;
  return Math.pow(0.5, ageDays / halfLifeDays);
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / (a.size + b.size - shared);
}
