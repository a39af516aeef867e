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

  it('starts no item after one fails, reading no further page (a failed send run stops)', async () => {
    const started: number[] = [];
    let pagesRead = 0;
    async function* pages() {
      for (let p = 0; p < 10; p += 1) {
        pagesRead += 1;
        yield Array.from({ length: 4 }, (_, i) => p * 4 + i);
      }
    }
    await expect(
      forEachLimit(pages(), 3, async (item) => {
        started.push(item);
        await tick();
        if (item === 0) throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    // Let any worker still running take its next item, as it would have before the fix.
    await new Promise((r) => setTimeout(r, 50));
    // Items 0, 1, 2 start together and 0 fails: 1 and 2 finish, and no item starts after the failure.
    expect(started).toEqual([0, 1, 2]);
    expect(pagesRead).toBe(1);
  });

  it('rejects only once the items in flight have finished, so their results are handed on', async () => {
    const finished: number[] = [];
    async function* pages() {
      yield [1, 2, 3];
    }
    await expect(
      forEachLimit(pages(), 3, async (item) => {
        if (item === 1) throw new Error('boom');
        await new Promise((r) => setTimeout(r, 30));
        finished.push(item);
      }),
    ).rejects.toThrow('boom');
    expect(finished).toEqual([2, 3]);
  });
});
