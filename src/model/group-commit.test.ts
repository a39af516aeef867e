import { describe, expect, it } from 'vitest';
import { groupCommit } from './group-commit.js';

describe('groupCommit', () => {
  it('writes the items of callers that arrive together in one batch, each caller getting its own result', async () => {
    const batches: number[][] = [];
    const double = groupCommit(async (items: number[]) => {
      batches.push(items);
      return items.map((n) => n * 2);
    });
    expect(await Promise.all([1, 2, 3, 4, 5].map(double))).toEqual([2, 4, 6, 8, 10]);
    expect(batches).toEqual([[1, 2, 3, 4, 5]]);
    expect(await double(6)).toBe(12);
    expect(batches).toHaveLength(2);
  });

  it('splits at maxBatch, and when a batch fails writes its items one by one so only the bad one fails', async () => {
    const batches: number[][] = [];
    const write = groupCommit(
      async (items: number[]) => {
        batches.push(items);
        if (items.includes(13)) throw new Error(`batch with 13 refused`);
        return items;
      },
      { maxBatch: 3 },
    );
    const results = await Promise.allSettled([1, 13, 3, 4, 5].map(write));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect(batches).toEqual([[1, 13, 3], [1], [13], [3], [4, 5]]);
  });
});
