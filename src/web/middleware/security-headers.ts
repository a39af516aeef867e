import type { MiddlewareHandler } from 'hono';

/**
 * Scripts, styles and images only from this origin (no inline script or style), no framing, no
 * plugins, forms post only here. A route may set its own, stricter policy (the admin brief
 * preview sandboxes the email's HTML).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** HSTS for a year once the site is known to be served over HTTPS; subdomains are the operator's call. */
const HSTS = 'max-age=31536000';

/** Headers every response carries; `isHttps` says whether this request reached us over HTTPS. */
export function securityHeaders(isHttps: (req: Request) => boolean): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    const setDefault = (name: string, value: string) => {
      if (!h.has(name)) h.set(name, value);
    };
    setDefault('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    setDefault('X-Content-Type-Options', 'nosniff');
    setDefault('X-Frame-Options', 'DENY');
    // Sign-in and confirmation pages carry their token in the URL: never hand it to another site.
    setDefault('Referrer-Policy', 'no-referrer');
    setDefault('Cross-Origin-Opener-Policy', 'same-origin');
    setDefault('Cross-Origin-Resource-Policy', 'same-origin');
    setDefault('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
    // Pages may name a subscriber; only the static assets may be cached.
    setDefault('Cache-Control', 'no-store');
    if (isHttps(c.req.raw)) setDefault('Strict-Transport-Security', HSTS);
  };
}
