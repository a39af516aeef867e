import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { RateLimiter } from './rate-limit.js';

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/**
 * The operator pages' lock: HTTP Basic auth whose password is ADMIN_TOKEN (any user name),
 * compared in constant time over SHA-256 digests (equal lengths whatever was sent). With no
 * token configured the pages do not exist (404). Failed attempts count against `failures`.
 */
export function adminAuth(opts: {
  token: string;
  failures: RateLimiter;
  clientIp: (c: Parameters<MiddlewareHandler>[0]) => string;
}): MiddlewareHandler {
  const expected = sha256(opts.token);
  return async (c, next) => {
    if (!opts.token) return c.text('not found', 404);
    const given = passwordOf(c.req.header('authorization'));
    if (given !== undefined && timingSafeEqual(sha256(given), expected)) return next();
    const { allowed, retryAfterSeconds } = await opts.failures.take(`admin:${opts.clientIp(c)}`);
    if (!allowed) {
      c.header('Retry-After', String(retryAfterSeconds));
      return c.text('Too many attempts', 429);
    }
    c.header('WWW-Authenticate', 'Basic realm="Podbrief admin", charset="UTF-8"');
    return c.text('Authentication required', 401);
  };
}

function passwordOf(header: string | undefined): string | undefined {
  const match = /^Basic ([A-Za-z0-9+/=]{1,1024})$/i.exec(header ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1] ?? '', 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : decoded.slice(colon + 1);
}
