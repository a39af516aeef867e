import { indexEntryFor } from '../related/insight-index.js';
import { InsightPool, type SimilarityThresholds } from '../related/pool.js';
import { relatedText } from '../related/related-text.js';
import type { AlsoOn, RelatedItem } from '../model/brief.js';
import type { InsightIndexEntry, InsightWithContext, ShowText } from '../store/types.js';
import { buildShowTopics, type ShowTopics } from './show-topics.js';

export interface BriefPoolOptions {
  now: Date;
  /** Days over which freshness halves. */
  freshnessHalfLifeDays?: number;
  duplicate?: SimilarityThresholds;
  /** Each show's title and description; a show missing here is known by its podcastTitle only. */
  shows?: ReadonlyMap<number, ShowText>;
}

/**
 * Everything ranking needs about the recent insights, computed once and shared by every
 * subscriber: the vectors and postings, quality × freshness per insight, near-duplicate groups,
 * and all insights ordered by quality × freshness (the cold-start and fallback order).
 */
export interface BriefPool {
  index: InsightPool;
  insights: InsightWithContext[];
  /** quality × freshness, per insight. */
  base: Float64Array;
  /** When each insight became new, in ms: its episode first seen, or its extraction if later. */
  seenAt: Float64Array;
  /** Each insight's show and episode, for per-candidate checks without loading the insight. */
  feedOf: Int32Array;
  episodeOf: Int32Array;
  dupGroup: Int32Array;
  /** Members of each near-duplicate group of two or more. */
  dupMembers: Map<number, number[]>;
  /** Insight indexes by base descending, then id ascending. */
  byBase: Int32Array;
  byFeed: Map<number, number[]>;
  /** What each show is about, from its title and description. */
  shows: ShowTopics;
  /** Related insights per insight, labelled, filled on first use (many subscribers share items). */
  relatedCache: Map<number, RelatedItem[]>;
  /** The same for each item's link and "also on". */
  sharedParts: Map<number, SharedBriefParts>;
}

/** What a brief item shows of an insight besides the insight itself, whoever receives it. */
export interface SharedBriefParts {
  /** The headline as shown (readableHeadline): parsing it once per run, not once per subscriber. */
  headline: string;
  link: { timestampUrl?: string };
  alsoOn: AlsoOn[];
}

/**
 * What a show-notes insight keeps of its quality × freshness: the producer's summary of an
 * episode says less than what was said in it, and cannot be checked against it.
 */
const SHOW_NOTES_WEIGHT = 0.6;

/**
 * Builds the pool from stored insights and their index entries; an insight without an entry
 * (indexed before the index existed, or by another path) is indexed here.
 */
export function buildBriefPool(
  insights: InsightWithContext[],
  entries: ReadonlyMap<number, InsightIndexEntry>,
  opts: BriefPoolOptions,
): BriefPool {
  const items = insights.map((c) => {
    const e = entries.get(c.id) ?? indexEntryFor(c);
    return {
      id: c.id,
      episodeId: c.episodeId,
      feedId: c.feedId,
      terms: e.terms,
      ...relatedText(c),
      ...(e.embedding ? { embedding: e.embedding, embeddingModel: e.embeddingModel ?? '' } : {}),
    };
  });
  const index = new InsightPool(items);
  const best = bestPerShow(insights);
  const now = opts.now.getTime();
  // Quality is relative to the best insight of the same show and source, so show notes would
  // otherwise stand level with transcripts: they rank below a transcript insight of equal relevance.
  const halfLife = opts.freshnessHalfLifeDays ?? 3;
  const base = Float64Array.from(insights, (c) => {
    const showBest = bestOf(best, c);
    const quality = showBest > 0 ? Math.max(0, c.score) / showBest : 0;
    const published = Date.parse(c.publishedAt ?? c.firstSeenAt);
    const ageDays = Number.isFinite(published) ? Math.max(0, (now - published) / 86_400_000) : halfLife;
    return (c.fromShowNotes ? SHOW_NOTES_WEIGHT : 1) * (0.5 + 0.5 * quality) * 0.5 ** (ageDays / halfLife);
  });
  const dupGroup = index.duplicateGroups(opts.duplicate);
  const dupMembers = new Map<number, number[]>();
  dupGroup.forEach((g, i) => push(dupMembers, g, i));
  for (const [g, members] of dupMembers) if (members.length < 2) dupMembers.delete(g);
  const byFeed = new Map<number, number[]>();
  insights.forEach((c, i) => push(byFeed, c.feedId, i));
  const showTexts = new Map<number, ShowText>();
  for (const c of insights)
    if (!showTexts.has(c.feedId))
      showTexts.set(
        c.feedId,
        opts.shows?.get(c.feedId) ?? { title: c.podcastTitle, description: null, categories: [] },
      );
  const order = insights.map((_, i) => i);
  order.sort((a, b) => (base[b] as number) - (base[a] as number) || (insights[a]?.id ?? 0) - (insights[b]?.id ?? 0));
  return {
    index,
    insights,
    base,
    seenAt: Float64Array.from(insights, (c) => Math.max(Date.parse(c.firstSeenAt), Date.parse(c.extractedAt))),
    feedOf: Int32Array.from(insights, (c) => c.feedId),
    episodeOf: Int32Array.from(insights, (c) => c.episodeId),
    dupGroup,
    dupMembers,
    byBase: Int32Array.from(order),
    byFeed,
    shows: buildShowTopics(showTexts),
    relatedCache: new Map(),
    sharedParts: new Map(),
  };
}

/**
 * Each show's best score per source (transcript or show notes): scores are comparable within a show,
 * not across shows. Against its episode's best instead, a flat episode (chat where nothing stands
 * out) had its second and third passages rated as highly as a strong episode's best, and they opened
 * the next day's briefs; on eval-public, ordering a show's insights by score put more that match a
 * reference point first than ordering them against their episode's best (bench/pool-quality.ts).
 */
function bestPerShow(insights: InsightWithContext[]): Map<string, number> {
  const best = new Map<string, number>();
  for (const c of insights) {
    // A retired insight is an older extraction of an episode: its score is not the show's now.
    if (c.retired) continue;
    const key = showKey(c);
    best.set(key, Math.max(best.get(key) ?? 0, c.score));
  }
  return best;
}

const showKey = (c: InsightWithContext): string => `${c.feedId}:${c.fromShowNotes ? 'notes' : 'said'}`;
const bestOf = (best: ReadonlyMap<string, number>, c: InsightWithContext): number => best.get(showKey(c)) ?? 0;

function push(map: Map<number, number[]>, key: number, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
