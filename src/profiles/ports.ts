import type { Store } from '../store/types.js';

/** What recording a vote or a click reads of the insight, and writes. */
export type FeedbackStore = Pick<Store, 'insightById' | 'insightIndex' | 'recordFeedback'>;
