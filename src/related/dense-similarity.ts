import { AppError } from '../model/errors.js';

/** Throws unless there is one finite vector per item, all of the same (non-zero) dimension. */
export function checkDenseVectors(vectors: readonly (readonly number[])[], count: number): void {
  if (vectors.length !== count) {
    throw new AppError('relate_invalid_vectors', `expected one vector per item (${count}), got ${vectors.length}`);
  }
  const dims = vectors[0]?.length ?? 0;
  vectors.forEach((v, i) => {
    if (!Array.isArray(v) || v.length === 0 || v.length !== dims) {
      throw new AppError('relate_invalid_vectors', `vector ${i} has ${Array.isArray(v) ? v.length : 'no'} dimensions; expected ${dims || 'at least 1'}, the same for every item`);
    }
    if (!v.every((x) => typeof x === 'number' && Number.isFinite(x))) {
      throw new AppError('relate_invalid_vectors', `vector ${i} holds a value that is not a finite number`);
    }
  });
}

/**
 * All pairwise cosines of dense vectors as an n×n matrix with a zero diagonal: the shape
 * similarityMatrix returns, so averageLink works on either. A zero vector is similar to nothing.
 */
export function denseSimilarityMatrix(vectors: readonly (readonly number[])[]): Float64Array {
  const n = vectors.length;
  const units = vectors.map((v) => {
    let sum = 0;
    for (const x of v) sum += x * x;
    const norm = Math.sqrt(sum);
    return Float64Array.from(v, (x) => (norm > 0 ? x / norm : 0));
  });
  const sim = new Float64Array(n * n);
  for (let i = 0; i < n; i += 1) {
    const a = units[i] as Float64Array;
    for (let j = i + 1; j < n; j += 1) {
      const b = units[j] as Float64Array;
      let dot = 0;
      for (let k = 0; k < a.length; k += 1) dot += (a[k] as number) * (b[k] as number);
      sim[i * n + j] = dot;
      sim[j * n + i] = dot;
    }
  }
  return sim;
}
