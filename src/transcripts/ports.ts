import type { Store } from '../store/types.js';

/** What speech-to-text of a pipeline episode keeps in the store: today's spend, and each chunk it paid for. */
export type EpisodeAsrStore = Pick<Store, 'asrSpendSince' | 'recordAsrUsage'>;

/** What finding episodes whose feed has since published a transcript reads. */
export type NewlyPublishedStore = Pick<Store, 'episodesAwaitingPublishedTranscript' | 'episodeById'>;

/** What putting a published transcript in place of a stored one writes. */
export type PreferPublishedStore = Pick<Store, 'saveTranscript'>;
