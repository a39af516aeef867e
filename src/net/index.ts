export { safeFetch } from './safe-fetch.js';
export type { FetchOptions, FetchResult } from './safe-fetch.js';
export { FetchError } from './errors.js';
export { isPublicAddress, nonPublicAddressOf, systemResolver } from './ssrf.js';
export type { HostResolver } from './ssrf.js';
export { parseRetryAfter } from './retry-after.js';
export { redactUrl } from './url.js';
export { safeDownload } from './safe-download.js';
export type { DownloadOptions } from './safe-download.js';
export {
  retryTransient,
  backoffMs,
  isTransientHttpStatus,
  isTransientFetchError,
  withRetryDefaults,
} from './retry.js';
export { apiErrorText, retryAfterMsOf } from './api-error.js';
export { requestJsonWithRetry } from './request-json.js';
export type { HttpFailure, JsonRetryPolicy } from './request-json.js';
