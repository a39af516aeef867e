import type { EpisodeWork } from '../store/types.js';
import type { EpisodeLeaseStore } from './ports.js';

/**
 * How long a worker holds an episode it is processing. Longer than a slow in-process transcription
 * of a long episode; a worker that dies holding one delays that episode by this much at most.
 */
export const EPISODE_LEASE_MS = 2 * 60 * 60_000;

/**
 * Runs `run` holding the episode's lease, then gives it back; undefined when another worker holds
 * it or the episode no longer needs `work` (another worker did it since it was listed).
 */
export async function withEpisodeClaim<T>(
  store: EpisodeLeaseStore,
  episodeId: number,
  now: Date,
  work: EpisodeWork,
  run: () => Promise<T>,
): Promise<T | undefined> {
  if (!(await store.claimEpisode(episodeId, now, EPISODE_LEASE_MS, work))) return undefined;
  return holdingEpisodeClaim(store, episodeId, run);
}

/** Runs `run` for an episode the caller has claimed (for EPISODE_LEASE_MS), then gives the lease back. */
export async function holdingEpisodeClaim<T>(
  store: Pick<EpisodeLeaseStore, 'releaseEpisode'>,
  episodeId: number,
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } finally {
    await store.releaseEpisode(episodeId);
  }
}
