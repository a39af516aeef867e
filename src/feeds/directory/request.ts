import { AppError } from '../../model/errors.js';
import { type FetchOptions, redactUrl, requestJsonWithRetry, withRetryDefaults } from '../../net/index.js';
import { DEFAULT_DIRECTORY_RETRY, type DirectoryRetry } from './types.js';

/**
 * GETs a directory API's JSON: 408/409/429/5xx, timeouts and dropped connections are retried
 * (Retry-After honoured up to maxWaitMs); anything else, or an answer that is not JSON, is one AppError line.
 */
export function getDirectoryJson(
  name: string,
  url: string,
  fetchOpts: FetchOptions,
  headers: () => Record<string, string>,
  retry: Partial<DirectoryRetry> = {},
): Promise<unknown> {
  const shown = new URL(redactUrl(url)).host;
  return requestJsonWithRetry(url, {
    fetch: { ...fetchOpts, maxRedirects: 2 },
    headers,
    retry: withRetryDefaults(DEFAULT_DIRECTORY_RETRY, retry),
    errors: {
      http: ({ status, said }) =>
        new AppError(
          status === 429 ? 'directory_rate_limited' : 'directory_unavailable',
          `${name} answered HTTP ${status}${said.message ? ` (${said.message})` : ''}`,
        ),
      failed: (reason, cause) => new AppError('directory_unavailable', `${name} (${shown}): ${reason}`, { cause }),
      notJson: (status) =>
        new AppError('directory_invalid_response', `${name} did not answer with JSON (HTTP ${status})`),
    },
  });
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
