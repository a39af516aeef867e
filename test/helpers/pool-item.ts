import { indexEntryFor } from '../../src/related/insight-index.js';
import type { PoolItem } from '../../src/related/pool.js';

/** An insight as the related pool holds it: its own episode, its features, and the headline stating its theme. */
export function poolItem(id: number, feedId: number, headline: string, text: string): PoolItem {
  return {
    id,
    episodeId: id,
    feedId,
    terms: indexEntryFor({ id, headline, text }).terms,
    text: `${headline}. ${text}`,
    headlineLength: headline.length,
  };
}
