import { describe, expect, it } from 'vitest';
import { inOrder } from './in-order.js';

/** An inOrder whose emitted items are recorded, as `send --json` prints them. */
function recorded() {
  const emitted: string[] = [];
  return { emitted, ...inOrder<string>((item) => emitted.push(item)) };
}

describe('inOrder', () => {
  it('emits in index order, each item as soon as every one before it has come', () => {
    const r = recorded();
    r.push('c', 2);
    expect(r.emitted).toEqual([]);
    r.push('a', 0);
    expect(r.emitted).toEqual(['a']);
    r.push('e', 4);
    r.push('b', 1);
    expect(r.emitted).toEqual(['a', 'b', 'c']);
    r.push('d', 3);
    expect(r.emitted).toEqual(['a', 'b', 'c', 'd', 'e']);
    r.flush();
    expect(r.emitted).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('flushes what it holds, in order, past the indexes that never came', () => {
    const r = recorded();
    for (const [item, index] of [
      ['f', 5],
      ['c', 2],
      ['d', 3],
      ['a', 0],
    ] as const)
      r.push(item, index);
    expect(r.emitted).toEqual(['a']);
    r.flush();
    expect(r.emitted).toEqual(['a', 'c', 'd', 'f']);
    r.flush();
    expect(r.emitted).toEqual(['a', 'c', 'd', 'f']);
  });

  it('emits nothing when nothing came', () => {
    const r = recorded();
    r.flush();
    expect(r.emitted).toEqual([]);
  });
});
