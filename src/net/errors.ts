import { AppError } from '../model/errors.js';

export type FetchErrorCode =
  | 'invalid_url'
  | 'unsupported_scheme'
  | 'blocked_private_network'
  | 'timeout'
  | 'tls_error'
  | 'too_many_redirects'
  | 'response_too_large'
  | 'unsupported_encoding'
  | 'decode_failed'
  | 'truncated_body'
  | 'http_protocol_error'
  | 'blocked_by_challenge'
  | 'rate_limited'
  | 'empty_body'
  | 'connection_failed'
  | `http_${number}`;

export interface FetchErrorDetails {
  /** Already redacted (no credentials). */
  url?: string;
  status?: number;
  retryAfterSeconds?: number;
  cause?: unknown;
}

/**
 * Every failure of safeFetch. The message is one line: `<url>: <reason>`, with any
 * credentials stripped from the URL; `reason` alone is kept for callers that add their own context.
 */
export class FetchError extends AppError {
  declare readonly code: FetchErrorCode;
  readonly reason: string;
  readonly url?: string;
  readonly status?: number;
  readonly retryAfterSeconds?: number;

  constructor(code: FetchErrorCode, reason: string, details: FetchErrorDetails = {}) {
    super(code, details.url ? `${details.url}: ${reason}` : reason, { cause: details.cause });
    this.name = 'FetchError';
    this.reason = reason;
    if (details.url !== undefined) this.url = details.url;
    if (details.status !== undefined) this.status = details.status;
    if (details.retryAfterSeconds !== undefined) this.retryAfterSeconds = details.retryAfterSeconds;
  }

  /** The same error, naming the URL (errors raised below safeFetch do not know it). */
  withUrl(url: string): FetchError {
    if (this.url) return this;
    return new FetchError(this.code, this.reason, {
      url,
      ...(this.status !== undefined && { status: this.status }),
      ...(this.retryAfterSeconds !== undefined && { retryAfterSeconds: this.retryAfterSeconds }),
      cause: this.cause,
    });
  }
}
