import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendBrief, userLinkUrl } from '../../src/delivery/index.js';
import type { User } from '../../src/model/user.js';
import { briefItem, insight, parsedEpisode } from '../../src/store/test-fixtures.js';
import { FORM_MAX_BYTES } from '../../src/web/middleware/body-cap.js';
import { CONTENT_SECURITY_POLICY } from '../../src/web/middleware/security-headers.js';
import { SESSION_COOKIE } from '../../src/web/session.js';
import { ADMIN_TOKEN, PUBLIC_URL, startWebHarness, type WebHarness } from './web-harness.js';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;

/** Sends raw HTTP on a socket: a request that announces `contentLength` bytes and sends `send` of them. */
function rawPost(
  url: string,
  path: string,
  contentLength: number,
  send: number,
): Promise<{ status: number; ms: number }> {
  const { hostname, port } = new URL(url);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(
        `POST ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nOrigin: ${PUBLIC_URL}\r\n` +
          `Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${contentLength}\r\n\r\n`,
      );
      socket.write(Buffer.alloc(send, 'a'));
    });
    let head = '';
    socket.on('data', (d) => {
      head += d.toString('latin1');
      const m = /^HTTP\/1\.1 (\d{3})/.exec(head);
      if (m) {
        resolve({ status: Number(m[1]), ms: performance.now() - started });
        socket.destroy();
      }
    });
    socket.on('error', reject);
    socket.setTimeout(10_000, () => reject(new Error('no answer')));
  });
}

describe('web security: headers, body caps, CSRF, rate limits, operator pages, key rotation', () => {
  let web: WebHarness;
  let user: User;
  let briefId: number;
  let outboxName: string;

  beforeAll(async () => {
    web = await startWebHarness({
      ADMIN_TOKEN,
      SECRET_KEY: 'the-current-secret-key',
      SECRET_KEY_PREVIOUS: 'the-previous-secret-key',
    });
    const { store } = web.app;
    const { feed } = await store.addFeed('https://reader:hunter2secret@private.example/feed.xml');
    await store.upsertEpisodes(feed.id, [parsedEpisode('e1')], new Date());
    const [episode] = await store.episodesByFeed(feed.id);
    const [stored] = await store.replaceInsights(episode!.id, [insight(1, { headline: 'Quiet hours' })], 'embedded');
    user = (await store.addUser({ email: 'private-reader@example.com', interests: ['sleep'] })).user;
    const brief = (await store.createBrief(user.id, '2026-11-29', [
      briefItem(stored!.id, { headline: 'Quiet hours' }),
    ]))!;
    briefId = brief.id;
    const sent = await sendBrief({ store, mailer: web.app.mailer }, brief, user, {
      publicUrl: PUBLIC_URL,
      secret: web.app.secret,
      from: web.app.config.mailFrom,
    });
    outboxName = sent.status === 'sent' ? String(sent.location).split('/').at(-1)! : '';
    expect(outboxName).toMatch(/\.eml$/);
  });

  afterAll(async () => {
    await web?.close();
  });

  const basic = (password: string) => ({ authorization: `Basic ${Buffer.from(`ops:${password}`).toString('base64')}` });
  const prefsLink = (secret: string) => new URL(userLinkUrl('preferences', PUBLIC_URL, user.id, secret)).search;

  it('sends the security headers on every response, pages, errors and assets alike', async () => {
    const home = await web.request('/');
    const css = /href="(\/assets\/app\.[0-9a-f]+\.css)"/.exec(await home.text())?.[1];
    expect(css).toBeDefined();
    const responses = await Promise.all([
      web.request('/'),
      web.request('/login'),
      web.request('/healthz'),
      web.request('/no-such-page'),
      web.request(css!),
      web.request('/admin'),
      web.request('/signup', { method: 'POST', body: 'email=a@b.co', headers: { origin: 'https://evil.example' } }),
    ]);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 404, 200, 401, 403]);
    for (const res of responses) {
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000');
    }
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(responses[0]!.headers.get('cache-control')).toBe('no-store');
    expect(responses[4]!.headers.get('cache-control')).toContain('immutable');
  });

  it('sends HSTS over plain HTTP only when a trusted proxy says the request came over HTTPS', async () => {
    const plain = await startWebHarness({ PUBLIC_URL: 'http://localhost:8080' });
    const untrusted = await startWebHarness({ PUBLIC_URL: 'http://localhost:8080', TRUST_PROXY: 'false' });
    try {
      expect((await plain.request('/healthz')).headers.get('strict-transport-security')).toBeNull();
      const viaProxy = await plain.request('/healthz', { headers: { 'x-forwarded-proto': 'https' } });
      expect(viaProxy.headers.get('strict-transport-security')).toBe('max-age=31536000');
      const forged = await untrusted.request('/healthz', { headers: { 'x-forwarded-proto': 'https' } });
      expect(forged.headers.get('strict-transport-security')).toBeNull();
    } finally {
      await plain.close();
      await untrusted.close();
    }
  });

  it('refuses a 200 MB form at once (413) without reading it, and a streamed 20 MB one at the cap', async () => {
    const rssBefore = process.memoryUsage().rss;
    const declared = await rawPost(web.server.url, '/signup', 200 * 1024 * 1024, 1024);
    expect(declared.status).toBe(413);
    expect(declared.ms).toBeLessThan(2000);

    // Chunked, no Content-Length: counted while it streams, refused past the cap.
    let sent = 0;
    const chunk = new Uint8Array(64 * 1024).fill(97);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 20 * 1024 * 1024) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const started = performance.now();
    const streamed = await web
      .request('/signup', {
        method: 'POST',
        body,
        duplex: 'half',
        headers: { origin: PUBLIC_URL, 'content-type': 'application/x-www-form-urlencoded' },
      } as RequestInit)
      .catch((err: Error) => err);
    if (streamed instanceof Response) expect(streamed.status).toBe(413);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(sent).toBeLessThan(20 * 1024 * 1024);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(100 * 1024 * 1024);

    // A form just under the cap is read as usual.
    const fits = await web.post('/login', { email: 'x@example.com', pad: 'a'.repeat(FORM_MAX_BYTES - 100) });
    expect(fits.status).toBe(200);
    await web.server.idle();
  });

  it('refuses cross-site posts to the signed-link forms (403, no change) and accepts same-site ones', async () => {
    const link = prefsLink(web.app.secret);
    const form = new URLSearchParams({ interests: 'hijacked', timezone: 'Asia/Tokyo', hour: '3' });
    const attempts: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site', origin: 'https://sub.brief.example' },
      { referer: 'https://evil.example/page' },
      { origin: 'null' },
      {},
    ];
    for (const headers of attempts) {
      for (const path of ['/preferences', '/profile']) {
        const res = await web.request(`${path}${link}`, { method: 'POST', body: form, headers });
        expect(res.status, `${path} ${JSON.stringify(headers)}`).toBe(403);
      }
    }
    expect(await web.app.store.userById(user.id)).toMatchObject({ interests: ['sleep'], timezone: 'UTC' });

    const fromSite = await web.request(`/preferences${link}`, {
      method: 'POST',
      body: form,
      headers: { origin: PUBLIC_URL, 'sec-fetch-site': 'same-origin' },
    });
    expect(fromSite.status).toBe(200);
    // A browser that sends only Referer (an older one) from the site itself is accepted too.
    const viaReferer = await web.request(`/preferences${link}`, {
      method: 'POST',
      body: new URLSearchParams({ interests: 'sleep', timezone: 'UTC', hour: '7' }),
      headers: { referer: `${PUBLIC_URL}/preferences` },
    });
    expect(viaReferer.status).toBe(200);
    expect(await web.app.store.userById(user.id)).toMatchObject({ interests: ['sleep'], timezone: 'UTC' });

    // Sign-up, sign-in, sign-out and feedback are guarded the same way.
    for (const path of ['/signup', '/login', '/logout', '/confirm', '/login/verify', '/feedback'])
      expect((await web.request(path, { method: 'POST', headers: { origin: 'https://evil.example' } })).status).toBe(
        403,
      );
  });

  it('keeps the RFC 8058 one-click unsubscribe working without Origin or cookies', async () => {
    const { user: other } = await web.app.store.addUser({ email: 'oneclick@example.com', interests: [] });
    const link = new URL(userLinkUrl('unsubscribe', PUBLIC_URL, other.id, web.app.secret)).search;
    const multipart = new FormData();
    multipart.set('List-Unsubscribe', 'One-Click');
    const res = await web.request(`/unsubscribe${link}`, { method: 'POST', body: multipart });
    expect(res.status).toBe(200);
    expect((await web.app.store.userById(other.id))?.status).toBe('unsubscribed');
    // Its signature is what protects it.
    expect((await web.request(`/unsubscribe?u=${user.id}&t=${'A'.repeat(43)}`, { method: 'POST' })).status).toBe(400);
  });

  it('accepts links signed by SECRET_KEY_PREVIOUS during a rotation, signs new ones with SECRET_KEY', async () => {
    expect(web.app.secret).toBe('the-current-secret-key');
    expect((await web.request(`/preferences${prefsLink('the-previous-secret-key')}`)).status).toBe(200);
    expect((await web.request(`/preferences${prefsLink('the-current-secret-key')}`)).status).toBe(200);
    expect((await web.request(`/preferences${prefsLink('some-other-secret-key')}`)).status).toBe(400);
    const without = await startWebHarness({ SECRET_KEY: 'the-current-secret-key' });
    try {
      expect((await without.request(`/preferences${prefsLink('the-previous-secret-key')}`)).status).toBe(400);
    } finally {
      await without.close();
    }
  });

  it('locks the operator pages behind ADMIN_TOKEN and masks feed passwords', async () => {
    for (const path of ['/admin', `/admin/briefs/${briefId}`, `/admin/outbox/${outboxName}`]) {
      const anonymous = await web.request(path);
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('www-authenticate')).toMatch(/^Basic realm="Podbrief admin"/);
      expect(await anonymous.text()).not.toMatch(EMAIL);
      expect((await web.request(path, { headers: basic('wrong-token-0123456789') })).status).toBe(401);
      expect((await web.request(path, { headers: basic(ADMIN_TOKEN) })).status).toBe(200);
    }
    const page = await (await web.request('/admin', { headers: basic(ADMIN_TOKEN) })).text();
    expect(page).toContain('private-reader@example.com');
    // The credentials are stored apart from the URL (feeds.auth): the page shows it without them.
    expect(page).toContain('https://private.example/feed.xml');
    expect(page).not.toContain('reader:');
    expect(page).not.toContain('hunter2secret');
    const preview = await web.request(`/admin/briefs/${briefId}`, { headers: basic(ADMIN_TOKEN) });
    expect(preview.headers.get('content-security-policy')).toMatch(/^sandbox;/);
  });

  it('gives anonymous visitors 404 on the old dashboard URLs and no address anywhere public', async () => {
    for (const path of [`/briefs/${briefId}`, `/outbox/${outboxName}`, '/outbox/x.eml', '/briefs/1']) {
      const res = await web.request(path);
      expect(res.status, path).toBe(404);
      expect(await res.text()).not.toMatch(EMAIL);
    }
    const home = await (await web.request('/')).text();
    expect(home).not.toContain('private-reader@example.com');
    expect(home).not.toContain('hunter2secret');
    expect(home).toContain('Quiet hours'); // the latest brief's items, without its subscriber
  });

  it('has no operator pages at all without ADMIN_TOKEN', async () => {
    const bare = await startWebHarness();
    try {
      for (const path of ['/admin', '/admin/briefs/1', '/admin/outbox/a.eml']) {
        expect((await bare.request(path)).status).toBe(404);
        expect((await bare.request(path, { headers: basic('anything-at-all-0123') })).status).toBe(404);
      }
    } finally {
      await bare.close();
    }
  });

  it('rate-limits sign-in requests and feedback per client address, and failed admin logins', async () => {
    const login: number[] = [];
    for (let i = 0; i < 11; i++)
      login.push((await web.post('/login', { email: `l${i}@example.com` }, { ip: '192.0.2.50' })).status);
    expect(login.slice(0, 10).every((s) => s === 200)).toBe(true);
    expect(login[10]).toBe(429);
    // One address asked for from many places: limited per address too.
    const perEmail: number[] = [];
    for (let i = 0; i < 6; i++)
      perEmail.push((await web.post('/login', { email: 'target@example.com' }, { ip: `192.0.2.${100 + i}` })).status);
    expect(perEmail).toEqual([200, 200, 200, 200, 200, 429]);

    const feedback: number[] = [];
    for (let i = 0; i < 61; i++)
      feedback.push(
        (await web.post(`/feedback?u=${user.id}&i=1&v=up&t=${'A'.repeat(43)}`, {}, { ip: '192.0.2.60' })).status,
      );
    expect(feedback.slice(0, 60).every((s) => s === 400)).toBe(true);
    expect(feedback[60]).toBe(429);

    const admin: number[] = [];
    for (let i = 0; i < 21; i++)
      admin.push((await web.request('/admin', { headers: basic(`guess-${i}-0123456789`), ip: '192.0.2.70' })).status);
    expect(admin.at(-1)).toBe(429);
    await web.server.idle();
  });

  it('keeps the session cookie name stable for the account pages', () => {
    expect(SESSION_COOKIE).toBe('podbrief_session');
  });
});
