import type { MiddlewareHandler } from 'hono';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence for every state-changing request: the browser must say it comes from this site.
 * Browsers send `Sec-Fetch-Site` and `Origin` with every POST; a request is accepted when
 * `Sec-Fetch-Site` is `same-origin` (or `none`: typed by the user) and `Origin` (or, lacking it,
 * `Referer`) is PUBLIC_URL's origin or the origin the request was addressed to. A request that
 * shows neither is refused: non-browser clients can send `Origin` themselves.
 *
 * `exempt` paths protect themselves: the RFC 8058 one-click unsubscribe is POSTed by mail
 * providers without Origin or cookies, and its signed token is the protection.
 */
export function sameOriginPosts(opts: {
  publicOrigin: string;
  requestOrigin: (req: Request) => string;
  exempt: ReadonlySet<string>;
}): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method) || opts.exempt.has(c.req.path)) return next();
    const allowed = new Set([opts.publicOrigin, opts.requestOrigin(c.req.raw)]);
    const site = c.req.header('sec-fetch-site');
    const origin = c.req.header('origin');
    const referer = c.req.header('referer');
    const fromHere =
      (site === undefined || site === 'same-origin' || site === 'none') &&
      (origin !== undefined && origin !== 'null'
        ? allowed.has(origin)
        : referer !== undefined
          ? allowed.has(originOf(referer))
          : site === 'same-origin');
    if (!fromHere) return c.text('Forbidden: this form must be sent from the Podbrief site.', 403);
    return next();
  };
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}
