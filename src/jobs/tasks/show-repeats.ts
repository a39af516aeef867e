import { episodeShingles, ShowShingles, type ShowRepeats } from '../../insights/index.js';
import type { Transcript } from '../../model/transcript.js';
import type { EpisodeRow } from '../../store/types.js';
import type { ShowRepeatsStore } from '../ports.js';

/** How many of a show's newest stored transcripts are read to find what it repeats (ad reads, intros). */
const REPEAT_EPISODES = 12;
/** Shows whose counts are kept (a few MB each); the least recently used is read again when next needed. */
const KEPT_SHOWS = 32;

/** What a show says in every episode, from its other stored transcripts; shared by a run's episodes. */
export interface ShowTranscriptRepeats {
  /** Starts reading the episode's show, so `repeats` later finds it read. */
  warm(episode: EpisodeRow): Promise<void>;
  /** What the show repeats as of now, with the transcripts remembered so far. */
  repeats(episode: EpisodeRow): Promise<ShowRepeats>;
  /** A transcript this run stored: later episodes of the show compare against it too. */
  remember(episode: EpisodeRow, transcript: Transcript): Promise<void>;
}

export function showTranscriptRepeats(app: { store: ShowRepeatsStore }): ShowTranscriptRepeats {
  // Per feed, read in one query on first use, then counted as the run adds transcripts.
  const shows = new Map<number, Promise<ShowShingles>>();
  const read = (feedId: number): Promise<ShowShingles> =>
    app.store.recentTranscriptsByFeed(feedId, REPEAT_EPISODES).then((stored) => {
      const counts = new ShowShingles();
      for (const { episodeId, transcript } of stored) counts.set(episodeId, episodeShingles(transcript));
      return counts;
    });
  const load = (feedId: number): Promise<ShowShingles> => {
    const show = shows.get(feedId) ?? read(feedId);
    // Most recently used last, so the first is the one to let go.
    shows.delete(feedId);
    shows.set(feedId, show);
    if (shows.size > KEPT_SHOWS) shows.delete(shows.keys().next().value as number);
    return show;
  };
  return {
    warm: async (episode) => {
      await load(episode.feedId);
    },
    repeats: async (episode) => (await load(episode.feedId)).repeatsFor(episode.id),
    remember: async (episode, transcript) => {
      (await load(episode.feedId)).set(episode.id, episodeShingles(transcript));
    },
  };
}
