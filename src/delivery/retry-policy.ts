import type { DeliveryClaimRules } from '../store/types.js';

/**
 * A 'sending' delivery whose heartbeat is older than this died with its worker and is re-claimed
 * (a possible duplicate, counted). A live sender refreshes it every DELIVERY_HEARTBEAT_MS.
 */
const DELIVERY_LEASE_MS = 60_000;
export const DELIVERY_HEARTBEAT_MS = 15_000;
/** Attempts before a brief is given up: with the delays below, the last retry is ~2 h after the first. */
export const DELIVERY_MAX_ATTEMPTS = 6;
const FIRST_RETRY_MS = 2 * 60_000;
const LONGEST_RETRY_MS = 60 * 60_000;

/** Exponential backoff (2, 4, 8, 16, 32 min… capped at an hour) so a mail outage is not hammered every tick. */
export function deliveryClaimRules(now: Date): DeliveryClaimRules {
  return {
    now,
    leaseMs: DELIVERY_LEASE_MS,
    maxAttempts: DELIVERY_MAX_ATTEMPTS,
    retryDelayMs: (attempts) => Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** (attempts - 1)),
  };
}
