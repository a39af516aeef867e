import type { Transcript } from '../../model/transcript.js';
import type { FetchOptions } from '../../net/index.js';
import type { EpisodeRow } from '../../store/types.js';
import type { NewlyPublishedStore, PreferPublishedStore } from '../ports.js';
import { publishedTranscript } from '../get-transcript.js';

/** `episodes` plus those whose feed has since published a transcript for what was transcribed or summarised from show notes. */
export async function withNewlyPublished(
  store: NewlyPublishedStore,
  episodes: EpisodeRow[],
  since: Date,
  limit: number,
): Promise<EpisodeRow[]> {
  const have = new Set(episodes.map((e) => e.id));
  const ids = (await store.episodesAwaitingPublishedTranscript(since, limit)).filter((id) => !have.has(id));
  const extra = await Promise.all(ids.map((id) => store.episodeById(id)));
  return [...episodes, ...extra.filter((e): e is EpisodeRow => e !== undefined)];
}

/**
 * A published transcript beats speech-to-text and show notes: when the feed now links one that
 * works, it is stored in their place. When it does not work, the stored transcript is saved again
 * so the episode is not retried on every poll until the feed changes again.
 */
export async function preferPublished(
  store: PreferPublishedStore,
  episode: EpisodeRow,
  stored: Transcript,
  fetchOptions: FetchOptions,
): Promise<{ transcript: Transcript; note?: string }> {
  if (stored.source.startsWith('published:') || episode.transcripts.length === 0) return { transcript: stored };
  const published = await publishedTranscript(episode, fetchOptions);
  if ('transcript' in published) {
    await store.saveTranscript(episode.id, published.transcript);
    return { transcript: published.transcript, note: `a published transcript replaced the ${stored.source} one` };
  }
  await store.saveTranscript(episode.id, stored);
  return { transcript: stored, note: published.reason };
}
