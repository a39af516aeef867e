import { getConnInfo } from '@hono/node-server/conninfo';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/**
 * Who may read /metrics, which faces the internet with the rest of the site: a Bearer token
 * (METRICS_TOKEN, or ADMIN_TOKEN) when one is configured; with none, only a scraper on the
 * machine itself. A request relayed by a local reverse proxy also arrives from loopback, so one
 * carrying forwarding headers is refused whatever TRUST_PROXY says.
 */
export function metricsAccess(tokens: string[]): (c: Context) => boolean {
  const expected = tokens.filter((t) => t !== '').map(sha256);
  return (c) => {
    if (expected.length > 0) {
      const given = /^Bearer (\S{1,1024})$/i.exec(c.req.header('authorization') ?? '')?.[1];
      if (given === undefined) return false;
      const digest = sha256(given);
      return expected.some((e) => timingSafeEqual(digest, e));
    }
    if (c.req.header('x-forwarded-for') || c.req.header('forwarded') || c.req.header('x-real-ip')) return false;
    return isLoopback(getConnInfo(c).remote.address);
  };
}

function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || /^(::ffff:)?127\./.test(address);
}
