import { describe, expect, it } from 'vitest';
import { planChunks, secondsUnderLimit } from './chunk-plan.js';

describe('planChunks', () => {
  it('keeps short audio whole', () => {
    expect(planChunks(42, { maxChunkSeconds: 600, overlapSeconds: 5 })).toEqual([{ index: 0, start: 0, end: 42 }]);
  });

  it('covers long audio with equal overlapping chunks, none longer than the limit', () => {
    const chunks = planChunks(3725.5, { maxChunkSeconds: 600, overlapSeconds: 5 });
    expect(chunks).toHaveLength(7);
    expect(chunks[0]?.start).toBe(0);
    expect(chunks.at(-1)?.end).toBe(3725.5);
    for (const [i, c] of chunks.entries()) {
      expect(c.index).toBe(i);
      expect(c.end - c.start).toBeLessThanOrEqual(600);
      if (i > 0) expect(chunks[i - 1]!.end - c.start).toBeCloseTo(5, 2);
    }
  });

  it('never leaves a sliver at the end', () => {
    const chunks = planChunks(601, { maxChunkSeconds: 600, overlapSeconds: 5 });
    expect(chunks).toHaveLength(2);
    expect(Math.min(...chunks.map((c) => c.end - c.start))).toBeGreaterThan(300);
  });

  it('fits a 25 MiB upload limit for 16 kHz mono WAV (32 000 bytes/s)', () => {
    const seconds = secondsUnderLimit(25 * 1024 * 1024, 32_000);
    expect(seconds).toBe(817);
    expect(seconds * 32_000 + 44).toBeLessThan(25 * 1024 * 1024);
  });
});
