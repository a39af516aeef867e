import { apiErrorText, retryAfterMsOf, safeFetch } from '../../../net/index.js';
import { LlmHttpError } from '../errors.js';
import type { LlmSettings } from '../settings.js';

export interface JsonReply {
  /** The parsed body, or undefined when it is not JSON. */
  json: unknown;
  /** Body length, to estimate tokens when a provider reports no usage. */
  bytes: number;
}

const MAX_REPLY_BYTES = 8 * 1024 * 1024;

/**
 * POSTs JSON through safeFetch under the call deadline and returns the 2xx body; any other
 * status becomes an LlmHttpError carrying the provider's own error text and retry hints.
 */
export async function postJson(
  url: string,
  headers: Record<string, string>,
  body: unknown,
  settings: LlmSettings,
): Promise<JsonReply> {
  const res = await safeFetch(url, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...headers },
    accept: 'application/json',
    timeoutMs: settings.timeoutMs,
    connectTimeoutMs: Math.min(10_000, settings.timeoutMs),
    maxBytes: MAX_REPLY_BYTES,
    // The base URL is the operator's own setting, not input from a feed: a self-hosted model
    // on localhost or the LAN is a normal setup. No redirects, so nothing else is reached.
    allowPrivateNetworks: true,
    maxRedirects: 0,
    throwHttpErrors: false,
    ...(settings.userAgent !== undefined && { userAgent: settings.userAgent }),
  });
  const json = parseJson(res.body.toString('utf8'));
  if (res.status >= 200 && res.status < 300) return { json, bytes: res.body.length };
  throw httpError(res.status, res.headers, json);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function httpError(status: number, headers: Record<string, string>, json: unknown): LlmHttpError {
  const { message, type: errorType, param } = apiErrorText(json);
  const shouldRetry = headers['x-should-retry'];
  return new LlmHttpError(
    status,
    `LLM API answered HTTP ${status}${errorType ? ` (${errorType})` : ''}${message ? `: ${message}` : ''}`,
    {
      ...optional('retryAfterMs', retryAfterMsOf(headers)),
      ...optional('shouldRetry', shouldRetry === 'true' ? true : shouldRetry === 'false' ? false : undefined),
      ...optional('errorType', errorType),
      ...optional('param', param),
    },
  );
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
