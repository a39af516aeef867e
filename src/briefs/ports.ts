import type { Store } from '../store/types.js';

/**
 * What building the pool of recent insights reads (with what their shows say they are about),
 * and the index entries it fills in when missing.
 */
export type BriefPoolStore = Pick<Store, 'insightsSince' | 'insightIndex' | 'saveInsightIndex' | 'showTexts'>;

/** What composing one subscriber's brief reads and writes, besides the pool. */
export type ComposeStore = BriefPoolStore &
  Pick<Store, 'briefFor' | 'sentInsightIds' | 'profileOf' | 'feedbackOf' | 'createBrief'>;

/** What deciding whether a stored episode can reach a brief reads: its show and every subscriber's profile. */
export type ReachStore = Pick<Store, 'feedById' | 'listUsers' | 'listProfiles'>;
