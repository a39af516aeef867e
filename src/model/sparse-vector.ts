/** Sparse term vectors and their products, shared by the insight and related stages. */
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
