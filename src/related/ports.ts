import type { Store } from '../store/types.js';

/** What indexing insights writes: their entries in the insight index. */
export type InsightIndexStore = Pick<Store, 'saveInsightIndex'>;
