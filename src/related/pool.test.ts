import { describe, expect, it } from 'vitest';
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
