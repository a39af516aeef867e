import type { Brief, BriefItem, RelatedItem } from '../model/brief.js';
import type { User } from '../model/user.js';
import type { InsightWithContext, Store } from '../store/types.js';
import { rankInsights } from './rank.js';
import type { TermsOf } from './interest-match.js';
import { timestampUrl } from './timestamp-url.js';

export interface SimilarFn {
  (target: { id: string; text: string }, candidates: { id: string; text: string }[], k: number): { id: string; score: number }[];
}

export interface ComposeDeps {
  store: Store;
  termsOf: TermsOf;
  similar: SimilarFn;
}

export interface ComposeOptions {
  size: number;
  relatedPerInsight: number;
  now: Date;
  /** How far back the first brief of a new subscriber looks, in days. */
  firstBriefWindowDays?: number;
  /** How far back related insights may come from, in days. */
  relatedWindowDays?: number;
}

export type ComposeOutcome =
  | { status: 'created'; brief: Brief }
  | { status: 'exists'; brief: Brief }
  | { status: 'empty' };

/**
 * The top insights from episodes first seen since the subscriber's previous brief, each with
 * related insights from other episodes. Stored once per (user, date): a second call that day
 * returns the brief that exists.
 */
export async function composeBrief(deps: ComposeDeps, user: User, date: string, opts: ComposeOptions): Promise<ComposeOutcome> {
  const existing = await deps.store.briefFor(user.id, date);
  if (existing) return { status: 'exists', brief: existing };

  const previous = await deps.store.latestBrief(user.id);
  const windowStart = daysBefore(opts.now, opts.firstBriefWindowDays ?? 7);
  const since = previous ? new Date(previous.createdAt) : windowStart;
  const relatedSince = daysBefore(opts.now, opts.relatedWindowDays ?? 30);

  const [candidates, relatedPool, sent] = await Promise.all([
    deps.store.insightsSince(since),
    deps.store.insightsSince(relatedSince),
    deps.store.sentInsightIds(user.id),
  ]);
  const ranked = rankInsights(candidates, {
    size: opts.size,
    interests: user.interests,
    exclude: sent,
    now: opts.now,
    termsOf: deps.termsOf,
  });
  if (ranked.length === 0) return { status: 'empty' };

  const items: BriefItem[] = ranked.map(({ insight, reason }) => ({
    insightId: insight.id,
    headline: insight.headline,
    text: insight.text,
    quote: insight.quote,
    start: insight.start,
    end: insight.end,
    ...(insight.speaker ? { speaker: insight.speaker } : {}),
    podcastTitle: insight.podcastTitle,
    episodeTitle: insight.episodeTitle,
    ...optionalUrl(timestampUrl(insight.audioUrl, insight.episodeLink, insight.start)),
    reason,
    related: relatedFor(deps, insight, relatedPool, opts.relatedPerInsight),
  }));

  const brief = await deps.store.createBrief(user.id, date, items);
  if (brief) return { status: 'created', brief };
  // Another worker stored today's brief between our check and our insert.
  const winner = await deps.store.briefFor(user.id, date);
  return winner ? { status: 'exists', brief: winner } : { status: 'empty' };
}

function relatedFor(deps: ComposeDeps, insight: InsightWithContext, pool: InsightWithContext[], k: number): RelatedItem[] {
  if (k <= 0) return [];
  const others = pool.filter((c) => c.episodeId !== insight.episodeId);
  const byId = new Map(others.map((c) => [String(c.id), c]));
  const hits = deps.similar(
    { id: String(insight.id), text: `${insight.headline} ${insight.text}` },
    others.map((c) => ({ id: String(c.id), text: `${c.headline} ${c.text}` })),
    k * 3,
  );
  const related: RelatedItem[] = [];
  const usedEpisodes = new Set<number>();
  for (const hit of hits) {
    const c = byId.get(hit.id);
    if (!c || usedEpisodes.has(c.episodeId)) continue;
    usedEpisodes.add(c.episodeId);
    related.push({
      insightId: c.id,
      text: c.text,
      headline: c.headline,
      podcastTitle: c.podcastTitle,
      episodeTitle: c.episodeTitle,
      ...optionalUrl(timestampUrl(c.audioUrl, c.episodeLink, c.start)),
    });
    if (related.length >= k) break;
  }
  return related;
}

function optionalUrl(url: string | undefined): { timestampUrl?: string } {
  return url ? { timestampUrl: url } : {};
}

function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * 86_400_000);
}
