export type SparseVector = Map<string, number>;

export function norm(v: SparseVector): number {
  let sum = 0;
  for (const x of v.values()) sum += x * x;
  return Math.sqrt(sum);
}

export function dot(a: SparseVector, b: SparseVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [k, x] of small) {
    const y = large.get(k);
    if (y !== undefined) sum += x * y;
  }
  return sum;
}

export function cosine(a: SparseVector, b: SparseVector): number {
  const d = dot(a, b);
  if (d === 0) return 0;
  return d / (norm(a) * norm(b));
}

export function weighted(counts: Map<string, number>, weight: (term: string) => number): SparseVector {
  const v: SparseVector = new Map();
  for (const [t, c] of counts) v.set(t, c * weight(t));
  return v;
}

/** The sum of vectors (a passage from its sentences). */
export function sumVectors(vectors: SparseVector[]): SparseVector {
  if (vectors.length === 1) return vectors[0] as SparseVector;
  const out: SparseVector = new Map(vectors[0]);
  for (const v of vectors.slice(1)) for (const [k, x] of v) out.set(k, (out.get(k) ?? 0) + x);
  return out;
}
