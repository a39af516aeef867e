import type { Logger } from '../../logger.js';
import { isTransientFetchError, isTransientHttpStatus, retryTransient, type FetchError } from '../../net/index.js';
import { LlmDeferredError, LlmHttpError, LlmUnavailableError } from './errors.js';
import type { Runtime } from './types.js';

export { backoffMs } from '../../net/index.js';

export interface RetryPolicy {
  maxRetries: number;
  retryBaseMs: number;
  maxRetryWaitMs: number;
}

/**
 * Runs `call`, retrying transient failures (429, 408/409, 5xx, 529, timeouts, dropped
 * connections) up to `maxRetries` times with exponential backoff and jitter, or after the
 * server's Retry-After. Never sleeps longer than `maxRetryWaitMs`: a longer wait, or a rate limit
 * that outlasts the retries, throws LlmDeferredError; other exhausted retries LlmUnavailableError.
 */
export function withRetries<T>(
  call: () => Promise<T>,
  policy: RetryPolicy,
  runtime: Runtime,
  log?: Logger,
): Promise<T> {
  const deferUntil = (waitMs: number) => new Date(runtime.now().getTime() + waitMs);
  return retryTransient(call, {
    maxRetries: policy.maxRetries,
    baseMs: policy.retryBaseMs,
    maxWaitMs: policy.maxRetryWaitMs,
    sleep: (ms) => runtime.sleep(ms),
    random: () => runtime.random(),
    isTransient,
    retryAfterMs: (err) => (err instanceof LlmHttpError ? err.retryAfterMs : undefined),
    onRetry: (err, retry, waitMs) =>
      log?.info('LLM call failed; retrying', {
        code: (err as FetchError | LlmHttpError).code,
        retry,
        wait_ms: Math.round(waitMs),
      }),
    giveUp: (err, why) => {
      if (why.reason === 'wait_too_long') {
        return new LlmDeferredError(
          deferUntil(why.retryAfterMs),
          `asked to wait ${Math.ceil(why.retryAfterMs / 1000)} s`,
          { cause: err },
        );
      }
      if (err instanceof LlmHttpError && err.status === 429) {
        const wait = why.retryAfterMs ?? policy.maxRetryWaitMs;
        return new LlmDeferredError(deferUntil(wait), `still HTTP 429 after ${why.attempts} attempts`, { cause: err });
      }
      return new LlmUnavailableError(`LLM call failed after ${why.attempts} attempts: ${(err as Error).message}`, {
        cause: err,
      });
    },
  });
}

function isTransient(err: unknown): err is LlmHttpError | FetchError {
  if (err instanceof LlmHttpError) return err.shouldRetry ?? isTransientHttpStatus(err.status);
  return isTransientFetchError(err);
}
