import { indexEntryFor } from '../related/insight-index.js';
import { buildBriefPool, type BriefPool } from './brief-pool.js';
import type { BriefPoolStore } from './ports.js';

/**
 * The brief pool over insights first seen since `since`, built from the stored index. Insights
 * missing from the index (stored before it existed, or by another path) are indexed and saved.
 */
export async function loadBriefPool(store: BriefPoolStore, since: Date, now: Date): Promise<BriefPool> {
  // Retired insights come too: a subscriber who got one is not sent a near-duplicate of it again.
  const insights = await store.insightsSince(since, { withRetired: true });
  const [entries, shows] = await Promise.all([
    store.insightIndex(insights.map((i) => i.id)),
    store.showTexts(insights.map((i) => i.feedId)),
  ]);
  const missing = insights.filter((i) => !entries.has(i.id)).map(indexEntryFor);
  if (missing.length > 0) {
    await store.saveInsightIndex(missing);
    for (const e of missing) entries.set(e.insightId, e);
  }
  return buildBriefPool(insights, entries, { now, shows });
}

/** Pools by window and time, so one delivery run builds the pool once for every subscriber. */
export interface PoolCache {
  get(store: BriefPoolStore, since: Date, now: Date): Promise<BriefPool>;
}

export function createPoolCache(): PoolCache {
  const pools = new Map<string, Promise<BriefPool>>();
  return {
    get(store, since, now) {
      const key = `${since.getTime()}:${now.getTime()}`;
      let pool = pools.get(key);
      if (!pool) {
        pool = loadBriefPool(store, since, now);
        pools.set(key, pool);
        pool.catch(() => pools.delete(key));
      }
      return pool;
    },
  };
}
