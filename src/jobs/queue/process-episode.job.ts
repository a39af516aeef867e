import { logEpisodeFailure } from '../task-failures.js';
import { processEpisode, type ProcessEpisodeDeps } from '../tasks/process-episode.task.js';
import { PROCESS_WINDOW_DAYS } from '../pipeline.js';
import type { JobDefinition } from './job-definition.js';
import type { NewEpisodesStore, ProcessEpisodeJobStore } from '../ports.js';

export interface ProcessEpisodeData {
  episodeId: number;
}

/**
 * Transcript → insights for one episode (processEpisode, which holds the episode's lease). An
 * episode already extracted, or failed and not yet due for its retry, is left alone: the job may
 * have been queued before another worker finished it.
 */
export const processEpisodeJob: JobDefinition<
  ProcessEpisodeData,
  ProcessEpisodeDeps & { store: ProcessEpisodeJobStore }
> = {
  name: 'process-episode',
  // processEpisode records its own failures with the episode's backoff (30 min, 2 h, 8 h); the
  // queue retries only what threw before that.
  queue: {
    policy: 'exclusive',
    retryLimit: 3,
    retryDelay: 30,
    retryBackoff: true,
    retryDelayMax: 900,
    expireInSeconds: 3 * 3600,
  },
  key: (d) => `process-episode:${d.episodeId}`,
  concurrency: (config) => config.workerProcessEpisodeConcurrency,
  async run({ app, showBoilerplate }, { episodeId }, { now, retryCount }) {
    const episode = await app.store.episodeById(episodeId);
    if (!episode || !isDue(episode, now)) return { episodeId, status: 'skipped', reason: 'already done or not due' };
    // A retry follows a worker that failed or died holding the episode's lease; the queue lets one
    // job per episode run at a time, so the lease left behind is stale: without this the episode
    // would wait out its two hours.
    if (retryCount > 0) await app.store.releaseEpisode(episodeId);
    const result = await processEpisode(app, episode, now, showBoilerplate(app, now));
    logEpisodeFailure(app.log, episode, result);
    return result;
  },
};

function isDue(episode: { status: string; retryAt: string | null }, now: Date): boolean {
  if (episode.status === 'new' || episode.status === 'transcribed') return true;
  return episode.status === 'failed' && episode.retryAt !== null && Date.parse(episode.retryAt) <= now.getTime();
}

/** A feed's episodes waiting for their first processing, just after a poll stored them. */
export async function newEpisodesOf(
  app: { store: NewEpisodesStore },
  feedId: number,
  now: Date,
): Promise<ProcessEpisodeData[]> {
  const since = now.getTime() - PROCESS_WINDOW_DAYS * 86_400_000;
  return (await app.store.episodesByFeed(feedId))
    .filter((e) => e.status === 'new' && Date.parse(e.firstSeenAt) >= since)
    .map((e) => ({ episodeId: e.id }));
}
