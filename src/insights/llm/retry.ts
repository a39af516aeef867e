import type { Logger } from '../../logger.js';
import { FetchError } from '../../net/index.js';
import { LlmDeferredError, LlmHttpError, LlmUnavailableError } from './errors.js';
import type { Runtime } from './types.js';

export interface RetryPolicy {
  maxRetries: number;
  retryBaseMs: number;
  maxRetryWaitMs: number;
}

const MAX_BACKOFF_MS = 8_000;
const RETRY_STATUSES = new Set([408, 409, 429, 500, 502, 503, 504, 529]);
const RETRY_FETCH_CODES = new Set(['timeout', 'connection_failed', 'truncated_body', 'http_protocol_error', 'empty_body']);

/**
 * Runs `call`, retrying transient failures (429, 408/409, 5xx, 529, timeouts, dropped
 * connections) up to `maxRetries` times with exponential backoff and jitter, or after the
 * server's Retry-After. Never sleeps longer than `maxRetryWaitMs`: a longer wait, or a rate limit
 * that outlasts the retries, throws LlmDeferredError; other exhausted retries LlmUnavailableError.
 */
export async function withRetries<T>(call: () => Promise<T>, policy: RetryPolicy, runtime: Runtime, log?: Logger): Promise<T> {
  for (let retry = 0; ; retry += 1) {
    try {
      return await call();
    } catch (err) {
      if (!isTransient(err)) throw err;
      const status = err instanceof LlmHttpError ? err.status : undefined;
      const asked = err instanceof LlmHttpError ? err.retryAfterMs : undefined;
      if (asked !== undefined && asked > policy.maxRetryWaitMs) {
        throw new LlmDeferredError(new Date(runtime.now().getTime() + asked), `asked to wait ${Math.ceil(asked / 1000)} s`, { cause: err });
      }
      if (retry >= policy.maxRetries) {
        if (status === 429) {
          const wait = asked ?? policy.maxRetryWaitMs;
          throw new LlmDeferredError(new Date(runtime.now().getTime() + wait), `still HTTP 429 after ${retry + 1} attempts`, { cause: err });
        }
        throw new LlmUnavailableError(`LLM call failed after ${retry + 1} attempts: ${(err as Error).message}`, { cause: err });
      }
      const wait = asked ?? backoffMs(retry, policy.retryBaseMs, runtime.random);
      log?.info('LLM call failed; retrying', { code: (err as FetchError | LlmHttpError).code, retry: retry + 1, wait_ms: Math.round(wait) });
      await runtime.sleep(wait);
    }
  }
}

function isTransient(err: unknown): err is LlmHttpError | FetchError {
  if (err instanceof LlmHttpError) return err.shouldRetry ?? (RETRY_STATUSES.has(err.status) || err.status >= 500);
  return err instanceof FetchError && RETRY_FETCH_CODES.has(err.code);
}

/** 0.5 s, 1 s, 2 s … capped at 8 s, each shortened by up to 25% at random so clients spread out. */
export function backoffMs(retry: number, baseMs: number, random: () => number): number {
  return Math.min(baseMs * 2 ** retry, MAX_BACKOFF_MS) * (1 - 0.25 * random());
}
