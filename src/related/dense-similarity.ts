import { AppError } from '../model/errors.js';

/** A dense vector: a plain array, or the typed arrays embedding libraries often return. */
export type DenseVector = readonly number[] | Float32Array | Float64Array;

function isDenseVector(v: unknown): v is DenseVector {
  return Array.isArray(v) || v instanceof Float32Array || v instanceof Float64Array;
}

/** Throws unless there is one finite vector per item, all of the same (non-zero) dimension. */
export function checkDenseVectors(vectors: readonly DenseVector[], count: number): void {
  if (vectors.length !== count) {
    throw new AppError('relate_invalid_vectors', `expected one vector per item (${count}), got ${vectors.length}`);
  }
  const dims = vectors[0]?.length ?? 0;
  vectors.forEach((v, i) => {
    if (!isDenseVector(v)) {
      throw new AppError(
        'relate_invalid_vectors',
        `vector ${i} is not an array of numbers (nor a Float32Array or Float64Array)`,
      );
    }
    if (v.length === 0 || v.length !== dims) {
      throw new AppError(
        'relate_invalid_vectors',
        `vector ${i} has ${v.length} dimensions; expected ${dims || 'at least 1'}, the same for every item`,
      );
    }
    for (const x of v) {
      if (typeof x !== 'number' || !Number.isFinite(x)) {
        throw new AppError('relate_invalid_vectors', `vector ${i} holds a value that is not a finite number`);
      }
    }
  });
}

/**
 * All pairwise cosines of dense vectors as an n×n matrix with a zero diagonal: the shape
 * similarityMatrix returns, so averageLink works on either. A zero vector is similar to nothing.
 */
export function denseSimilarityMatrix(vectors: readonly DenseVector[]): Float64Array {
  const n = vectors.length;
  const units = vectors.map(unitVector);
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

/**
 * `v` scaled to length 1, or all zeros. Divides by the largest component before squaring, so
 * huge finite values do not overflow to Infinity (nor tiny ones underflow to 0) and vanish.
 */
function unitVector(v: DenseVector): Float64Array {
  let max = 0;
  for (const x of v) max = Math.max(max, Math.abs(x));
  if (max === 0) return new Float64Array(v.length);
  let sum = 0;
  for (const x of v) sum += (x / max) ** 2;
  const norm = Math.sqrt(sum);
  return Float64Array.from(v, (x) => x / max / norm);
}
