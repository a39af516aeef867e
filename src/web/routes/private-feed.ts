import type { Hono } from 'hono';
import type { PrivateFeedRouteDeps } from '../ports.js';
import { listenUrl } from '../../delivery/index.js';
import { briefsJsonFeed, briefsRss, feedTokenHash, parseFeedFile } from '../brief-feed.js';

/** How many of the latest briefs a private feed carries. */
const FEED_BRIEFS = 30;

/**
 * `/feeds/<token>.rss` and `/feeds/<token>.json`: a subscriber's briefs for their feed reader.
 * The token is 256 random bits, stored only as a hash; a reset token (or any other) gets 404.
 */
export function privateFeedRoutes(web: Hono, app: PrivateFeedRouteDeps): void {
  web.get('/feeds/:file', async (c) => {
    const file = parseFeedFile(c.req.param('file'));
    const user = file && (await app.store.userByFeedTokenHash(feedTokenHash(file.token)));
    if (!file || !user) return c.text('not found', 404);
    const briefs = await app.store.briefsByUser(user.id, { limit: FEED_BRIEFS, offset: 0 });
    const base = new URL(app.config.publicUrl).href.replace(/\/+$/, '');
    const input = {
      briefs,
      publicUrl: app.config.publicUrl,
      selfUrl: `${base}/feeds/${file.token}.${file.format}`,
      listenUrl: (insightId: number) => listenUrl(app.config.publicUrl, user.id, insightId, app.secret),
    };
    c.header('Cache-Control', 'private, max-age=300');
    c.header('X-Robots-Tag', 'noindex');
    c.header('Referrer-Policy', 'no-referrer');
    if (file.format === 'json') {
      c.header('Content-Type', 'application/feed+json; charset=utf-8');
      return c.body(briefsJsonFeed(input));
    }
    c.header('Content-Type', 'application/rss+xml; charset=utf-8');
    return c.body(briefsRss(input));
  });
}
