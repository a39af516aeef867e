import { describe, expect, it } from 'vitest';
import { backoffMs, retryTransient, type RetryGiveUp, type RetryTransientOptions } from './retry.js';

class Transient extends Error {
  constructor(readonly retryAfterMs?: number) {
    super('transient');
  }
}

function failing(...errors: Error[]): { call: () => Promise<string>; calls: () => number } {
  let n = 0;
  return {
    call: async () => {
      const err = errors[n++];
      if (err) throw err;
      return 'ok';
    },
    calls: () => n,
  };
}

function options(overrides: Partial<RetryTransientOptions> = {}) {
  const slept: number[] = [];
  const opts: RetryTransientOptions = {
    maxRetries: 2,
    baseMs: 500,
    maxWaitMs: 30_000,
    isTransient: (err) => err instanceof Transient,
    retryAfterMs: (err) => (err as Transient).retryAfterMs,
    sleep: async (ms) => void slept.push(ms),
    random: () => 0,
    ...overrides,
  };
  return { opts, slept };
}

describe('retryTransient', () => {
  it('backs off exponentially, capped at 8 s, or waits what the server asks', async () => {
    expect([0, 1, 2, 3, 4, 5].map((n) => backoffMs(n, 500, () => 0))).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
    const { opts, slept } = options();
    const retries: number[] = [];
    const f = failing(new Transient(), new Transient(1500));
    expect(await retryTransient(f.call, { ...opts, onRetry: (_err, retry) => void retries.push(retry) })).toBe('ok');
    expect(slept).toEqual([500, 1500]);
    expect(retries).toEqual([1, 2]);
  });

  it('rethrows other failures at once', async () => {
    const { opts, slept } = options();
    const f = failing(new Error('bad'));
    await expect(retryTransient(f.call, opts)).rejects.toThrow('bad');
    expect(f.calls()).toBe(1);
    expect(slept).toEqual([]);
  });

  it('gives up on a wait beyond the cap and on exhausted retries, through giveUp', async () => {
    const reasons: RetryGiveUp[] = [];
    const giveUp = (_err: unknown, why: RetryGiveUp) => {
      reasons.push(why);
      return new Error(why.reason);
    };
    const long = failing(new Transient(60_000));
    await expect(retryTransient(long.call, { ...options().opts, giveUp })).rejects.toThrow('wait_too_long');
    expect(long.calls()).toBe(1);
    const always = failing(new Transient(), new Transient(), new Transient());
    await expect(retryTransient(always.call, { ...options().opts, giveUp })).rejects.toThrow('exhausted');
    expect(always.calls()).toBe(3);
    expect(reasons).toEqual([
      { reason: 'wait_too_long', attempts: 1, retryAfterMs: 60_000 },
      { reason: 'exhausted', attempts: 3, retryAfterMs: undefined },
    ]);
    const plain = failing(new Transient(), new Transient(), new Transient());
    await expect(retryTransient(plain.call, options().opts)).rejects.toBeInstanceOf(Transient);
  });

  it('treats a missing, NaN, infinite or negative maxRetries as 0 rather than retrying forever', async () => {
    for (const maxRetries of [undefined, Number.NaN, Infinity, -1]) {
      const { opts, slept } = options({ maxRetries: maxRetries as number });
      const f = failing(new Transient(), new Transient(), new Transient(), new Transient());
      await expect(retryTransient(f.call, opts), String(maxRetries)).rejects.toBeInstanceOf(Transient);
      expect(f.calls()).toBe(1);
      expect(slept).toEqual([]);
    }
  });
});
