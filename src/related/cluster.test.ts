import { describe, expect, it } from 'vitest';
import { averageLink } from './cluster.js';

/** The textbook procedure: before every merge, scan all pairs for the most similar two. */
function greedyAverageLink(sim: Float64Array, n: number, threshold: number): number[][] {
  let clusters = Array.from({ length: n }, (_, i) => [i]);
  const link = (a: number[], b: number[]) => {
    let sum = 0;
    for (const i of a) for (const j of b) sum += sim[i * n + j] as number;
    return sum / (a.length * b.length);
  };
  for (;;) {
    let best: [number, number] | undefined;
    let bestLink = threshold;
    for (let a = 0; a < clusters.length; a += 1) {
      for (let b = a + 1; b < clusters.length; b += 1) {
        const x = link(clusters[a] as number[], clusters[b] as number[]);
        if (x > bestLink || (x === bestLink && !best)) [best, bestLink] = [[a, b], x];
      }
    }
    if (!best) return clusters;
    const [a, b] = best;
    const merged = [...(clusters[a] as number[]), ...(clusters[b] as number[])].sort((x, y) => x - y);
    clusters = clusters
      .filter((_, k) => k !== a && k !== b)
      .concat([merged])
      .sort((x, y) => (x[0] as number) - (y[0] as number));
  }
}

/** A symmetric matrix of similarities in [0, 1) from a fixed seed; a few pairs share an exact value. */
function randomSimilarities(n: number, seed: number): Float64Array {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const sim = new Float64Array(n * n);
  for (let i = 0; i < n; i += 1) {
    for (let j = i + 1; j < n; j += 1) {
      const x = next() < 0.1 ? 0.5 : next() ** 3;
      sim[i * n + j] = x;
      sim[j * n + i] = x;
    }
  }
  return sim;
}

describe('averageLink', () => {
  it('makes the same clusters as scanning every pair before each merge', () => {
    for (let seed = 1; seed <= 30; seed += 1) {
      const n = 5 + (seed % 25);
      const sim = randomSimilarities(n, seed);
      for (const threshold of [0.05, 0.2, 0.45]) {
        // averageLink consumes its matrix: give it a copy, the reference needs the original.
        expect(averageLink(sim.slice(), n, threshold), `seed ${seed} threshold ${threshold}`).toEqual(
          greedyAverageLink(sim, n, threshold),
        );
      }
    }
  });

  it('merges nothing above every similarity and everything at or below the lowest', () => {
    const sim = randomSimilarities(12, 7);
    expect(averageLink(sim.slice(), 12, 1.5)).toEqual(Array.from({ length: 12 }, (_, i) => [i]));
    expect(averageLink(sim.slice(), 12, -1)).toEqual([Array.from({ length: 12 }, (_, i) => i)]);
    expect(averageLink(new Float64Array(0), 0, 0.1)).toEqual([]);
  });

  it('works on the given matrix in place rather than copying it (half the peak memory)', () => {
    const sim = randomSimilarities(12, 3);
    const original = sim.slice();
    expect(averageLink(sim, 12, 0.2)).toEqual(greedyAverageLink(original, 12, 0.2));
    expect(sim).not.toEqual(original);
  });
});
