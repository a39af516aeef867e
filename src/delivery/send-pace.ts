import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Spaces message starts evenly at `ratePerSecond` (SMTP_RATE_PER_SECOND), however many sends are in
 * flight: each waits for its slot, so no second holds more than the rate. 0: no wait.
 */
export function sendPace(ratePerSecond: number): () => Promise<void> {
  if (ratePerSecond <= 0) return async () => undefined;
  const gapMs = 1000 / ratePerSecond;
  let nextSlot = 0;
  return async () => {
    const now = performance.now();
    const slot = Math.max(now, nextSlot);
    nextSlot = slot + gapMs;
    if (slot > now) await sleep(slot - now);
  };
}
