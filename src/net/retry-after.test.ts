import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from './retry-after.js';

describe('parseRetryAfter', () => {
  const now = new Date('2024-10-01T10:00:00Z');
  it.each([
    ['120', 120],
    ['0', 0],
    ['999999999', 999999999],
    ['Tue, 01 Oct 2024 10:02:00 GMT', 120],
    ['Tue, 01 Oct 2024 09:00:00 GMT', 0],
    ['-5', undefined],
    ['abc', undefined],
    ['', undefined],
    ['1.5', undefined],
    [undefined, undefined],
  ])('%s → %s', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});
