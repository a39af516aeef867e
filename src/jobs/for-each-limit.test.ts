import { describe, expect, it } from 'vitest';
import { forEachLimit } from './for-each-limit.js';

const tick = () => new Promise((r) => setTimeout(r, 2));

describe('forEachLimit', () => {
  it('runs every item of every page once, at most `limit` at a time, reading a page only when the last is started', async () => {
    const pagesRead: number[] = [];
    let inFlight = 0;
    let peak = 0;
    const started = new Map<number, number>();
    async function* pages() {
      for (let p = 0; p < 4; p += 1) {
        pagesRead.push(p);
        // Page p is read only once every item of page p-1 has been started.
        if (p > 0) expect(started.size).toBe(p * 5);
        yield Array.from({ length: 5 }, (_, i) => p * 5 + i);
      }
    }
    await forEachLimit(pages(), 3, async (item, index) => {
      started.set(item, index);
      peak = Math.max(peak, ++inFlight);
      await tick();
      inFlight -= 1;
    });
    expect(pagesRead).toEqual([0, 1, 2, 3]);
    expect([...started.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    // Each item's index is its place in the source.
    for (const [item, index] of started) expect(index).toBe(item);
    expect(peak).toBe(3);
  });

  it('rejects with the first error', async () => {
    async function* pages() {
      yield [1, 2, 3];
    }
    await expect(
      forEachLimit(pages(), 2, async (item) => {
        if (item === 2) throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
  });
});
