import { afterEach, describe, expect, it, vi } from 'vitest';
import { withFeedLeases } from './feed-lease.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('withFeedLeases', () => {
  it('renews the batch three times a lease while it is polled, on the poll clock, and stops after', async () => {
    vi.useFakeTimers();
    const renewals: Array<{ ids: number[]; at: number; ms: number }> = [];
    const store = {
      renewFeedLeases: async (ids: number[], now: Date, ms: number) => {
        renewals.push({ ids, at: now.getTime(), ms });
      },
    };
    const start = Date.now();
    let finish: (value: string) => void = () => undefined;
    const polled = withFeedLeases(
      store,
      [4, 7],
      { ms: 60_000, clock: () => new Date(Date.now() + 1000) },
      () =>
        new Promise<string>((resolve) => {
          finish = resolve;
        }),
    );
    await vi.advanceTimersByTimeAsync(70_000);
    finish('done');
    expect(await polled).toBe('done');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(renewals).toEqual([20_000, 40_000, 60_000].map((t) => ({ ids: [4, 7], at: start + t + 1000, ms: 60_000 })));
  });

  it('keeps polling when a renewal fails', async () => {
    vi.useFakeTimers();
    let tries = 0;
    const store = {
      renewFeedLeases: async () => {
        tries++;
        throw new Error('database down');
      },
    };
    const told: unknown[] = [];
    const lease = { ms: 3000, clock: () => new Date(), onRenewalFailed: (err: unknown) => told.push(err) };
    const polled = withFeedLeases(store, [1], lease, async () => {
      await new Promise((resolve) => setTimeout(resolve, 4500));
      return 'done';
    });
    await vi.advanceTimersByTimeAsync(4500);
    expect(await polled).toBe('done');
    expect(tries).toBe(4);
    // Told once a batch, not at every renewal.
    expect(told.map(String)).toEqual(['Error: database down']);
  });
});
