import { AppError, errorMessage } from '../../model/errors.js';
import {
  apiErrorText,
  FetchError,
  isTransientFetchError,
  isTransientHttpStatus,
  redactUrl,
  retryAfterMsOf,
  retryTransient,
  safeFetch,
  type FetchOptions,
  type FetchResult,
  withRetryDefaults,
} from '../../net/index.js';
import { DEFAULT_DIRECTORY_RETRY, type DirectoryRetry } from './types.js';

class DirectoryHttpError extends AppError {
  constructor(
    message: string,
    readonly status: number,
    readonly retryAfterMs: number | undefined,
  ) {
    super(status === 429 ? 'directory_rate_limited' : 'directory_unavailable', message);
  }
}

/** What an error body says, when it is JSON: the status says enough otherwise. */
function errorDetail(body: Buffer): string {
  try {
    return apiErrorText(JSON.parse(body.toString('utf8'))).message ?? '';
  } catch {
    return '';
  }
}

/**
 * GETs a directory API's JSON: 408/409/429/5xx, timeouts and dropped connections are retried
 * (Retry-After honoured up to maxWaitMs); anything else, or an answer that is not JSON, is one AppError line.
 */
export async function getDirectoryJson(
  name: string,
  url: string,
  fetchOpts: FetchOptions,
  headers: () => Record<string, string>,
  retry: Partial<DirectoryRetry> = {},
): Promise<unknown> {
  const policy = withRetryDefaults(DEFAULT_DIRECTORY_RETRY, retry);
  const shown = new URL(redactUrl(url)).host;
  let res: FetchResult;
  try {
    res = await retryTransient(
      async () => {
        const r = await safeFetch(url, {
          ...fetchOpts,
          accept: 'application/json',
          maxRedirects: 2,
          throwHttpErrors: false,
          headers: { ...fetchOpts.headers, ...headers() },
        });
        if (r.status < 200 || r.status >= 300) {
          const detail = errorDetail(r.body);
          const retryAfterMs = retryAfterMsOf(r.headers);
          throw new DirectoryHttpError(
            `${name} answered HTTP ${r.status}${detail ? ` (${detail})` : ''}`,
            r.status,
            retryAfterMs,
          );
        }
        return r;
      },
      {
        ...policy,
        isTransient: (err) =>
          (err instanceof DirectoryHttpError && isTransientHttpStatus(err.status)) || isTransientFetchError(err),
        retryAfterMs: (err) => (err instanceof DirectoryHttpError ? err.retryAfterMs : undefined),
      },
    );
  } catch (err) {
    if (err instanceof DirectoryHttpError) throw err;
    if (err instanceof FetchError) {
      throw new AppError('directory_unavailable', `${name} (${shown}): ${err.reason}`, { cause: err });
    }
    throw new AppError('directory_unavailable', `${name} (${shown}): ${errorMessage(err)}`, { cause: err });
  }
  try {
    return JSON.parse(res.body.toString('utf8')) as unknown;
  } catch {
    throw new AppError('directory_invalid_response', `${name} did not answer with JSON (HTTP ${res.status})`);
  }
}

/** A trimmed one-line string, or undefined. */
export function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.replace(/\s+/g, ' ').trim() : undefined;
}

/** An http(s) URL string, or undefined. */
export function httpUrlOf(v: unknown): string | undefined {
  const s = str(v);
  if (!s) return undefined;
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : undefined;
  } catch {
    return undefined;
  }
}
