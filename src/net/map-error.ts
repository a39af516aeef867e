import { FetchError } from './errors.js';

const TLS_CODES = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_SIGNATURE_FAILURE',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'HOSTNAME_MISMATCH',
  'EPROTO',
]);

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_FAIL',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);

function causes(err: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) chain.push(e);
  return chain;
}

function codeOf(err: unknown): string {
  for (const e of causes(err)) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return '';
}

function messageOf(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.replace(/\s+/g, ' ').slice(0, 200);
}

/** Turns whatever undici/node threw into a FetchError with a stable code. */
export function toFetchError(err: unknown, url: string, deadlineHit: boolean, timeoutMs: number): FetchError {
  const own = causes(err).find((e): e is FetchError => e instanceof FetchError);
  if (own) return own.withUrl(url);
  if (deadlineHit) return new FetchError('timeout', `no complete response within ${timeoutMs} ms`, { url, cause: err });
  const code = codeOf(err);
  if (code === 'UND_ERR_CONNECT_TIMEOUT') return new FetchError('timeout', 'connection timed out', { url, cause: err });
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'ETIMEDOUT') {
    return new FetchError('timeout', 'server stopped responding', { url, cause: err });
  }
  if (TLS_CODES.has(code) || code.startsWith('ERR_TLS_') || code.startsWith('ERR_SSL_')) {
    return new FetchError('tls_error', `TLS failure (${code}): ${messageOf(err)}`, { url, cause: err });
  }
  if (code === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH') {
    return new FetchError('truncated_body', 'body ended before the declared Content-Length', { url, cause: err });
  }
  if (code === 'UND_ERR_HEADERS_OVERFLOW' || code.startsWith('HPE_') || code === 'UND_ERR_INFO') {
    return new FetchError('http_protocol_error', `malformed HTTP response (${code})`, { url, cause: err });
  }
  if (CONNECTION_CODES.has(code)) {
    return new FetchError('connection_failed', `connection failed (${code}): ${messageOf(err)}`, { url, cause: err });
  }
  return new FetchError('connection_failed', `request failed${code ? ` (${code})` : ''}: ${messageOf(err)}`, {
    url,
    cause: err,
  });
}
