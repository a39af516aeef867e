import { createHash } from 'node:crypto';
import type { Hono } from 'hono';
import { APP_CSS } from '../views/app-css.js';

const ETAG = `"${createHash('sha256').update(APP_CSS).digest('base64url').slice(0, 16)}"`;

/** The one stylesheet every page links (no inline style, so a strict CSP holds). */
export function assetRoutes(web: Hono): void {
  web.get('/assets/app.css', (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    c.header('ETag', ETAG);
    if (c.req.header('If-None-Match') === ETAG) return c.body(null, 304);
    c.header('Content-Type', 'text/css; charset=utf-8');
    return c.body(APP_CSS);
  });
}
