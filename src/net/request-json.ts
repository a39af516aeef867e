import { errorMessage } from '../model/errors.js';
import { type ApiErrorText, apiErrorText, retryAfterMsOf } from './api-error.js';
import { FetchError } from './errors.js';
import { isTransientFetchError, isTransientHttpStatus, retryTransient } from './retry.js';
import { type FetchOptions, type FetchResult, safeFetch } from './safe-fetch.js';

export interface JsonRetryPolicy {
  maxRetries: number;
  /** First backoff step; doubles per retry, with jitter, capped at 8 s. */
  baseMs: number;
  /** Longest Retry-After honoured; a longer one fails at once. */
  maxWaitMs: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** A non-2xx answer, as the caller's error needs it. */
export interface HttpFailure {
  status: number;
  /** The provider's own error fields, when the body is JSON. */
  said: ApiErrorText;
  retryAfterMs: number | undefined;
}

/** The caller's own errors, so each client keeps its codes and messages. */
interface JsonRequestErrors {
  /** A non-2xx answer (thrown once retries are over, or at once when its status is not transient). */
  http(failure: HttpFailure): Error;
  /** No answer: a failed or timed-out request (`reason` is one line), or a refused URL. */
  failed(reason: string, cause: unknown): Error;
  /** A 2xx answer that is not JSON; not retried, a server answers the same request the same way. */
  notJson(status: number): Error;
}

export interface JsonRequest {
  fetch: FetchOptions;
  /** Headers made again for each attempt (a signature dated now); added over `fetch.headers`. */
  headers?: () => Record<string, string>;
  retry: JsonRetryPolicy;
  errors: JsonRequestErrors;
}

/** A non-2xx answer while retrying; the caller's error replaces it once retrying stops. */
class HttpAnswerError extends Error {
  constructor(readonly failure: HttpFailure) {
    super(`HTTP ${failure.status}`);
  }
}

/**
 * Asks a JSON API and returns its parsed 2xx body: 408/409/429/5xx, timeouts and dropped
 * connections are retried (Retry-After honoured up to maxWaitMs); anything else, or an answer
 * that is not JSON, is the caller's own error.
 */
export async function requestJsonWithRetry(url: string, request: JsonRequest): Promise<unknown> {
  let res: FetchResult;
  try {
    res = await retryTransient(() => requestOnce(url, request), {
      ...request.retry,
      isTransient: (err) =>
        (err instanceof HttpAnswerError && isTransientHttpStatus(err.failure.status)) || isTransientFetchError(err),
      retryAfterMs: (err) => (err instanceof HttpAnswerError ? err.failure.retryAfterMs : undefined),
    });
  } catch (err) {
    if (err instanceof HttpAnswerError) throw request.errors.http(err.failure);
    throw request.errors.failed(err instanceof FetchError ? err.reason : errorMessage(err), err);
  }
  try {
    return JSON.parse(res.body.toString('utf8')) as unknown;
  } catch {
    throw request.errors.notJson(res.status);
  }
}

async function requestOnce(url: string, request: JsonRequest): Promise<FetchResult> {
  const res = await safeFetch(url, {
    ...request.fetch,
    accept: 'application/json',
    throwHttpErrors: false,
    headers: { ...request.fetch.headers, ...request.headers?.() },
  });
  if (res.status >= 200 && res.status < 300) return res;
  throw new HttpAnswerError({
    status: res.status,
    said: apiErrorText(parseOrUndefined(res.body)),
    retryAfterMs: retryAfterMsOf(res.headers),
  });
}

function parseOrUndefined(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    return undefined; // Not JSON: the status says enough.
  }
}
