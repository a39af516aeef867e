import { AppError } from '../model/errors.js';
import type { RelatedGroups, RelateInput } from '../model/insight.js';
import { averageLink } from './cluster.js';
import { checkDenseVectors, denseSimilarityMatrix } from './dense-similarity.js';
import type { Embedder } from './embeddings.js';
import { similarityMatrix } from './similarity-matrix.js';
import { vectorize } from './vectors.js';

/** Average cosine between groups needed to merge them: chosen on the tuning split of `npm run eval:related`. */
export const DEFAULT_RELATE_THRESHOLD = 0.06;

/**
 * The same, for cosines of sentence embeddings, which sit far higher than TF-IDF ones (unrelated
 * sentences often score 0.2–0.4). NOT calibrated here: no embedding model is reachable on the
 * machine this was written on. 0.5 is a middle guess for typical models; choose one for your
 * model with `npm run eval:related -- --embeddings-url … --embeddings-model …`.
 */
export const DEFAULT_EMBEDDING_RELATE_THRESHOLD = 0.5;

export interface RelateOptions {
  /** Merge threshold; defaults to DEFAULT_RELATE_THRESHOLD, or DEFAULT_EMBEDDING_RELATE_THRESHOLD with `vectors`. */
  threshold?: number;
  /** Dense vectors (e.g. embeddings), one per item in input order: similarity is their cosine instead of TF-IDF. */
  vectors?: readonly (readonly number[])[];
}

/**
 * Groups items on the same theme: cosine of the given dense vectors, or else TF-IDF cosine over
 * stemmed content words and word pairs, then average-link clustering. Every id lands in exactly
 * one group; groups and their members keep input order.
 */
export function relateInsights(items: RelateInput[], opts: RelateOptions = {}): RelatedGroups {
  checkSize(items);
  checkUniqueIds(items);
  const n = items.length;
  let sim: Float64Array;
  let threshold: number;
  if (opts.vectors) {
    checkDenseVectors(opts.vectors, n);
    sim = denseSimilarityMatrix(opts.vectors);
    threshold = opts.threshold ?? DEFAULT_EMBEDDING_RELATE_THRESHOLD;
  } else {
    sim = similarityMatrix(vectorize(items));
    threshold = opts.threshold ?? DEFAULT_RELATE_THRESHOLD;
  }
  const clusters = averageLink(sim, n, threshold);
  return { groups: clusters.map((c) => c.map((i) => items[i]?.id ?? '')) };
}

/** relateInsights on the embedder's vectors of the texts (one `embed` call; the client batches). */
export async function relateInsightsWithEmbedder(
  items: RelateInput[],
  embedder: Embedder,
  opts: { threshold?: number } = {},
): Promise<RelatedGroups> {
  checkSize(items);
  checkUniqueIds(items); // before paying for embeddings
  if (items.length === 0) return { groups: [] };
  const vectors = await embedder.embed(items.map((i) => i.text));
  return relateInsights(items, { ...opts, vectors });
}

/**
 * Grouping holds every pairwise similarity: 20,000 items take about 3.5 GB (12,000 took 1.3 GB
 * and 11 s here). Past that a clear error beats running out of memory.
 */
export const MAX_RELATE_ITEMS = 20_000;

function checkSize(items: RelateInput[]): void {
  if (items.length > MAX_RELATE_ITEMS) {
    throw new AppError(
      'relate_too_many',
      `related groups at most ${MAX_RELATE_ITEMS.toLocaleString('en-US')} insights at a time (got ${items.length.toLocaleString('en-US')}): split the file, e.g. by day or show`,
    );
  }
}

function checkUniqueIds(items: RelateInput[]): void {
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id)) throw new AppError('relate_duplicate_id', `duplicate insight id ${item.id}`);
    seen.add(item.id);
  }
}
