import { AppError } from '../model/errors.js';
import type { RelatedGroups, RelateInput } from '../model/insight.js';
import { averageLink } from './cluster.js';
import { checkDenseVectors, denseSimilarityMatrix, type DenseVector } from './dense-similarity.js';
import type { Embedder } from './embeddings.js';
import { similarityMatrix } from './similarity-matrix.js';
import { vectorize } from './vectors.js';

/**
 * Average cosine between groups needed to merge them, for paragraph-length items (insights):
 * chosen on the tuning split of `npm run eval:related`.
 */
export const DEFAULT_RELATE_THRESHOLD = 0.06;
/**
 * Short items (bullets, titles: under SHORT_ITEM_FEATURES words, pairs and phrases) share fewer
 * features, so related ones meet at lower cosines: on the tuning split key points do best at 0.01
 * and insights at 0.06. The cut of 12 (geometric mean of a pair's feature counts): eval:related
 * default rows, tuning / held-out F1, key points then insights — cut 12: 0.401 / 0.532, 0.605 /
 * 0.630; cut 14: 0.403 / 0.503, 0.630 / 0.565 (insights of 12–13 features then pair at 0.01 and
 * over-merge); the old set-median rule: 0.401 / 0.506, 0.608 / 0.643.
 */
export const SHORT_ITEMS_RELATE_THRESHOLD = 0.01;
const SHORT_ITEM_FEATURES = 12;

/**
 * The lexical threshold for one pair, from the two items' feature counts alone (never the rest of
 * the set, so adding short items beside paragraphs cannot change how the paragraphs group). A
 * pair counts as short when the geometric mean of its feature counts is under SHORT_ITEM_FEATURES:
 * the cosine of k shared features of similar weight is about k / √(a·b), so a bullet beside a
 * paragraph meets it at paragraph-like cosines, two bullets at far lower ones.
 */
export function pairLexicalThreshold(featuresA: number, featuresB: number): number {
  return featuresA * featuresB < SHORT_ITEM_FEATURES * SHORT_ITEM_FEATURES
    ? SHORT_ITEMS_RELATE_THRESHOLD
    : DEFAULT_RELATE_THRESHOLD;
}

/**
 * Divides every pairwise similarity by its pair's threshold, in place, so that clustering at 1
 * merges each pair at its own threshold.
 */
function scaleByPairThreshold(sim: Float64Array, sizes: number[]): void {
  const n = sizes.length;
  for (let i = 0; i < n; i += 1) {
    for (let j = 0; j < n; j += 1) {
      if (i !== j)
        sim[i * n + j] = (sim[i * n + j] as number) / pairLexicalThreshold(sizes[i] as number, sizes[j] as number);
    }
  }
}

/**
 * The same, for cosines of sentence embeddings, which sit far higher than TF-IDF ones (unrelated
 * sentences often score 0.2–0.4). NOT calibrated here: no embedding model is reachable on the
 * machine this was written on. 0.5 is a middle guess for typical models; choose one for your
 * model with `npm run eval:related -- --embeddings-url … --embeddings-model …`.
 */
export const DEFAULT_EMBEDDING_RELATE_THRESHOLD = 0.5;

export interface RelateOptions {
  /**
   * Merge threshold for every pair, a finite number (in practice between 0 and 1); by default
   * each pair has its own, pairLexicalThreshold (by the two items' lengths), or
   * DEFAULT_EMBEDDING_RELATE_THRESHOLD with `vectors`.
   */
  threshold?: number;
  /**
   * Dense vectors (e.g. embeddings; arrays, Float32Array or Float64Array), one per item in input
   * order: similarity is their cosine instead of TF-IDF.
   */
  vectors?: readonly DenseVector[];
}

/**
 * Groups items on the same theme: cosine of the given dense vectors, or else TF-IDF cosine over
 * stemmed content words and word pairs, then average-link clustering. Every id lands in exactly
 * one group; groups and their members keep input order.
 */
export function relateInsights(items: RelateInput[], opts: RelateOptions = {}): RelatedGroups {
  checkSize(items);
  checkThreshold(opts.threshold);
  checkUniqueIds(items);
  const n = items.length;
  let sim: Float64Array;
  let threshold: number;
  if (opts.vectors) {
    checkDenseVectors(opts.vectors, n);
    sim = denseSimilarityMatrix(opts.vectors);
    threshold = opts.threshold ?? DEFAULT_EMBEDDING_RELATE_THRESHOLD;
  } else {
    const vectors = vectorize(items);
    sim = similarityMatrix(vectors);
    if (opts.threshold === undefined) {
      scaleByPairThreshold(
        sim,
        vectors.map((v) => v.size),
      );
      threshold = 1;
    } else threshold = opts.threshold;
  }
  const clusters = averageLink(sim, n, threshold); // consumes `sim`, built above for it alone
  return { groups: clusters.map((c) => c.map((i) => items[i]?.id ?? '')) };
}

/** relateInsights on the embedder's vectors of the texts (one `embed` call; the client batches). */
export async function relateInsightsWithEmbedder(
  items: RelateInput[],
  embedder: Embedder,
  opts: { threshold?: number } = {},
): Promise<RelatedGroups> {
  checkSize(items);
  checkThreshold(opts.threshold);
  checkUniqueIds(items); // before paying for embeddings
  if (items.length === 0) return { groups: [] };
  const vectors = await embedder.embed(items.map((i) => i.text));
  return relateInsights(items, { ...opts, vectors });
}

/**
 * Grouping holds every pairwise similarity, one n×n Float64Array (8·n² bytes) that clustering
 * merges in place. Peak RSS of relateInsights on transcript sentences, measured with
 * `/usr/bin/time -f %M` (Node 20, 2 cores): 5,000 items 0.37 GB in 4 s; 12,000 items 1.3 GB in
 * 10 s; 15,000 items 2.0 GB in 24 s; 18,000 items 2.7 GB in 38 s; 20,000 items 3.3 GB. The cap
 * keeps the peak under about 3 GB; past it a clear error beats running out of memory.
 */
export const MAX_RELATE_ITEMS = 18_000;

function checkSize(items: RelateInput[]): void {
  if (items.length > MAX_RELATE_ITEMS) {
    throw new AppError(
      'relate_too_many',
      `related groups at most ${MAX_RELATE_ITEMS.toLocaleString('en-US')} insights at a time (got ${items.length.toLocaleString('en-US')}): split the file, e.g. by day or show`,
    );
  }
}

/** NaN would merge everything (no comparison with it is true, so nothing stops a merge). */
function checkThreshold(threshold: unknown): void {
  if (threshold === undefined || (typeof threshold === 'number' && Number.isFinite(threshold))) return;
  const shown = typeof threshold === 'string' ? JSON.stringify(threshold) : String(threshold);
  throw new AppError('relate_invalid_threshold', `threshold must be a finite number, got ${shown}`);
}

function checkUniqueIds(items: RelateInput[]): void {
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id)) throw new AppError('relate_duplicate_id', `duplicate insight id ${item.id}`);
    seen.add(item.id);
  }
}
