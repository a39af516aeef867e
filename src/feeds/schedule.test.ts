import { describe, expect, it } from 'vitest';
import { cacheHints, nextPollDelaySeconds, publishingCadenceSeconds, unconditionalFetchDue } from './index.js';

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

describe('nextPollDelaySeconds: cadence and jitter', () => {
  it('polls 8 times per publishing gap instead of the default, within the bounds', () => {
    expect(nextPollDelaySeconds({ ...base, cadenceSeconds: 86_400 })).toBe(10_800);
    expect(nextPollDelaySeconds({ ...base, cadenceSeconds: 3600 })).toBe(900);
    expect(nextPollDelaySeconds({ ...base, cadenceSeconds: 365 * 86_400 })).toBe(86_400);
    expect(nextPollDelaySeconds({ ...base, cadenceSeconds: null })).toBe(3600);
    // TTL and max-age still raise it.
    expect(nextPollDelaySeconds({ ...base, cadenceSeconds: 86_400, ttlSeconds: 20_000 })).toBe(20_000);
  });

  it('spreads by the jitter fraction either way, never before Retry-After nor past the max', () => {
    const at = (random: number, extra = {}) =>
      nextPollDelaySeconds({ ...base, jitter: 0.1, random: () => random, ...extra });
    expect([at(0), at(0.5), at(0.999_999)]).toEqual([3240, 3600, 3960]);
    expect(at(0, { retryAfterSeconds: 3500 })).toBe(3500);
    expect(at(0.999_999, { defaultSeconds: 86_400 })).toBe(86_400);
    expect(at(0, { defaultSeconds: 900 })).toBe(900);
  });

  it('an infinite error count (a paused feed) waits the max', () => {
    expect(nextPollDelaySeconds({ ...base, errorCount: Number.POSITIVE_INFINITY })).toBe(86_400);
  });
});

describe('publishingCadenceSeconds', () => {
  const day = (n: number) => new Date(Date.UTC(2026, 0, 31) - n * 86_400_000).toISOString();
  it('is the median gap between the 10 newest dated episodes', () => {
    const weekly = Array.from({ length: 30 }, (_, i) => ({ publishedAt: day(i * 7) }));
    expect(publishingCadenceSeconds(weekly)).toBe(7 * 86_400);
    // One long break does not move the median.
    expect(publishingCadenceSeconds([0, 1, 2, 3, 60].map((n) => ({ publishedAt: day(n) })))).toBe(86_400);
    // Only the 10 newest count: a show that went from monthly to daily is daily.
    const sped = [
      ...Array.from({ length: 10 }, (_, i) => day(i)),
      ...Array.from({ length: 20 }, (_, i) => day(10 + i * 30)),
    ];
    expect(publishingCadenceSeconds(sped.map((publishedAt) => ({ publishedAt })))).toBe(86_400);
  });

  it('needs three distinct dates', () => {
    expect(publishingCadenceSeconds([{ publishedAt: day(0) }, { publishedAt: day(1) }, {}])).toBeUndefined();
    expect(publishingCadenceSeconds([0, 0, 0, 1].map((n) => ({ publishedAt: day(n) })))).toBeUndefined();
    expect(publishingCadenceSeconds([{ publishedAt: 'garbage' }, { publishedAt: null }])).toBeUndefined();
  });
});

describe('unconditionalFetchDue', () => {
  const now = new Date('2026-01-02T00:00:00Z');
  const feed = { etag: '"v1"', lastModified: null, fullFetchedAt: '2026-01-01T06:00:00Z' };
  it('once the body has not come back for the given hours, only when there are validators to leave out', () => {
    expect(unconditionalFetchDue(feed, 24, now)).toBe(false);
    expect(unconditionalFetchDue(feed, 18, now)).toBe(true);
    expect(unconditionalFetchDue({ ...feed, fullFetchedAt: null }, 24, now)).toBe(true);
    expect(unconditionalFetchDue({ ...feed, etag: null }, 1, now)).toBe(false);
    expect(unconditionalFetchDue(feed, 0, now)).toBe(false);
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
