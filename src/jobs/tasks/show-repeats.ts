import { episodeShingles, showRepeats, type ShowRepeats } from '../../insights/index.js';
import type { Transcript } from '../../model/transcript.js';
import type { EpisodeRow } from '../../store/types.js';
import type { ShowRepeatsStore } from '../ports.js';

/** How many of a show's newest other transcripts are read to find what it repeats (ad reads, intros). */
const REPEAT_EPISODES = 12;

/** What a show says in every episode, from its other stored transcripts; shared by a run's episodes. */
export interface ShowTranscriptRepeats {
  repeats(episode: EpisodeRow): Promise<ShowRepeats>;
  /** A transcript this run stored: later episodes of the show compare against it too. */
  remember(episode: EpisodeRow, transcript: Transcript): Promise<void>;
}

export function showTranscriptRepeats(app: { store: ShowRepeatsStore }): ShowTranscriptRepeats {
  // Per feed: episode id → its word-run hashes.
  const shows = new Map<number, Promise<Map<number, Set<number>>>>();
  const load = (feedId: number): Promise<Map<number, Set<number>>> => {
    let show = shows.get(feedId);
    if (!show) {
      show = (async () => {
        const episodes = [...(await app.store.episodesByFeed(feedId))]
          .sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''))
          .slice(0, REPEAT_EPISODES);
        const found = new Map<number, Set<number>>();
        for (const e of episodes) {
          const transcript = await app.store.transcriptByEpisode(e.id);
          if (transcript) found.set(e.id, episodeShingles(transcript));
        }
        return found;
      })();
      shows.set(feedId, show);
    }
    return show;
  };
  return {
    repeats: async (episode) => {
      const show = await load(episode.feedId);
      return showRepeats([...show].filter(([id]) => id !== episode.id).map(([, shingles]) => shingles));
    },
    remember: async (episode, transcript) => {
      (await load(episode.feedId)).set(episode.id, episodeShingles(transcript));
    },
  };
}
