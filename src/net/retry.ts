import { FetchError } from './errors.js';

/** Statuses worth asking again: timeouts, conflicts, rate limits, and any server error (500, 502, 520, 529 …). */
export function isTransientHttpStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/** FetchError codes of a request that may well work a moment later (no answer, a dropped connection). */
const TRANSIENT_FETCH_CODES: ReadonlySet<string> = new Set([
  'timeout',
  'connection_failed',
  'truncated_body',
  'http_protocol_error',
  'empty_body',
]);

export function isTransientFetchError(err: unknown): err is FetchError {
  return err instanceof FetchError && TRANSIENT_FETCH_CODES.has(err.code);
}

const MAX_BACKOFF_MS = 8_000;

/** `defaults` with the settings that are set: `{maxRetries: undefined}` keeps the default. */
export function withRetryDefaults<P extends object>(defaults: P, given: Partial<P> = {}): P {
  const set = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined)) as Partial<P>;
  return { ...defaults, ...set };
}

/** Why retrying stopped while the failure was still transient. */
export type RetryGiveUp =
  | { reason: 'wait_too_long'; attempts: number; retryAfterMs: number }
  | { reason: 'exhausted'; attempts: number; retryAfterMs: number | undefined };

export interface RetryTransientOptions {
  /** Retries after the first attempt; a missing, non-finite or negative value means none. */
  maxRetries: number;
  /** First backoff step; doubles per retry, with jitter, up to MAX_BACKOFF_MS. */
  baseMs: number;
  /** Longest Retry-After honoured; a longer one gives up at once rather than block the caller. */
  maxWaitMs: number;
  isTransient(err: unknown): boolean;
  /** The server's own wait (Retry-After), when the failure carries one. */
  retryAfterMs?(err: unknown): number | undefined;
  /** The error to throw when giving up on a transient failure; by default the failure itself. */
  giveUp?(err: unknown, why: RetryGiveUp): unknown;
  /** `retry` counts from 1. */
  onRetry?(err: unknown, retry: number, waitMs: number): void;
  sleep?(ms: number): Promise<void>;
  random?(): number;
}

/** Runs `call`, retrying transient failures with exponential backoff and jitter, or after the server's Retry-After. */
export async function retryTransient<T>(call: () => Promise<T>, opts: RetryTransientOptions): Promise<T> {
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms)));
  const random = opts.random ?? Math.random;
  // `retry >= NaN` (or undefined) is never true: without this a bad value would retry forever.
  const maxRetries = Number.isFinite(opts.maxRetries) && opts.maxRetries > 0 ? opts.maxRetries : 0;
  for (let retry = 0; ; retry += 1) {
    try {
      return await call();
    } catch (err) {
      if (!opts.isTransient(err)) throw err;
      const asked = opts.retryAfterMs?.(err);
      const attempts = retry + 1;
      if (asked !== undefined && asked > opts.maxWaitMs) {
        throw opts.giveUp ? opts.giveUp(err, { reason: 'wait_too_long', attempts, retryAfterMs: asked }) : err;
      }
      if (retry >= maxRetries) {
        throw opts.giveUp ? opts.giveUp(err, { reason: 'exhausted', attempts, retryAfterMs: asked }) : err;
      }
      const wait = asked ?? backoffMs(retry, opts.baseMs, random);
      opts.onRetry?.(err, retry + 1, wait);
      await sleep(wait);
    }
  }
}

/** 0.5 s, 1 s, 2 s … capped at 8 s, each shortened by up to 25% at random so clients spread out. */
export function backoffMs(retry: number, baseMs: number, random: () => number): number {
  return Math.min(baseMs * 2 ** retry, MAX_BACKOFF_MS) * (1 - 0.25 * random());
}
