import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { fleetSendPace } from './fleet-send-pace.js';
import type { SendSlotsStore } from './ports.js';

/** The database's reservation in memory (the SQL is tested in store/send-pace.test.ts), counting round trips. */
function slotsInMemory(): SendSlotsStore & { calls: number; counts: number[] } {
  let nextAt = 0;
  return {
    calls: 0,
    counts: [],
    async reserveSendSlots(count, gapMs) {
      this.calls += 1;
      this.counts.push(count);
      const now = performance.now();
      const first = Math.max(nextAt, now);
      nextAt = first + count * gapMs;
      return first - now;
    },
  };
}

describe('fleetSendPace', () => {
  it('takes one round trip per block of up to ~150 ms of the rate, not one per message', async () => {
    const store = slotsInMemory();
    const pace = fleetSendPace(300, store);
    const started: number[] = [];
    await Promise.all(Array.from({ length: 90 }, () => pace().then(() => started.push(performance.now()))));

    // At most 45 slots a reservation: two, and small ones more when a busy loop woke sends after
    // their slots (34 seen with the machine's load at 20 on 2 cores); never one a message.
    expect(store.counts.slice(0, 2)).toEqual([45, 45]);
    expect(store.calls).toBeLessThanOrEqual(45);
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

  it("reserves for the sends waiting, leaving the rest of the fleet's rate to other processes", async () => {
    const store = slotsInMemory();
    const pace = fleetSendPace(300, store);
    for (let round = 0; round < 5; round++) {
      await Promise.all([pace(), pace(), pace()]);
      await sleep(20);
    }
    // Five rounds of three sends, 20 ms apart: at most 6 slots a reservation (the spare for late
    // sends), where one ~150 ms block (45 slots) would hold the fleet's rate for three messages.
    expect(store.counts.length).toBeGreaterThan(0);
    expect(store.counts.every((n) => n <= 6)).toBe(true);
  });

  it('does not ask the store when there is no limit', async () => {
    const store = slotsInMemory();
    await fleetSendPace(0, store)();
    expect(store.calls).toBe(0);
  });
});
