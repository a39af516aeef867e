import { AppError } from '../../model/errors.js';
import { FetchError, parseRetryAfter, safeFetch, type FetchResult } from '../../net/index.js';
import type { MultipartBody } from './multipart.js';

export interface CallPolicy {
  timeoutMs: number;
  /** Retries after 429, 5xx or a refused connection. */
  maxRetries: number;
  /** Longest Retry-After honoured; a longer one fails the call. */
  maxRetryAfterSeconds: number;
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_POLICY: Omit<CallPolicy, 'timeoutMs'> = { maxRetries: 3, maxRetryAfterSeconds: 120 };

const RETRIED_STATUS = new Set([429, 500, 502, 503, 504]);

/**
 * POSTs a multipart body to an operator-configured engine and returns the final answer, 2xx or
 * not. 429 waits for Retry-After; 5xx and refused connections back off. A timeout is not retried:
 * the server may have finished (and billed) the work, and the chunk cache makes a later run resume.
 */
export async function postWithRetries(
  url: string,
  form: MultipartBody,
  headers: Record<string, string>,
  policy: CallPolicy,
  label: string,
): Promise<FetchResult> {
  const sleep = policy.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let attempt = 0; ; attempt++) {
    let res: FetchResult;
    try {
      res = await safeFetch(url, {
        method: 'POST',
        body: form.body,
        headers: { ...headers, 'content-type': form.contentType },
        accept: 'application/json',
        timeoutMs: policy.timeoutMs,
        maxBytes: 20 * 1024 * 1024,
        throwHttpErrors: false,
        maxRedirects: 0,
        // The URL comes from the operator's settings, not from a feed: local servers are the point.
        allowPrivateNetworks: true,
      });
    } catch (err) {
      if (err instanceof FetchError && err.code === 'timeout') {
        throw new AppError('asr_timeout', `${label}: no answer within ${Math.round(policy.timeoutMs / 1000)} s`, {
          cause: err,
        });
      }
      if (err instanceof FetchError && err.code === 'connection_failed' && attempt < policy.maxRetries) {
        await sleep(backoffMs(attempt));
        continue;
      }
      throw new AppError('asr_unavailable', `${label}: ${err instanceof FetchError ? err.reason : String(err)}`, {
        cause: err,
      });
    }
    if (!RETRIED_STATUS.has(res.status) || attempt >= policy.maxRetries || isQuotaError(res)) return res;
    const retryAfter = parseRetryAfter(res.headers['retry-after']);
    if (retryAfter !== undefined && retryAfter > policy.maxRetryAfterSeconds) return res;
    await sleep(retryAfter !== undefined ? retryAfter * 1000 : backoffMs(attempt));
  }
}

function backoffMs(attempt: number): number {
  return Math.min(30_000, 1000 * 2 ** attempt) * (0.75 + Math.random() * 0.5);
}

// OpenAI answers 429 for an exhausted quota too: waiting does not help.
function isQuotaError(res: FetchResult): boolean {
  return res.status === 429 && /insufficient_quota/.test(res.body.toString('utf8', 0, 2000));
}

export function parseJsonBody(res: FetchResult, label: string): unknown {
  try {
    return JSON.parse(res.body.toString('utf8'));
  } catch {
    throw new AppError(
      'asr_bad_response',
      `${label}: answer is not JSON (HTTP ${res.status}, ${res.contentType ?? 'no content type'})`,
    );
  }
}
