import type { Vector } from './vectors.js';

/**
 * All pairwise dot products of unit vectors as a dense n×n matrix (diagonal 0). Walks a postings
 * list per feature, so only pairs that share a feature cost anything: pair-by-pair dot products
 * took seconds for a couple of thousand items.
 */
export function similarityMatrix(vectors: Vector[]): Float64Array {
  const n = vectors.length;
  const postings = new Map<string, { items: number[]; weights: number[] }>();
  vectors.forEach((v, i) => {
    for (const [k, w] of v) {
      let p = postings.get(k);
      if (!p) postings.set(k, (p = { items: [], weights: [] }));
      p.items.push(i);
      p.weights.push(w);
    }
  });
  const sim = new Float64Array(n * n);
  for (const { items, weights } of postings.values()) {
    for (let a = 0; a < items.length; a += 1) {
      const row = (items[a] as number) * n;
      const wa = weights[a] as number;
      for (let b = a + 1; b < items.length; b += 1) {
        const at = row + (items[b] as number);
        sim[at] = (sim[at] as number) + wa * (weights[b] as number);
      }
    }
  }
  for (let i = 0; i < n; i += 1) for (let j = i + 1; j < n; j += 1) sim[j * n + i] = sim[i * n + j] as number;
  return sim;
}
