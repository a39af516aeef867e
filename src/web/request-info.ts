import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/** What the web app may believe about where a request came from; see TRUST_PROXY. */
export interface RequestInfo {
  /** The client's address: the socket's, or behind a trusted proxy the one it appended to X-Forwarded-For. */
  clientIp(c: Context): string;
  /** Served over HTTPS: PUBLIC_URL is https, or a trusted proxy says the request came over HTTPS. */
  isHttps(req: Request): boolean;
  /** The origin the request was addressed to (scheme as above, Host header). */
  requestOrigin(req: Request): string;
}

export function requestInfo(opts: { publicUrl: string; trustProxy: boolean }): RequestInfo {
  const publicHttps = new URL(opts.publicUrl).protocol === 'https:';
  const forwardedProto = (req: Request) =>
    opts.trustProxy ? req.headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() : undefined;
  const isHttps = (req: Request) => publicHttps || forwardedProto(req) === 'https' || req.url.startsWith('https:');
  return {
    clientIp(c) {
      if (opts.trustProxy) {
        // The right-most entry is the one our own proxy added; anything left of it is client-supplied.
        const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
        if (forwarded) return forwarded;
      }
      return getConnInfo(c).remote.address ?? 'unknown';
    },
    isHttps,
    requestOrigin(req) {
      const url = new URL(req.url);
      const scheme = forwardedProto(req) ?? url.protocol.replace(':', '');
      return `${scheme}://${req.headers.get('host') ?? url.host}`;
    },
  };
}
