import type { App } from '../../app.js';
import { fetchFeed, nextPollDelaySeconds } from '../../feeds/index.js';
import { AppError, errorMessage } from '../../model/errors.js';
import { withFeedCredentials } from '../../model/feed-url.js';
import type { FeedRow } from '../../store/types.js';

export type RefreshResult =
  | {
      feedId: number;
      url: string;
      status: 'updated';
      title: string;
      inserted: number;
      updated: number;
      warnings: string[];
    }
  | { feedId: number; url: string; status: 'not_modified' }
  | { feedId: number; url: string; status: 'failed'; code: string; error: string };

/**
 * Polls one feed: conditional GET, parse, upsert the newest episodes by GUID (FIRST_POLL_EPISODES
 * the first time, MAX_ITEMS_PER_POLL after), reschedule.
 * A failure is recorded on the feed and never touches the episodes already stored.
 */
export async function refreshFeed(app: App, feed: FeedRow, now = new Date()): Promise<RefreshResult> {
  const { config, store } = app;
  const schedule = {
    minSeconds: config.pollMinIntervalMinutes * 60,
    maxSeconds: config.pollMaxIntervalMinutes * 60,
    defaultSeconds: config.pollIntervalMinutes * 60,
  };
  try {
    // Credentials are stored apart from the URL; safeFetch sends them as Basic auth, same origin only.
    const res = await fetchFeed(
      withFeedCredentials(feed.url, await store.feedAuth(feed.id)),
      { etag: feed.etag, lastModified: feed.lastModified },
      app.fetchOptions('feed'),
    );
    const nextPollAt = new Date(
      now.getTime() +
        nextPollDelaySeconds({ ...schedule, errorCount: 0, ...(res.notModified ? {} : hints(res)) }) * 1000,
    ).toISOString();
    if (res.notModified || res.contentHash === feed.contentHash) {
      await store.updateFeed(feed.id, { lastPolledAt: now.toISOString(), nextPollAt, errorCount: 0, lastError: null });
      return { feedId: feed.id, url: feed.url, status: 'not_modified' };
    }
    // On first sight a feed's back catalogue is not news: only its newest few are taken.
    const firstSight = feed.contentHash === null;
    const newest = [...res.feed.episodes]
      .sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''))
      .slice(0, firstSight ? Math.min(config.firstPollEpisodes, config.maxItemsPerPoll) : config.maxItemsPerPoll);
    // Later polls take what is new, not the back catalogue left out the first time: nothing older
    // than the oldest episode kept.
    const oldest = firstSight ? undefined : oldestPublished(await store.episodesByFeed(feed.id));
    const counts = await store.upsertEpisodes(
      feed.id,
      oldest === undefined ? newest : newest.filter((e) => !(Date.parse(e.publishedAt ?? '') < oldest)),
      now,
    );
    await store.updateFeed(feed.id, {
      title: res.feed.title || feed.title,
      description: res.feed.description ?? null,
      link: res.feed.link ?? null,
      imageUrl: res.feed.imageUrl ?? null,
      language: res.feed.language ?? null,
      etag: res.etag ?? null,
      lastModified: res.lastModified ?? null,
      contentHash: res.contentHash,
      lastPolledAt: now.toISOString(),
      nextPollAt,
      errorCount: 0,
      lastError: null,
    });
    return {
      feedId: feed.id,
      url: feed.url,
      status: 'updated',
      title: res.feed.title,
      ...counts,
      warnings: res.feed.warnings,
    };
  } catch (err) {
    const code = err instanceof AppError ? err.code : 'unexpected_error';
    const errorCount = feed.errorCount + 1;
    const retryAfter =
      err instanceof AppError ? (err as AppError & { retryAfterSeconds?: number }).retryAfterSeconds : undefined;
    const delay = nextPollDelaySeconds({
      ...schedule,
      errorCount,
      ...(retryAfter !== undefined ? { retryAfterSeconds: retryAfter } : {}),
    });
    await store.updateFeed(feed.id, {
      lastPolledAt: now.toISOString(),
      nextPollAt: new Date(now.getTime() + delay * 1000).toISOString(),
      errorCount,
      lastError: `${code}: ${errorMessage(err)}`,
      // 410 means the publisher ended the feed for good: stop asking.
      ...(code === 'http_410' ? { status: 'gone' as const } : {}),
    });
    return { feedId: feed.id, url: feed.url, status: 'failed', code, error: errorMessage(err) };
  }
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

function hints(res: { retryAfterSeconds?: number; cacheMaxAgeSeconds?: number; feed: { ttlMinutes?: number } }) {
  return {
    ...(res.retryAfterSeconds !== undefined ? { retryAfterSeconds: res.retryAfterSeconds } : {}),
    ...(res.cacheMaxAgeSeconds !== undefined ? { cacheMaxAgeSeconds: res.cacheMaxAgeSeconds } : {}),
    ...(res.feed.ttlMinutes !== undefined ? { ttlSeconds: res.feed.ttlMinutes * 60 } : {}),
  };
}
