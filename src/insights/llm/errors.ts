import { AppError } from '../../model/errors.js';

/** The provider answered with a non-2xx status; the message carries its own error text. */
export class LlmHttpError extends AppError {
  readonly status: number;
  /** From `retry-after-ms` or `Retry-After`. */
  readonly retryAfterMs?: number;
  /** The provider's `x-should-retry` header, when sent: it knows better than our status table. */
  readonly shouldRetry?: boolean;
  /** e.g. `rate_limit_error`, `invalid_request_error`. */
  readonly errorType?: string;
  readonly param?: string;

  constructor(
    status: number,
    message: string,
    details: { retryAfterMs?: number; shouldRetry?: boolean; errorType?: string; param?: string } = {},
  ) {
    super(`llm_http_${status}`, message);
    this.name = 'LlmHttpError';
    this.status = status;
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
    if (details.shouldRetry !== undefined) this.shouldRetry = details.shouldRetry;
    if (details.errorType !== undefined) this.errorType = details.errorType;
    if (details.param !== undefined) this.param = details.param;
  }
}

export type LlmOutputCode = 'malformed_output' | 'truncated_output' | 'refused_output';

/** The call succeeded but its answer cannot be used (retried once, then the embedded engine takes over). */
export class LlmOutputError extends AppError {
  declare readonly code: LlmOutputCode;
  constructor(code: LlmOutputCode, message: string) {
    super(code, message);
    this.name = 'LlmOutputError';
  }
}

/** Retries are exhausted on something transient (5xx, timeouts): the episode falls back for now. */
export class LlmUnavailableError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('llm_unavailable', message, options);
    this.name = 'LlmUnavailableError';
  }
}

/** Rate limited beyond what we wait in process: leave the episode for a later run, after `retryAt`. */
export class LlmDeferredError extends AppError {
  readonly retryAt: Date;
  constructor(retryAt: Date, reason: string, options?: { cause?: unknown }) {
    super('rate_limited', `LLM provider rate limit (${reason}); retry after ${retryAt.toISOString()}`, options);
    this.name = 'LlmDeferredError';
    this.retryAt = retryAt;
  }
}
