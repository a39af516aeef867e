import { logEpisodeFailure } from '../task-failures.js';
import { processDueEpisode, type ProcessEpisodeDeps, type ProcessResult } from '../tasks/process-episode.task.js';
import type { JobDefinition } from './job-definition.js';
import type { ProcessEpisodeJobStore } from '../ports.js';

export interface ProcessEpisodeData {
  episodeId: number;
}

/**
 * Transcript → insights for one episode (processDueEpisode, which holds the episode's lease). An
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
    // A retry follows a worker that failed or died holding the episode's lease; the queue lets one
    // job per episode run at a time, so the lease left behind is stale: without this the episode
    // would wait out its two hours.
    if (retryCount > 0) {
      const episode = await app.store.episodeById(episodeId);
      if (!episode || !isDue(episode, now)) return skipped(episodeId);
      await app.store.releaseEpisode(episodeId);
    }
    const result = await processDueEpisode(app, episodeId, now, showBoilerplate(app, now));
    if (!result) return skipped(episodeId);
    logEpisodeFailure(app.log, result);
    return result;
  },
};

function skipped(episodeId: number): ProcessResult {
  return { episodeId, status: 'skipped', reason: 'already done, not due, or another worker is processing it' };
}

function isDue(episode: { status: string; retryAt: string | null }, now: Date): boolean {
  if (episode.status === 'new' || episode.status === 'transcribed') return true;
  return episode.status === 'failed' && episode.retryAt !== null && Date.parse(episode.retryAt) <= now.getTime();
}
