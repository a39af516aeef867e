import { describe, expect, it } from 'vitest';
import { fleetSendPace } from './fleet-send-pace.js';
import type { SendSlotsStore } from './ports.js';

/** The database's reservation in memory (the SQL is tested in store/send-pace.test.ts), counting round trips. */
function slotsInMemory(): SendSlotsStore & { calls: number } {
  let nextAt = 0;
  return {
    calls: 0,
    async reserveSendSlots(count, gapMs) {
      this.calls += 1;
      const now = performance.now();
      const first = Math.max(nextAt, now);
      nextAt = first + count * gapMs;
      return first - now;
    },
  };
}

describe('fleetSendPace', () => {
  it('takes one round trip per block of ~150 ms, not one per message', async () => {
    const store = slotsInMemory();
    const pace = fleetSendPace(300, store);
    const started: number[] = [];
    await Promise.all(Array.from({ length: 90 }, () => pace().then(() => started.push(performance.now()))));

    // 45 slots a reservation: two, or a third when a busy loop let some slots pass.
    expect(store.calls).toBeGreaterThanOrEqual(2);
    expect(store.calls).toBeLessThanOrEqual(4);
    // 90 starts at 300/s span at least 88 gaps of 3.33 ms, less the one a slot boundary allows.
    expect(Math.max(...started) - Math.min(...started)).toBeGreaterThanOrEqual((88 * 1000) / 300 - 1);
  });

  it('shares the rate between two paces on one store', async () => {
    const store = slotsInMemory();
    const one = fleetSendPace(50, store);
    const two = fleetSendPace(50, store);
    const started: number[] = [];
    const send = (pace: () => Promise<void>) => pace().then(() => started.push(performance.now()));
    await Promise.all(Array.from({ length: 10 }, (_, i) => send(i % 2 ? one : two)));

    // 10 at 50/s over both: at least 8 gaps of 20 ms (each alone would take 4).
    expect(Math.max(...started) - Math.min(...started)).toBeGreaterThanOrEqual(8 * 20 - 1);
  });

  it('does not ask the store when there is no limit', async () => {
    const store = slotsInMemory();
    await fleetSendPace(0, store)();
    expect(store.calls).toBe(0);
  });
});
