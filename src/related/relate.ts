import { AppError } from '../model/errors.js';
import type { RelatedGroups, RelateInput } from '../model/insight.js';
import { averageLink } from './cluster.js';
import { similarityMatrix } from './similarity-matrix.js';
import { vectorize } from './vectors.js';

/** Average cosine between groups needed to merge them: chosen on the tuning split of `npm run eval:related`. */
export const DEFAULT_RELATE_THRESHOLD = 0.06;

/**
 * Groups items on the same theme: TF-IDF cosine over stemmed content words and word pairs,
 * then average-link clustering. Every id lands in exactly one group; groups and their members
 * keep input order.
 */
export function relateInsights(items: RelateInput[], opts: { threshold?: number } = {}): RelatedGroups {
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id)) throw new AppError('relate_duplicate_id', `duplicate insight id ${item.id}`);
    seen.add(item.id);
  }
  const n = items.length;
  const clusters = averageLink(similarityMatrix(vectorize(items)), n, opts.threshold ?? DEFAULT_RELATE_THRESHOLD);
  return { groups: clusters.map((c) => c.map((i) => items[i]?.id ?? '')) };
}
