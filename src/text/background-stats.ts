import { contentTerms } from './terms.js';
import { englishIdf, MAX_ENGLISH_IDF } from './english.js';

/** Document frequencies of content stems over other episodes (the caller's archive). */
export interface BackgroundStats {
  documents: number;
  df: ReadonlyMap<string, number>;
}

export function buildBackgroundStats(texts: Iterable<string>): BackgroundStats {
  const df = new Map<string, number>();
  let documents = 0;
  for (const text of texts) {
    documents += 1;
    for (const t of new Set(contentTerms(text))) df.set(t, (df.get(t) ?? 0) + 1);
  }
  return { documents, df };
}

/**
 * Weight of a term in [0, 1]: rarity in general English, damped when the caller's other
 * episodes use it a lot (a show's recurring vocabulary is not news).
 */
export function termWeighter(background?: BackgroundStats): (term: string) => number {
  const cache = new Map<string, number>();
  const n = background?.documents ?? 0;
  const maxEpisodeIdf = Math.log(n + 1) + 1;
  return (term) => {
    let w = cache.get(term);
    if (w !== undefined) return w;
    w = englishIdf(term) / MAX_ENGLISH_IDF;
    if (background && n > 0) {
      const episodeIdf = Math.log((n + 1) / ((background.df.get(term) ?? 0) + 1)) + 1;
      w *= 0.75 + (0.25 * episodeIdf) / maxEpisodeIdf;
    }
    cache.set(term, w);
    return w;
  };
}
