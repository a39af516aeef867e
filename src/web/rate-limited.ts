import type { Context } from 'hono';
import type { RateLimiter } from './rate-limit.js';
import { html } from './views/html.js';
import { layout } from './views/layout.js';

/** A 429 page when any of the limits is used up for its key, else undefined (one token taken from each). */
export async function rateLimited(c: Context, checks: Array<[RateLimiter, string]>): Promise<Response | undefined> {
  for (const [limiter, key] of checks) {
    const { allowed, retryAfterSeconds } = await limiter.take(key);
    if (!allowed) {
      c.header('Retry-After', String(retryAfterSeconds));
      return c.html(
        layout('Slow down', html`<h1>Too many requests</h1><p>Please wait a few minutes and try again.</p>`),
        429,
      );
    }
  }
  return undefined;
}
