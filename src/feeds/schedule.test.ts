import { describe, expect, it } from 'vitest';
import { cacheHints, nextPollDelaySeconds } from './index.js';

const base = { minSeconds: 900, maxSeconds: 86_400, defaultSeconds: 3600, errorCount: 0 };

describe('nextPollDelaySeconds', () => {
  it('uses the default interval without hints', () => {
    expect(nextPollDelaySeconds(base)).toBe(3600);
  });

  it('takes the largest of TTL, max-age and Retry-After', () => {
    expect(nextPollDelaySeconds({ ...base, ttlSeconds: 7200 })).toBe(7200);
    expect(nextPollDelaySeconds({ ...base, cacheMaxAgeSeconds: 10_800, ttlSeconds: 7200 })).toBe(10_800);
    expect(nextPollDelaySeconds({ ...base, retryAfterSeconds: 20_000 })).toBe(20_000);
    expect(nextPollDelaySeconds({ ...base, cacheMaxAgeSeconds: 60 })).toBe(3600);
  });

  it('clamps to [min, max]', () => {
    expect(nextPollDelaySeconds({ ...base, retryAfterSeconds: 999_999_999 })).toBe(86_400);
    expect(nextPollDelaySeconds({ ...base, defaultSeconds: 10 })).toBe(900);
  });

  it('doubles per consecutive error, up to the max', () => {
    expect([1, 2, 3, 5, 50].map((errorCount) => nextPollDelaySeconds({ ...base, errorCount }))).toEqual([
      7200, 14_400, 28_800, 86_400, 86_400,
    ]);
  });

  it('ignores garbage hints', () => {
    expect(
      nextPollDelaySeconds({
        ...base,
        retryAfterSeconds: -5,
        ttlSeconds: Number.NaN,
        cacheMaxAgeSeconds: Number.POSITIVE_INFINITY,
        errorCount: Number.NaN,
      }),
    ).toBe(3600);
  });
});

describe('cacheHints', () => {
  const now = new Date('2024-10-01T10:00:00Z');
  it('reads max-age, Expires (relative to Date) and Retry-After', () => {
    expect(cacheHints({ 'cache-control': 'public, max-age=1800' }, now)).toEqual({ cacheMaxAgeSeconds: 1800 });
    expect(
      cacheHints({ expires: 'Tue, 01 Oct 2024 11:00:00 GMT', date: 'Tue, 01 Oct 2024 10:30:00 GMT' }, now),
    ).toEqual({ cacheMaxAgeSeconds: 1800 });
    expect(cacheHints({ 'retry-after': '120' }, now)).toEqual({ retryAfterSeconds: 120 });
  });

  it('ignores Expires: 0, past dates and no-cache', () => {
    expect(cacheHints({ expires: '0' }, now)).toEqual({});
    expect(cacheHints({ expires: 'Tue, 01 Oct 2024 09:00:00 GMT' }, now)).toEqual({});
    expect(cacheHints({ expires: 'Tue, 01 Oct 2024 11:00:00 GMT', 'cache-control': 'no-cache' }, now)).toEqual({});
  });
});
