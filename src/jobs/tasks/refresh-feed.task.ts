import type { App } from '../../app.js';
import {
  fetchFeed,
  nextPollDelaySeconds,
  publishingCadenceSeconds,
  recogniseRepublished,
  unconditionalFetchDue,
  type PollDelayInput,
} from '../../feeds/index.js';
import { AppError, errorMessage } from '../../model/errors.js';
import type { ParsedEpisode } from '../../model/feed.js';
import { withFeedCredentials } from '../../model/feed-url.js';
import type { FeedPollUpdate, FeedRow, OpenFeedAuth } from '../../store/types.js';
import type { RefreshFeedStore } from '../ports.js';

export type RefreshResult =
  | {
      feedId: number;
      url: string;
      status: 'updated';
      title: string;
      inserted: number;
      updated: number;
      warnings: string[];
      /** Items that came back under new GUIDs and were kept as the episodes already stored. */
      republished?: number;
    }
  | { feedId: number; url: string; status: 'not_modified' }
  | {
      feedId: number;
      url: string;
      status: 'failed';
      code: string;
      error: string;
      /** Set once the feed has failed POLL_PAUSE_AFTER_FAILURES times in a row. */
      paused?: true;
    };

/** What polling one feed needs of the App. */
export type RefreshFeedDeps = Pick<App, 'config' | 'log' | 'metrics' | 'fetchOptions'> & { store: RefreshFeedStore };

type Hints = Pick<PollDelayInput, 'ttlSeconds' | 'cacheMaxAgeSeconds' | 'retryAfterSeconds' | 'cadenceSeconds'>;

/**
 * Polls one feed: conditional GET (unconditional once the body has not come back for
 * POLL_UNCONDITIONAL_HOURS), parse, upsert the newest episodes by GUID (FIRST_POLL_EPISODES the first
 * time, MAX_ITEMS_PER_POLL after), reschedule by the feed's cadence and the server's hints.
 * A failure is recorded on the feed and never touches the episodes already stored; enough of them in
 * a row pause the feed, and any success (a scheduled retry or `feeds refresh`) resumes it.
 * Counted in podbrief_feed_polls_total whichever path runs it (scheduler, queue, CLI).
 * `auth` opens the feed's stored credentials (null: none) when the caller read them with the feed
 * (feedToPoll), else they are read here.
 */
export async function refreshFeed(
  app: RefreshFeedDeps,
  feed: FeedRow,
  now = new Date(),
  auth?: OpenFeedAuth | null,
): Promise<RefreshResult> {
  return (await refreshFeedForNewEpisodes(app, feed, now, auth)).result;
}

/** A poll's result, with the episodes it stored for the first time (status 'new'). */
export interface PolledFeed {
  result: RefreshResult;
  newEpisodeIds: number[];
}

/** refreshFeed, also naming the episodes it inserted: the poll-feed job queues them without reading them back. */
export async function refreshFeedForNewEpisodes(
  app: RefreshFeedDeps,
  feed: FeedRow,
  now: Date,
  auth?: OpenFeedAuth | null,
): Promise<PolledFeed> {
  const polled = await pollOneFeed(app, feed, now, auth);
  app.metrics.feedPolls.inc({ outcome: polled.result.status });
  return polled;
}

async function pollOneFeed(
  app: RefreshFeedDeps,
  feed: FeedRow,
  now: Date,
  auth: OpenFeedAuth | null | undefined,
): Promise<PolledFeed> {
  const { config, store } = app;
  const nextPollAt = (errorCount: number, hints: Hints) =>
    new Date(
      now.getTime() +
        nextPollDelaySeconds({
          minSeconds: config.pollMinIntervalMinutes * 60,
          maxSeconds: config.pollMaxIntervalMinutes * 60,
          defaultSeconds: config.pollIntervalMinutes * 60,
          jitter: config.pollJitterPercent / 100,
          errorCount,
          ...hints,
        }) *
          1000,
    ).toISOString();
  // Success after a pause or a 410 (a hand refresh, or the occasional scheduled retry): back in rotation.
  const succeeded: FeedPollUpdate = {
    lastPolledAt: now.toISOString(),
    errorCount: 0,
    lastError: null,
    ...(feed.status !== 'active' && { status: 'active' as const }),
  };
  const unchanged: PolledFeed = {
    result: { feedId: feed.id, url: feed.url, status: 'not_modified' },
    newEpisodeIds: [],
  };
  try {
    const unconditional = unconditionalFetchDue(feed, config.pollUnconditionalHours, now);
    // Credentials are stored apart from the URL; safeFetch sends them as Basic auth, same origin only.
    const res = await fetchFeed(
      withFeedCredentials(feed.url, auth === undefined ? await store.feedAuth(feed.id) : await auth?.()),
      unconditional ? {} : { etag: feed.etag, lastModified: feed.lastModified },
      app.fetchOptions('feed'),
    );
    if (res.notModified) {
      await store.updateFeed(feed.id, {
        ...succeeded,
        nextPollAt: nextPollAt(0, { ...serverHints(res), cadenceSeconds: feed.cadenceSeconds }),
      });
      return unchanged;
    }
    const cadenceSeconds = publishingCadenceSeconds(res.feed.episodes) ?? null;
    const scheduled: FeedPollUpdate = {
      ...succeeded,
      nextPollAt: nextPollAt(0, { ...serverHints(res), ...ttl(res.feed.ttlMinutes), cadenceSeconds }),
      cadenceSeconds,
      fullFetchedAt: now.toISOString(),
      etag: res.etag ?? null,
      lastModified: res.lastModified ?? null,
    };
    if (res.contentHash === feed.contentHash) {
      await store.updateFeed(feed.id, scheduled);
      return unchanged;
    }
    const { episodes, republished } = await newEpisodes(app, feed, res.feed.episodes);
    if (republished > 0) {
      app.log.warn(
        `feed ${feed.id} ${feed.url}: ${republished} items came back under new GUIDs; kept as the episodes already stored`,
        { code: 'guid_churn' },
      );
    }
    const { updated, insertedIds } = await store.upsertEpisodes(feed.id, episodes, now);
    await store.updateFeed(feed.id, {
      ...scheduled,
      title: res.feed.title || feed.title,
      description: res.feed.description ?? null,
      categories: res.feed.categories ?? [],
      link: res.feed.link ?? null,
      imageUrl: res.feed.imageUrl ?? null,
      language: res.feed.language ?? null,
      contentHash: res.contentHash,
    });
    const result: RefreshResult = {
      feedId: feed.id,
      url: feed.url,
      status: 'updated',
      title: res.feed.title,
      inserted: insertedIds.length,
      updated,
      warnings: res.feed.warnings,
      ...(republished > 0 && { republished }),
    };
    return { result, newEpisodeIds: insertedIds };
  } catch (err) {
    const code = err instanceof AppError ? err.code : 'unexpected_error';
    const errorCount = feed.errorCount + 1;
    const retryAfter =
      err instanceof AppError ? (err as AppError & { retryAfterSeconds?: number }).retryAfterSeconds : undefined;
    // 410 means the publisher ended the feed for good: stop asking.
    const gone = code === 'http_410';
    const paused = !gone && errorCount >= config.pollPauseAfterFailures;
    const error = errorMessage(err);
    await store.updateFeed(feed.id, {
      lastPolledAt: now.toISOString(),
      // A paused feed is retried now and then at the longest interval, so it resumes once the server is back.
      nextPollAt: nextPollAt(paused ? Number.POSITIVE_INFINITY : errorCount, {
        cadenceSeconds: feed.cadenceSeconds,
        ...(retryAfter !== undefined && { retryAfterSeconds: retryAfter }),
      }),
      errorCount,
      lastError: `${code}: ${error}`,
      ...(gone && { status: 'gone' as const }),
      ...(paused && { status: 'paused' as const }),
    });
    if (paused && feed.status !== 'paused') {
      app.log.warn(`feed ${feed.id} ${feed.url} paused after ${errorCount} failed polls in a row: ${code}`, { code });
    }
    return {
      result: {
        feedId: feed.id,
        url: feed.url,
        status: 'failed',
        code,
        error,
        ...(paused && { paused: true as const }),
      },
      newEpisodeIds: [],
    };
  }
}

/**
 * The episodes of this poll worth storing: the newest few on first sight (a back catalogue is not
 * news), later what is new and not older than the oldest episode kept, with items republished under
 * new GUIDs recognised as the episodes they are.
 */
async function newEpisodes(
  app: RefreshFeedDeps,
  feed: FeedRow,
  parsed: ParsedEpisode[],
): Promise<{ episodes: ParsedEpisode[]; republished: number }> {
  const { firstPollEpisodes, maxItemsPerPoll } = app.config;
  const firstSight = feed.contentHash === null;
  const newest = [...parsed]
    .sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''))
    .slice(0, firstSight ? Math.min(firstPollEpisodes, maxItemsPerPoll) : maxItemsPerPoll);
  if (firstSight) return { episodes: newest, republished: 0 };
  const stored = await app.store.episodesByFeed(feed.id);
  const oldest = oldestPublished(stored);
  const { episodes, republished } = recogniseRepublished(newest, stored);
  return {
    episodes: oldest === undefined ? episodes : episodes.filter((e) => !(Date.parse(e.publishedAt ?? '') < oldest)),
    republished,
  };
}

/** The publication time (ms) of the oldest stored episode that has one. */
function oldestPublished(episodes: Array<{ publishedAt: string | null }>): number | undefined {
  let oldest: number | undefined;
  for (const e of episodes) {
    const t = Date.parse(e.publishedAt ?? '');
    if (Number.isFinite(t) && (oldest === undefined || t < oldest)) oldest = t;
  }
  return oldest;
}

function serverHints(res: { retryAfterSeconds?: number; cacheMaxAgeSeconds?: number }): Hints {
  return {
    ...(res.retryAfterSeconds !== undefined && { retryAfterSeconds: res.retryAfterSeconds }),
    ...(res.cacheMaxAgeSeconds !== undefined && { cacheMaxAgeSeconds: res.cacheMaxAgeSeconds }),
  };
}

function ttl(minutes: number | undefined): Hints {
  return minutes !== undefined ? { ttlSeconds: minutes * 60 } : {};
}
