import type { Transcript } from '../../model/transcript.js';
import { episodeShingles, ShowShingles, type ShowRepeats } from '../score/recurring.js';

/** An eval folder's show: its name up to the first "-" ("podlets-001-cloud-native" → "podlets"). */
export function showOf(episode: string): string {
  return episode.split('-')[0] ?? episode;
}

/**
 * For each episode, what its show repeats across the other episodes of the set, as the pipeline
 * finds it from the show's other stored transcripts.
 */
export function repeatsByEpisode(episodes: Array<{ episode: string; transcript: Transcript }>): ShowRepeats[] {
  // Counted once per show, as the pipeline's worker does (ShowShingles), not once per episode.
  const shows = new Map<string, ShowShingles>();
  episodes.forEach((e, i) => {
    const show =
      shows.get(showOf(e.episode)) ?? shows.set(showOf(e.episode), new ShowShingles()).get(showOf(e.episode))!;
    show.set(i, episodeShingles(e.transcript));
  });
  return episodes.map((e, i) => (shows.get(showOf(e.episode)) as ShowShingles).repeatsFor(i));
}
