export interface PollDelayInput {
  /** Lower and upper bounds for any delay. */
  minSeconds: number;
  maxSeconds: number;
  /** The interval when the server gives no hint. */
  defaultSeconds: number;
  /** Consecutive failed polls; each one doubles the delay. */
  errorCount: number;
  /** Feed `<ttl>` / sy:updatePeriod. */
  ttlSeconds?: number;
  /** Cache-Control max-age / Expires. */
  cacheMaxAgeSeconds?: number;
  /** Retry-After from a 429/503 (or any response). */
  retryAfterSeconds?: number;
}

const MAX_DOUBLINGS = 20;

function hint(value: number | undefined): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : 0;
}

/**
 * Seconds until a feed should be polled again: the largest of the default interval and the server's
 * hints (TTL, max-age, Retry-After), doubled per consecutive error, clamped to [min, max].
 * Garbage hints (NaN, negative) are ignored so they fall back to the default and the backoff.
 */
export function nextPollDelaySeconds(input: PollDelayInput): number {
  const min = Math.max(0, input.minSeconds);
  const max = Math.max(min, input.maxSeconds);
  const base = Math.max(hint(input.defaultSeconds), hint(input.ttlSeconds), hint(input.cacheMaxAgeSeconds));
  const errors = Number.isFinite(input.errorCount) ? Math.max(0, Math.floor(input.errorCount)) : 0;
  const backedOff = base * 2 ** Math.min(errors, MAX_DOUBLINGS);
  const delay = Math.max(backedOff, hint(input.retryAfterSeconds));
  return Math.round(Math.min(max, Math.max(min, delay)));
}
