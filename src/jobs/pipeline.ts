import type { App } from '../app.js';
import { createPoolCache, localTime } from '../briefs/index.js';
import { SendBreaker, withBatchedReads, withGroupedWrites } from '../delivery/index.js';
import { dueSubscribers } from './due-subscribers.js';
import { forEachLimit } from './for-each-limit.js';
import { suppressedBriefCounter, type CountSuppressed } from './suppressed-briefs.js';
import { logBounce, logEpisodeFailure, logFeedFailure } from './task-failures.js';
import type { FeedRow } from '../store/types.js';
import { withNewlyPublished } from '../transcripts/asr/index.js';
import type { DeliverBriefsStore, PollFeedsStore, ProcessEpisodesStore } from './ports.js';
import { deliverBrief, type DeliverBriefDeps, type DeliverResult } from './tasks/deliver-brief.task.js';
import { processEpisode, showBoilerplateFor, type ProcessResult } from './tasks/process-episode.task.js';
import { refreshFeed, type RefreshResult } from './tasks/refresh-feed.task.js';
import { hostOf, mapLimitPerKey } from './limit-per-key.js';
import { feedLeaseMs, withFeedLeases } from './feed-lease.js';
import { runJob } from '../ops/index.js';

export type Progress = (done: number, total: number) => void;

export interface PollOptions {
  /** Poll every active feed, not only the ones due. */
  all?: boolean;
  now?: Date;
  onProgress?: Progress;
}

/** What a polling run needs of the App. */
export type PollFeedsDeps = Pick<App, 'config' | 'log' | 'metrics' | 'fetchOptions'> & { store: PollFeedsStore };

export async function pollFeeds(app: PollFeedsDeps, opts: PollOptions = {}): Promise<RefreshResult[]> {
  const now = opts.now ?? new Date();
  const { pollConcurrency, pollPerHostConcurrency, fetchTimeoutSeconds } = app.config;
  const poll = async (feeds: FeedRow[], total: () => number) =>
    mapLimitPerKey(
      feeds,
      pollConcurrency,
      pollPerHostConcurrency,
      (feed) => hostOf(feed.url),
      async (feed) => {
        const result = await runJob(app, { name: 'refresh-feed' }, async (log) => {
          const r = await refreshFeed(app, feed, now);
          logFeedFailure(log, feed, r);
          return r;
        });
        opts.onProgress?.(++done, total());
        return result;
      },
    );
  let done = 0;
  if (opts.all) {
    const feeds = (await app.store.listFeeds()).filter((f) => f.status === 'active');
    opts.onProgress?.(0, feeds.length);
    return poll(feeds, () => feeds.length);
  }
  // Due feeds are taken a batch at a time under a lease, so pollers sharing a database split them
  // instead of each fetching all. A batch several times the concurrency leaves room to skip a busy
  // host; its lease is renewed while the batch is polled.
  const batch = pollConcurrency * 8;
  const started = Date.now();
  const lease = {
    ms: feedLeaseMs(fetchTimeoutSeconds),
    // `now` moves on with the run, so a batch taken late in a long run still gets a whole lease.
    clock: () => new Date(now.getTime() + (Date.now() - started)),
    onRenewalFailed: (err: unknown) =>
      app.log.warn(`feed lease renewal failed; another poller may take these feeds: ${String(err)}`, {
        code: 'feed_lease_renewal_failed',
      }),
  };
  const results: RefreshResult[] = [];
  const polled = new Set<number>();
  for (;;) {
    // A feed rescheduled into the past (a clock far behind) comes back at once: once a run is enough.
    const feeds = (await app.store.claimDueFeeds(lease.clock(), batch, lease.ms)).filter((f) => !polled.has(f.id));
    if (feeds.length === 0) return results;
    for (const f of feeds) polled.add(f.id);
    // The total grows batch by batch: what other pollers take is not known ahead.
    opts.onProgress?.(done, polled.size);
    const ids = feeds.map((f) => f.id);
    results.push(...(await withFeedLeases(app.store, ids, lease, () => poll(feeds, () => polled.size))));
  }
}

/** Episodes first seen this long ago or less are processed (by default in a run; always by the queue). */
export const PROCESS_WINDOW_DAYS = 7;

export interface ProcessOptions {
  /** Only episodes first seen in this many days. */
  sinceDays?: number;
  limit?: number;
  now?: Date;
  onProgress?: Progress;
}

/** What a processing run needs of the App. */
export type ProcessEpisodesDeps = Pick<
  App,
  'config' | 'log' | 'metrics' | 'embedder' | 'fetchOptions' | 'insightEngine' | 'asrLadder'
> & { store: ProcessEpisodesStore };

export async function processEpisodes(app: ProcessEpisodesDeps, opts: ProcessOptions = {}): Promise<ProcessResult[]> {
  const now = opts.now ?? new Date();
  const since = new Date(now.getTime() - (opts.sinceDays ?? PROCESS_WINDOW_DAYS) * 86_400_000);
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
    const result = await runJob(app, { name: 'process-episode' }, async (log) => {
      const r = await processEpisode(app, episode, now, boilerplate);
      logEpisodeFailure(log, r);
      return r;
    });
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
  /** Counts the suppressed subscribers found due; a scheduler passes the one it keeps across ticks. */
  countSuppressed?: CountSuppressed;
}

/** What a delivery run needs of the App. */
export type DeliverBriefsDeps = Pick<App, 'config' | 'log' | 'metrics' | 'mailer' | 'briefEmailSettings'> & {
  store: DeliverBriefsStore;
};

/**
 * Each active, confirmed, unpaused subscriber whose local delivery hour has come gets today's brief,
 * once. SEND_CONCURRENCY subscribers are composed and sent at the same time (over the mailer's
 * pooled connections); the store writes of those in flight are committed together. Every result,
 * in the order of the subscribers; a run over a long list that needs only a tally: `sendDueBriefs`.
 */
export async function deliverBriefs(app: DeliverBriefsDeps, opts: DeliverOptions = {}): Promise<DeliverResult[]> {
  const results: DeliverResult[] = [];
  await sendDueBriefs(app, opts, (result, index) => {
    results[index] = result;
  });
  return results;
}

/**
 * `deliverBriefs` with each result handed to `onResult` (with its place among the due subscribers)
 * as it comes, none kept: the run holds a page of due subscribers and the briefs in flight, so its
 * memory stays the same for a hundred subscribers or a hundred thousand.
 */
export async function sendDueBriefs(
  app: DeliverBriefsDeps,
  opts: DeliverOptions,
  onResult: (result: DeliverResult, index: number) => void,
): Promise<void> {
  const now = opts.now ?? new Date();
  const countSuppressed = opts.countSuppressed ?? suppressedBriefCounter(app);
  const users = dueSubscribers(app, now, {
    ...(opts.ignoreHour && { ignoreHour: true }),
    ...(opts.userIds && { userIds: opts.userIds }),
    onSuppressed: (user) => countSuppressed(user, now),
  });
  // One pool of recent insights for the whole run: built once, ranked against every profile.
  const pools = createPoolCache();
  // One breaker for the run: a down or stalled mail server costs a few timeouts, not one per brief.
  const breaker = new SendBreaker();
  const run: DeliverBriefDeps = { ...app, store: withBatchedReads(withGroupedWrites(app.store)) };
  let stopSaid = false;
  await forEachLimit(users, app.config.sendConcurrency, async (user, index) => {
    const result = await runJob(
      app,
      { name: 'deliver-brief' },
      async (log) => {
        const r = await deliverBrief(run, user, { date: localTime(now, user.timezone).date, now, pools, breaker });
        const send = r.send;
        if (send?.status === 'failed') log.error(`brief for user ${user.id}: ${send.error}`, { code: send.code });
        logBounce(log, user, r);
        return r;
      },
      (r) => r.send?.status ?? r.compose,
    );
    if (breaker.open && !stopSaid) {
      stopSaid = true;
      app.log.error(`send run stopped: ${breaker.reason}`, { code: 'smtp_circuit_open' });
    }
    onResult(result, index);
  });
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
