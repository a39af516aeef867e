import { describe, expect, it } from 'vitest';
import { similarityMatrix } from './similarity-matrix.js';
import { dotUnit, vectorize } from './vectors.js';

describe('similarityMatrix', () => {
  it('holds the dot product of every pair, symmetric, with a zero diagonal', () => {
    const items = [
      'Kubernetes network policies restrict pod traffic.',
      'Network policies in Kubernetes decide which pods may talk.',
      'Creatine and protein help recovery after heavy squats.',
      'Heavy squats and deadlifts need a long recovery.',
    ].map((text, i) => ({ id: String(i), text }));
    const vectors = vectorize(items);
    const sim = similarityMatrix(vectors);
    const n = items.length;
    for (let i = 0; i < n; i += 1) {
      expect(sim[i * n + i]).toBe(0);
      for (let j = 0; j < n; j += 1) {
        if (i === j) continue;
        expect(sim[i * n + j]).toBeCloseTo(
          dotUnit(vectors[i] as Map<string, number>, vectors[j] as Map<string, number>),
          12,
        );
        expect(sim[i * n + j]).toBe(sim[j * n + i]);
      }
    }
    expect(sim[0 * n + 1]).toBeGreaterThan(0.2);
    expect(sim[0 * n + 2]).toBe(0);
  });
});
