import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { User } from '../model/user.js';
import { maskCredentials } from './mask-url.js';
import { tokenBuckets } from './rate-limit.js';
import { requireUser, safeNext } from './session.js';

describe('token buckets', () => {
  it('allows a burst, refills over time, and keeps keys apart', async () => {
    let now = 0;
    const limiter = tokenBuckets({ burst: 3, perHour: 60, now: () => now });
    const takes = async (key: string, n: number) => {
      const out: boolean[] = [];
      for (let i = 0; i < n; i++) out.push((await limiter.take(key)).allowed);
      return out;
    };
    expect(await takes('a', 4)).toEqual([true, true, true, false]);
    expect(await limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect(await takes('b', 1)).toEqual([true]);
    now += 60_000; // one token back per minute
    expect(await takes('a', 2)).toEqual([true, false]);
  });

  it('forgets the least recently used keys beyond maxKeys', async () => {
    const limiter = tokenBuckets({ burst: 1, perHour: 1, maxKeys: 2 });
    expect((await limiter.take('x')).allowed).toBe(true);
    await limiter.take('y');
    await limiter.take('z'); // evicts x: a fresh (full) bucket
    expect((await limiter.take('x')).allowed).toBe(true);
    expect((await limiter.take('z')).allowed).toBe(false);
  });
});

describe('sessions helpers', () => {
  it('only follows local paths after sign-in', () => {
    expect(safeNext('/account?tab=feeds')).toBe('/account?tab=feeds');
    for (const bad of ['//evil.example/x', '/\\evil.example', 'https://evil.example', 'account', '', undefined, 3])
      expect(safeNext(bad)).toBe('/account');
  });

  it('requireUser redirects an anonymous visitor to /login and back', async () => {
    const user = { id: 1, email: 'a@example.com' } as User;
    const app = new Hono();
    app.get('/account/*', async (c) => {
      const found = await requireUser({ currentUser: async () => (c.req.header('x-user') ? user : undefined) }, c);
      return found instanceof Response ? found : c.text(found.email);
    });
    const anonymous = await app.request('/account/feeds?x=1');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe('/login?next=%2Faccount%2Ffeeds%3Fx%3D1');
    expect(await (await app.request('/account/feeds', { headers: { 'x-user': '1' } })).text()).toBe('a@example.com');
  });
});

describe('landing page helpers', () => {
  it('masks passwords in URLs', () => {
    expect(maskCredentials('GET https://user:s3cret@host.example/feed failed')).toBe(
      'GET https://***@host.example/feed failed',
    );
    expect(maskCredentials('https://host.example/a@b')).toBe('https://host.example/a@b');
  });
});
