/** How much of the rate one reservation takes: a round trip per ~150 ms, not per message. */
const RESERVATION_MS = 150;

/** Slots one reservation takes at `ratePerSecond`: about RESERVATION_MS worth, at least one. */
export function slotsPerReservation(ratePerSecond: number): number {
  return Math.max(1, Math.round((ratePerSecond * RESERVATION_MS) / 1000));
}

/**
 * Send slots reserved in one go, as local times (performance.now()): slot i is the interval
 * [start + i·gapMs, start + (i+1)·gapMs), and one message may start inside it.
 */
export interface SlotBlock {
  start: number;
  gapMs: number;
  count: number;
  /** Slots handed out or passed over; the next one is at least this. */
  used: number;
}

/** A slot handed out: the message starts at `startAt`, and must have started before `endsAt`. */
export interface SlotTaken {
  startAt: number;
  endsAt: number;
}

/**
 * The first slot not yet handed out whose interval has not ended by `now` (the earlier ones are
 * lost): the message starts at its beginning or now, whichever is later. Undefined when the block
 * has no slot left.
 */
export function takeSlot(block: SlotBlock, now: number): SlotTaken | undefined {
  const current = Math.floor((now - block.start) / block.gapMs);
  const slot = Math.max(block.used, current);
  if (slot >= block.count) {
    block.used = block.count;
    return undefined;
  }
  block.used = slot + 1;
  const begins = block.start + slot * block.gapMs;
  return { startAt: Math.max(now, begins), endsAt: begins + block.gapMs };
}
