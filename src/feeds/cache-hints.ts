import { parseRetryAfter } from '../net/index.js';

export interface CacheHints {
  cacheMaxAgeSeconds?: number;
  retryAfterSeconds?: number;
}

/** Caching hints a feed server gives: Cache-Control max-age (else Expires) and Retry-After. */
export function cacheHints(headers: Record<string, string>, now: Date = new Date()): CacheHints {
  const hints: CacheHints = {};
  const cacheControl = (headers['cache-control'] ?? '').toLowerCase();
  const maxAge = /(?:^|[,\s])max-age\s*=\s*"?(\d{1,10})"?/.exec(cacheControl)?.[1];
  if (maxAge !== undefined) {
    hints.cacheMaxAgeSeconds = Number(maxAge);
  } else if (headers.expires && !/no-cache|no-store/.test(cacheControl)) {
    // "Expires: 0" and other invalid dates mean "already expired": no hint rather than a bogus one.
    const expires = Date.parse(headers.expires);
    const served = headers.date ? Date.parse(headers.date) : Number.NaN;
    const from = Number.isNaN(served) ? now.getTime() : served;
    if (!Number.isNaN(expires) && expires > from) hints.cacheMaxAgeSeconds = Math.round((expires - from) / 1000);
  }
  const retryAfter = parseRetryAfter(headers['retry-after'], now);
  if (retryAfter !== undefined) hints.retryAfterSeconds = retryAfter;
  return hints;
}
