import type { Transcript } from '../../model/transcript.js';
import { episodeShingles, showRepeats, type ShowRepeats } from '../score/recurring.js';

/** An eval folder's show: its name up to the first "-" ("podlets-001-cloud-native" → "podlets"). */
export function showOf(episode: string): string {
  return episode.split('-')[0] ?? episode;
}

/**
 * For each episode, what its show repeats across the other episodes of the set, as the pipeline
 * finds it from the show's other stored transcripts.
 */
export function repeatsByEpisode(episodes: Array<{ episode: string; transcript: Transcript }>): ShowRepeats[] {
  const shingles = episodes.map((e) => episodeShingles(e.transcript));
  return episodes.map((e, i) =>
    showRepeats(shingles.filter((_, j) => j !== i && showOf(episodes[j]?.episode ?? '') === showOf(e.episode))),
  );
}
