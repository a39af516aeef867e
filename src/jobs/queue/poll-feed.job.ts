import { hostOf } from '../limit-per-key.js';
import type { PollFeedJobStore } from '../ports.js';
import { logFeedFailure } from '../task-failures.js';
import { refreshFeedForNewEpisodes, type RefreshFeedDeps } from '../tasks/refresh-feed.task.js';
import type { JobDefinition } from './job-definition.js';
import { processEpisodeJob } from './process-episode.job.js';

export interface PollFeedData {
  feedId: number;
  /** The feed's host: the group that POLL_PER_HOST_CONCURRENCY limits across the fleet. */
  host: string;
}

/**
 * Polls one due feed (refreshFeed), then queues its new episodes at once rather than at the next
 * scheduler tick. A feed polled since the job was queued (it is no longer due) is left alone, so a
 * feed is fetched once per poll however many ticks queued it.
 */
export const pollFeedJob: JobDefinition<PollFeedData, RefreshFeedDeps & { store: PollFeedJobStore }> = {
  name: 'poll-feed',
  // A fetch failure is the feed's own business (refreshFeed records it and backs the feed off);
  // the queue retries only what threw: the database was unreachable.
  queue: {
    policy: 'exclusive',
    retryLimit: 3,
    retryDelay: 15,
    retryBackoff: true,
    retryDelayMax: 300,
    expireInSeconds: 600,
  },
  key: (d) => `poll-feed:${d.feedId}`,
  group: (d) => d.host,
  groupConcurrency: (config) => config.pollPerHostConcurrency,
  concurrency: (config) => config.workerPollFeedConcurrency,
  async run({ app, enqueue }, { feedId }, { now }) {
    const polled = await app.store.feedToPoll(feedId);
    // A paused feed is still tried when its (long) next poll comes: a success resumes it.
    if (!polled || (polled.feed.status !== 'active' && polled.feed.status !== 'paused'))
      return { feedId, status: 'skipped', reason: 'feed removed or inactive' };
    const { feed, auth } = polled;
    if (feed.nextPollAt && Date.parse(feed.nextPollAt) > now.getTime())
      return { feedId, status: 'skipped', reason: 'polled since it was queued' };
    const { result, newEpisodeIds } = await refreshFeedForNewEpisodes(app, feed, now, auth);
    logFeedFailure(app.log, feed, result);
    // Episodes stored earlier and still unprocessed are the scheduler tick's (episodesToProcess).
    await enqueue(
      processEpisodeJob,
      newEpisodeIds.map((episodeId) => ({ episodeId })),
    );
    return result;
  },
};

export function pollFeedData(feed: { id: number; url: string }): PollFeedData {
  return { feedId: feed.id, host: hostOf(feed.url) };
}
