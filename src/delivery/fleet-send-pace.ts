import { setTimeout as sleep } from 'node:timers/promises';
import type { SendSlotsStore } from './ports.js';
import { slotsPerReservation, takeSlot, type SlotBlock } from './send-slot-block.js';

/**
 * Holds SMTP_RATE_PER_SECOND across every process sharing the store's database: each takes a
 * small block of slots from the database at a time (reserveSendSlots) and starts one message in
 * each. Over any window, messages exceed the rate by at most one slot, plus the rate times the
 * spread in the database's reply time. 0: no wait.
 */
export function fleetSendPace(ratePerSecond: number, store: SendSlotsStore): () => Promise<void> {
  if (ratePerSecond <= 0) return async () => undefined;
  const gapMs = 1000 / ratePerSecond;
  const most = slotsPerReservation(ratePerSecond);
  let block: SlotBlock | undefined;
  // Sends of this process still without a slot. A block holds twice as many slots (the spare ones
  // for sends woken late), not ~150 ms of the fleet's rate: a process with a few senders would
  // leave most of such a block empty, and the processes' blocks would follow one another.
  let unserved = 0;
  // One reservation at a time; sends that find the block used up wait for it together.
  let reserving: Promise<void> | undefined;

  async function reserve(): Promise<void> {
    // After the sends starting in this same turn have counted themselves.
    await Promise.resolve();
    const count = Math.min(most, Math.max(2, 2 * unserved));
    const waitMs = await store.reserveSendSlots(count, gapMs);
    // Counted from the reply, so a slot starts no earlier here than the database gave it.
    block = { start: performance.now() + waitMs, gapMs, count, used: 0 };
  }

  return async () => {
    unserved += 1;
    for (;;) {
      const now = performance.now();
      const slot = block && takeSlot(block, now);
      if (slot !== undefined) {
        unserved -= 1;
        if (slot.startAt > now) await sleep(slot.startAt - now);
        // Woken after the slot ended (a busy event loop): starting now could crowd the next slot's
        // message, so this one takes another slot.
        if (performance.now() < slot.endsAt) return;
        unserved += 1;
        continue;
      }
      reserving ??= reserve().finally(() => {
        reserving = undefined;
      });
      try {
        await reserving;
      } catch (err) {
        unserved -= 1;
        throw err;
      }
    }
  };
}
