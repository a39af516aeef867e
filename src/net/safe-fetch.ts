import { request, type Dispatcher } from 'undici';
import { openRequestScope } from './agent.js';
import { readBody } from './decode-body.js';
import { FetchError } from './errors.js';
import { toFetchError } from './map-error.js';
import { parseRetryAfter } from './retry-after.js';
import { assertPublicLiteral, type HostResolver } from './ssrf.js';
import { parseHttpUrl, redactUrl } from './url.js';

const DEFAULT_USER_AGENT = 'Podbrief/0.1 (+https://github.com/podbrief/podbrief)';
const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
export const DEFAULT_MAX_REDIRECTS = 10;

export interface FetchOptions {
  /** Total deadline for connect, every redirect hop and the whole body. */
  timeoutMs?: number;
  connectTimeoutMs?: number;
  /** Cap on decompressed body bytes. */
  maxBytes?: number;
  /** Only for local demos and tests: lets loopback/private addresses through. */
  allowPrivateNetworks?: boolean;
  userAgent?: string;
  headers?: Record<string, string>;
  etag?: string | null;
  lastModified?: string | null;
  maxRedirects?: number;
  method?: 'GET' | 'POST';
  body?: string | Uint8Array;
  accept?: string;
  /** When false, 4xx/5xx responses are returned (body read under the cap) instead of thrown. Default true. */
  throwHttpErrors?: boolean;
  /** Test seam: stub DNS. Defaults to the system resolver. */
  resolver?: HostResolver;
}

export interface FetchResult {
  status: number;
  notModified: boolean;
  /** Final URL after redirects, without credentials. */
  url: string;
  body: Buffer;
  contentType?: string;
  etag?: string;
  lastModified?: string;
  headers: Record<string, string>;
  /** Each hop that answered with a redirect, in order. */
  redirects: { url: string; status: number }[];
}

export const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const CROSS_ORIGIN_DROPPED = ['authorization', 'cookie', 'proxy-authorization'];

// undici turns a bare destroy() of an unread body into an 'error' event: swallow it, we chose to stop.
export function discard(body: Dispatcher.ResponseData['body']): void {
  body.on('error', () => {});
  body.destroy();
}

export function withoutCredentials(url: URL): string {
  const copy = new URL(url.href);
  copy.username = '';
  copy.password = '';
  return copy.href;
}

export function flattenHeaders(raw: Dispatcher.ResponseData['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

export function requestHeaders(url: URL, opts: FetchOptions): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': opts.userAgent ?? DEFAULT_USER_AGENT,
    accept: opts.accept ?? '*/*',
    'accept-encoding': 'gzip, deflate, br',
  };
  if (opts.etag) headers['if-none-match'] = opts.etag;
  if (opts.lastModified) headers['if-modified-since'] = opts.lastModified;
  if (url.username || url.password) {
    const user = decodeURIComponent(url.username);
    const pass = decodeURIComponent(url.password);
    headers.authorization = `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
  }
  for (const [name, value] of Object.entries(opts.headers ?? {})) headers[name.toLowerCase()] = value;
  return headers;
}

export function httpError(status: number, headers: Record<string, string>, url: string): FetchError {
  const retryAfterSeconds = parseRetryAfter(headers['retry-after']);
  const details = { url, status, ...(retryAfterSeconds !== undefined && { retryAfterSeconds }) };
  if (status === 429) {
    const wait = retryAfterSeconds === undefined ? '' : `, retry after ${retryAfterSeconds} s`;
    return new FetchError('rate_limited', `rate limited by the server (HTTP 429${wait})`, details);
  }
  if (status === 403 && headers['cf-mitigated']?.toLowerCase() === 'challenge') {
    return new FetchError('blocked_by_challenge', 'blocked by a bot challenge page (HTTP 403)', details);
  }
  return new FetchError(`http_${status}`, `server answered HTTP ${status}`, details);
}

export interface Hop {
  url: URL;
  method: 'GET' | 'POST';
  body: string | Uint8Array | undefined;
  headers: Record<string, string>;
}

export function nextHop(hop: Hop, status: number, location: string): Hop {
  const url = parseHttpUrl(location, hop.url);
  const headers = { ...hop.headers };
  if (url.origin !== hop.url.origin) for (const name of CROSS_ORIGIN_DROPPED) delete headers[name];
  // 303, and 301/302 after a POST, turn into a GET without a body (what browsers do).
  const toGet = status === 303 || ((status === 301 || status === 302) && hop.method === 'POST');
  if (toGet) {
    delete headers['content-type'];
    delete headers['content-length'];
  }
  return { url, headers, method: toGet ? 'GET' : hop.method, body: toGet ? undefined : hop.body };
}

async function finish(
  res: Dispatcher.ResponseData,
  hop: Hop,
  opts: FetchOptions,
  redirects: FetchResult['redirects'],
): Promise<FetchResult> {
  const headers = flattenHeaders(res.headers);
  const url = withoutCredentials(hop.url);
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const base = {
    status: res.statusCode,
    url,
    headers,
    redirects,
    ...(headers['content-type'] !== undefined && { contentType: headers['content-type'] }),
    ...(headers.etag !== undefined && { etag: headers.etag }),
    ...(headers['last-modified'] !== undefined && { lastModified: headers['last-modified'] }),
  };
  if (res.statusCode === 304) {
    discard(res.body);
    return { ...base, notModified: true, body: Buffer.alloc(0) };
  }
  const failed = res.statusCode < 200 || res.statusCode >= 300;
  if (failed && opts.throwHttpErrors !== false) {
    discard(res.body);
    throw httpError(res.statusCode, headers, redactUrl(hop.url));
  }
  const declared = Number(headers['content-length']);
  if (!headers['content-encoding'] && Number.isFinite(declared) && declared > maxBytes) {
    discard(res.body);
    throw new FetchError('response_too_large', `declared body of ${declared} bytes exceeds the ${maxBytes}-byte limit`);
  }
  const body = await readBody(res.body, headers['content-encoding'], maxBytes);
  if (!failed && body.length === 0 && res.statusCode !== 204 && res.statusCode !== 205) {
    throw new FetchError('empty_body', `server answered HTTP ${res.statusCode} with an empty body`);
  }
  return { ...base, notModified: false, body };
}

/**
 * The one outbound HTTP client. Refuses non-public addresses at dial time (every hop, every
 * address), bounds the whole exchange by one deadline and the decompressed body by a byte cap,
 * follows redirects itself, and maps every failure to a FetchError code.
 */
export async function safeFetch(rawUrl: string, opts: FetchOptions = {}): Promise<FetchResult> {
  const first = parseHttpUrl(rawUrl);
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRedirects = opts.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const allowPrivate = opts.allowPrivateNetworks === true;
  const scope = openRequestScope({
    timeoutMs,
    allowPrivateNetworks: allowPrivate,
    connectTimeoutMs: opts.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    ...(opts.resolver && { resolver: opts.resolver }),
  });
  let hop: Hop = { url: first, method: opts.method ?? 'GET', body: opts.body, headers: requestHeaders(first, opts) };
  const redirects: FetchResult['redirects'] = [];
  try {
    for (;;) {
      if (!allowPrivate) assertPublicLiteral(hop.url.hostname);
      // Credentials travel as an Authorization header (dropped cross-origin), never in the request line.
      const res = await request(withoutCredentials(hop.url), {
        dispatcher: scope.agent,
        method: hop.method,
        headers: hop.headers,
        body: hop.body,
        signal: scope.signal,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      const location = res.headers.location;
      if (REDIRECT_STATUSES.has(res.statusCode) && typeof location === 'string') {
        discard(res.body);
        redirects.push({ url: withoutCredentials(hop.url), status: res.statusCode });
        if (redirects.length > maxRedirects) {
          throw new FetchError('too_many_redirects', `more than ${maxRedirects} redirects`);
        }
        hop = nextHop(hop, res.statusCode, location);
        continue;
      }
      return await finish(res, hop, opts, redirects);
    }
  } catch (err) {
    throw toFetchError(err, redactUrl(hop.url), scope.deadlineHit(), timeoutMs);
  } finally {
    scope.close();
  }
}
