export { safeFetch, DEFAULT_USER_AGENT, DEFAULT_TIMEOUT_MS, DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_MAX_BYTES, DEFAULT_MAX_REDIRECTS } from './safe-fetch.js';
export type { FetchOptions, FetchResult } from './safe-fetch.js';
export { FetchError } from './errors.js';
export type { FetchErrorCode } from './errors.js';
export { isPublicAddress } from './ssrf.js';
export type { HostResolver, ResolvedAddress } from './ssrf.js';
export { parseRetryAfter } from './retry-after.js';
export { parseHttpUrl, redactUrl } from './url.js';
