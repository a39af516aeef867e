export { cosine, dot, norm, type SparseVector } from '../../model/sparse-vector.js';
import type { SparseVector } from '../../model/sparse-vector.js';

/** The sum of vectors (a passage from its sentences). */
export function sumVectors(vectors: SparseVector[]): SparseVector {
  if (vectors.length === 1) return vectors[0] as SparseVector;
  const out: SparseVector = new Map(vectors[0]);
  for (const v of vectors.slice(1)) for (const [k, x] of v) out.set(k, (out.get(k) ?? 0) + x);
  return out;
}
