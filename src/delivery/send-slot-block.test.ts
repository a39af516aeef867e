import { describe, expect, it } from 'vitest';
import { slotsPerReservation, takeSlot, type SlotBlock } from './send-slot-block.js';

const block = (patch: Partial<SlotBlock> = {}): SlotBlock => ({ start: 1000, gapMs: 100, count: 3, used: 0, ...patch });

describe('send slot blocks', () => {
  it('reserves about 150 ms of the rate at a time, at least one slot', () => {
    expect(slotsPerReservation(1)).toBe(1);
    expect(slotsPerReservation(4)).toBe(1);
    expect(slotsPerReservation(20)).toBe(3);
    expect(slotsPerReservation(300)).toBe(45);
    expect(slotsPerReservation(10_000)).toBe(1500);
  });

  it('hands out each slot once, at its beginning, then nothing', () => {
    const b = block();
    expect([takeSlot(b, 990), takeSlot(b, 990), takeSlot(b, 990), takeSlot(b, 990)]).toEqual([
      { startAt: 1000, endsAt: 1100 },
      { startAt: 1100, endsAt: 1200 },
      { startAt: 1200, endsAt: 1300 },
      undefined,
    ]);
  });

  it('starts a late message inside its own slot and loses the slots that ended unused', () => {
    const b = block();
    expect(takeSlot(b, 1150)).toEqual({ startAt: 1150, endsAt: 1200 });
    expect(takeSlot(b, 1150)).toEqual({ startAt: 1200, endsAt: 1300 });
    expect(takeSlot(b, 1150)).toBeUndefined();
    const lapsed = block();
    expect(takeSlot(lapsed, 1300)).toBeUndefined();
    expect(lapsed.used).toBe(3);
  });

  it('never starts two messages in one slot nor one outside its slot, whenever they ask', () => {
    const b = block({ count: 50, gapMs: 7 });
    let now = 950;
    const starts: number[] = [];
    for (let i = 0; i < 200; i++) {
      now += (i * 37) % 11; // in bursts (no step) and gaps
      const taken = takeSlot(b, now);
      if (taken === undefined) continue;
      expect(taken.endsAt - taken.startAt).toBeGreaterThan(0);
      expect(taken.endsAt - taken.startAt).toBeLessThanOrEqual(b.gapMs);
      starts.push(taken.startAt);
    }
    const slots = starts.map((s) => Math.floor((s - b.start) / b.gapMs));
    expect(new Set(slots).size).toBe(starts.length);
    expect(slots.every((s, i) => s >= 0 && s < 50 && (i === 0 || s > (slots[i - 1] ?? -1)))).toBe(true);
    expect(starts.length).toBeGreaterThan(10);
  });
});
