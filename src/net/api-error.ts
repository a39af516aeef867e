import { parseRetryAfter } from './retry-after.js';

/**
 * What an API's error body says: OpenAI `{error: {message, type, param, code}}`, Anthropic
 * `{type: 'error', error: {type, message}}`, Podcast Index `{status: "false", description}`, iTunes `{errorMessage}`.
 */
export interface ApiErrorText {
  message?: string;
  /** `type`, else `code`. */
  type?: string;
  param?: string;
}

/** The provider's own error fields from a parsed JSON body (or undefined), each trimmed to one line. */
export function apiErrorText(json: unknown): ApiErrorText {
  const error = (json as { error?: unknown } | undefined)?.error;
  const fields = typeof error === 'object' && error !== null ? (error as Record<string, unknown>) : {};
  const text = (v: unknown) =>
    typeof v === 'string' && v.trim() !== '' ? v.replace(/\s+/g, ' ').trim().slice(0, 300) : undefined;
  const top = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
  const message =
    text(fields['message']) ??
    (typeof error === 'string' ? text(error) : undefined) ??
    text(top['description']) ??
    text(top['errorMessage']);
  const type = text(fields['type']) ?? text(fields['code']);
  const param = text(fields['param']);
  return {
    ...(message !== undefined && { message }),
    ...(type !== undefined && { type }),
    ...(param !== undefined && { param }),
  };
}

/** `retry-after-ms` (OpenAI, Anthropic) is more precise than `Retry-After`; either may be absent or garbage. */
export function retryAfterMsOf(headers: Record<string, string>): number | undefined {
  const ms = Number(headers['retry-after-ms']);
  if (headers['retry-after-ms'] !== undefined && Number.isFinite(ms) && ms >= 0) return ms;
  const seconds = parseRetryAfter(headers['retry-after']);
  return seconds === undefined ? undefined : seconds * 1000;
}
