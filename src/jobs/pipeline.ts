import type { App } from '../app.js';
import { createPoolCache, localTime } from '../briefs/index.js';
import { SendBreaker, withGroupedWrites } from '../delivery/index.js';
import { receivesBriefs } from '../model/user.js';
import type { FeedRow } from '../store/types.js';
import { withNewlyPublished } from '../transcripts/asr/index.js';
import { deliverBrief, type DeliverResult } from './tasks/deliver-brief.task.js';
import { processEpisode, showBoilerplateFor, type ProcessResult } from './tasks/process-episode.task.js';
import { refreshFeed, type RefreshResult } from './tasks/refresh-feed.task.js';
import { hostOf, mapLimitPerKey } from './limit-per-key.js';

export type Progress = (done: number, total: number) => void;

export interface PollOptions {
  /** Poll every active feed, not only the ones due. */
  all?: boolean;
  now?: Date;
  onProgress?: Progress;
}

export async function pollFeeds(app: App, opts: PollOptions = {}): Promise<RefreshResult[]> {
  const now = opts.now ?? new Date();
  const feeds: FeedRow[] = opts.all
    ? (await app.store.listFeeds()).filter((f) => f.status === 'active')
    : await app.store.dueFeeds(now);
  let done = 0;
  opts.onProgress?.(0, feeds.length);
  const { pollConcurrency, pollPerHostConcurrency } = app.config;
  return mapLimitPerKey(
    feeds,
    pollConcurrency,
    pollPerHostConcurrency,
    (feed) => hostOf(feed.url),
    async (feed) => {
      const result = await refreshFeed(app, feed, now);
      if (result.status === 'failed') app.log.warn(`feed ${feed.url}: ${result.error}`, { code: result.code });
      opts.onProgress?.(++done, feeds.length);
      return result;
    },
  );
}

export interface ProcessOptions {
  /** Only episodes first seen in this many days. */
  sinceDays?: number;
  limit?: number;
  now?: Date;
  onProgress?: Progress;
}

export async function processEpisodes(app: App, opts: ProcessOptions = {}): Promise<ProcessResult[]> {
  const now = opts.now ?? new Date();
  const since = new Date(now.getTime() - (opts.sinceDays ?? 7) * 86_400_000);
  const limit = opts.limit ?? app.config.maxEpisodesPerRun;
  // Candidates well beyond the limit, so that every feed gets its turn before any gets a second.
  const candidates = await app.store.episodesToProcess(since, Math.min(limit * 20, 100_000), now);
  const episodes = await withNewlyPublished(app.store, fairShare(candidates, limit), since, limit);
  let done = 0;
  opts.onProgress?.(0, episodes.length);
  const results: ProcessResult[] = [];
  const boilerplate = showBoilerplateFor(app);
  // One at a time: extraction is CPU-bound and transcripts can be large.
  for (const episode of episodes) {
    const result = await processEpisode(app, episode, now, boilerplate);
    if (result.status === 'failed') app.log.warn(`episode ${episode.id} "${episode.title}": ${result.error}`);
    results.push(result);
    opts.onProgress?.(++done, episodes.length);
  }
  return results;
}

export interface DeliverOptions {
  now?: Date;
  /** Send now regardless of each subscriber's delivery hour. */
  ignoreHour?: boolean;
  userIds?: number[];
}

/**
 * Each active, confirmed, unpaused subscriber whose local delivery hour has come gets today's brief,
 * once. SEND_CONCURRENCY subscribers are composed and sent at the same time (over the mailer's
 * pooled connections); the store writes of those in flight are committed together.
 */
export async function deliverBriefs(app: App, opts: DeliverOptions = {}): Promise<DeliverResult[]> {
  const now = opts.now ?? new Date();
  const only = opts.userIds && new Set(opts.userIds);
  const suppressed = new Set((await app.store.listSuppressions()).map((s) => s.email));
  const users = (await app.store.listUsers()).filter(
    (u) =>
      receivesBriefs(u) &&
      (!only || only.has(u.id)) &&
      !suppressed.has(u.email.trim().toLowerCase()) &&
      (opts.ignoreHour || localTime(now, u.timezone).hour >= u.deliveryHour),
  );
  // One pool of recent insights for the whole run: built once, ranked against every profile.
  const pools = createPoolCache();
  // One breaker for the run: a down or stalled mail server costs a few timeouts, not one per brief.
  const breaker = new SendBreaker();
  const run: App = { ...app, store: withGroupedWrites(app.store) };
  const concurrency = app.config.sendConcurrency;
  let stopSaid = false;
  return mapLimitPerKey(
    users,
    concurrency,
    concurrency,
    () => 'all',
    async (user) => {
      const result = await deliverBrief(run, user, now, pools, breaker);
      const send = result.send;
      if (send?.status === 'failed') app.log.error(`brief for user ${user.id}: ${send.error}`, { code: send.code });
      if (send?.status === 'bounced')
        app.log.warn(`brief for user ${user.id} bounced; address suppressed: ${send.error}`, { code: send.code });
      if (breaker.open && !stopSaid) {
        stopSaid = true;
        app.log.error(`send run stopped: ${breaker.reason}`, { code: 'smtp_circuit_open' });
      }
      return result;
    },
  );
}

/**
 * Up to `limit` episodes, one from each feed in turn (newest published first within a feed), so a
 * feed with a large backlog cannot hold back the others until a later run.
 */
export function fairShare<T extends { feedId: number; publishedAt: string | null; id: number }>(
  episodes: readonly T[],
  limit: number,
): T[] {
  const byFeed = new Map<number, T[]>();
  for (const e of episodes) {
    const list = byFeed.get(e.feedId);
    if (list) list.push(e);
    else byFeed.set(e.feedId, [e]);
  }
  const queues = [...byFeed.values()].map((list) =>
    list.sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '') || a.id - b.id),
  );
  const out: T[] = [];
  for (let round = 0; out.length < limit; round += 1) {
    let any = false;
    for (const q of queues) {
      const e = q[round];
      if (!e) continue;
      any = true;
      out.push(e);
      if (out.length >= limit) break;
    }
    if (!any) break;
  }
  return out;
}
