import { similarityMatrix } from '../similarity-matrix.js';
import { vectorize } from '../vectors.js';
import type { LabelledSet } from './labelled-sets.js';
import { addCounts, pairCounts, scoresOf, type PairScores } from './pairwise.js';

export interface Ceilings {
  /** Share of items whose most similar other item has the same theme: what any grouping built on this similarity starts from. */
  nearestSameTheme: number;
  /** Share of items closer to their own theme's centroid than to any other (labels known: an upper bound). */
  ownCentroidClosest: number;
  /** Pairwise scores of a grouping that knows the show but not the episode. */
  groupedByShow: PairScores;
}

/** How much the lexical similarity itself can tell the themes apart, measured with the true labels. */
export function ceilingsOf(sets: LabelledSet[], showOf: (theme: string) => string): Ceilings {
  let items = 0;
  let nearest = 0;
  let centroid = 0;
  let byShow = { tp: 0, fp: 0, fn: 0 };
  for (const set of sets) {
    const n = set.items.length;
    const vectors = vectorize(set.items);
    const sim = similarityMatrix(vectors);
    const themes = set.items.map((i) => i.theme);
    const distinct = [...new Set(themes)];
    for (let i = 0; i < n; i += 1) {
      let best = -1;
      for (let j = 0; j < n; j += 1)
        if (j !== i && (best < 0 || (sim[i * n + j] as number) > (sim[i * n + best] as number))) best = j;
      if (best >= 0 && themes[best] === themes[i]) nearest += 1;
      // Mean similarity to each theme's other members stands in for the centroid (same ranking for unit vectors).
      const meanTo = (theme: string) => {
        let sum = 0;
        let count = 0;
        for (let j = 0; j < n; j += 1) {
          if (j === i || themes[j] !== theme) continue;
          sum += sim[i * n + j] as number;
          count += 1;
        }
        return count ? sum / count : -1;
      };
      const own = meanTo(themes[i] as string);
      if (distinct.every((t) => t === themes[i] || meanTo(t) < own)) centroid += 1;
    }
    items += n;
    const labels = new Map(set.items.map((i) => [i.id, i.theme]));
    const shows = new Map<string, string[]>();
    for (const item of set.items) {
      const show = showOf(item.theme);
      const members = shows.get(show) ?? [];
      members.push(item.id);
      shows.set(show, members);
    }
    byShow = addCounts(byShow, pairCounts(labels, [...shows.values()]));
  }
  return {
    nearestSameTheme: nearest / Math.max(1, items),
    ownCentroidClosest: centroid / Math.max(1, items),
    groupedByShow: scoresOf(byShow),
  };
}
