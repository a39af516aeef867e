import { describe, expect, it } from 'vitest';
import { OTHER_SUBJECTS, otherSubjectText } from '../../test/helpers/other-subjects.js';
import { poolItem as item } from '../../test/helpers/pool-item.js';
import { InsightPool } from './pool.js';

describe('InsightPool.sharedEvidence', () => {
  it('counts shared word pairs and rare words, not everyday words', () => {
    const pool = new InsightPool([
      { id: 1, episodeId: 1, feedId: 1, terms: { kubernet: 1, oper: 1, 'kubernet oper': 0.5, peopl: 1, day: 1 } },
      { id: 2, episodeId: 2, feedId: 2, terms: { kubernet: 1, 'kubernet oper': 0.5, peopl: 1, day: 1, databas: 1 } },
      { id: 3, episodeId: 3, feedId: 3, terms: { peopl: 1, day: 1, think: 1, 'peopl think': 0.5 } },
      { id: 4, episodeId: 4, feedId: 4, terms: { peopl: 1, think: 1, 'peopl think': 0.5 } },
    ]);
    expect(pool.sharedEvidence(0, 1)).toBe(2); // "kubernet", and "oper" from the shared pair "kubernet oper"
    expect(pool.sharedEvidence(0, 2)).toBe(0); // "peopl" and "day" are everyday words
    expect(pool.sharedEvidence(2, 3)).toBe(0); // so is the pair "peopl think"
  });
});

describe('InsightPool.themeNeighbours', () => {
  const pool = new InsightPool([
    item(1, 1, 'Bitcoin miners move to Texas', 'Bitcoin miners follow cheap power.'),
    item(2, 2, 'A lost bitcoin wallet', 'She bought bitcoin years ago and lost the wallet.'),
    item(3, 3, 'Cheap power in Texas', 'Texas sells cheap power at night.'),
    item(4, 4, 'Sourdough needs a long cold proof', 'Bakers say so, and paid for flour in bitcoin once.'),
    item(5, 5, 'Coral reefs bleach in warm water', 'Divers see it every summer.'),
    // Item 1's own show: never its related candidate, nor counted against the limit.
    item(99, 1, 'Texas miners sell bitcoin', 'Texas miners sold their bitcoin when power got dear.'),
    // Other shows, so that a word three shows share is still telling (telling-words.ts MAX_SHOW_SHARE).
    ...OTHER_SUBJECTS.slice(3).map((h, n) => item(6 + n, 6 + n, h, otherSubjectText(h))),
  ]);

  it('finds every item with a telling word the item names in its headline, and only those', () => {
    const ids = (i: number) =>
      pool
        .themeNeighbours(i)
        .map((j) => pool.items[j]?.id)
        .sort();
    // "bitcoin" and "texas" head item 1; item 4 has "bitcoin" only in its text, still a candidate
    // (the rule then asks both headlines); item 5 shares nothing telling.
    expect(ids(0)).toEqual([2, 3, 4]);
    // Item 4's headline words are its own: nothing else has them.
    expect(ids(3)).toEqual([]);
  });

  it('walks the most telling theme word first and stops at its limit', () => {
    // "texas" is in fewer items than "bitcoin", so it weighs more: item 3 comes first.
    expect(pool.themeNeighbours(0, 1).map((j) => pool.items[j]?.id)).toEqual([3]);
    expect(pool.themeNeighbours(0, 2)).toHaveLength(2);
    // Limits leave nothing marked: a full walk after a cut one finds everything.
    expect(pool.themeNeighbours(0)).toHaveLength(3);
  });
});
