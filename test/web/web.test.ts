import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { sendBrief, userLinkUrl } from '../../src/delivery/index.js';
import type { Brief } from '../../src/model/brief.js';
import type { User } from '../../src/model/user.js';
import { briefItem, insight, parsedEpisode } from '../../src/store/test-fixtures.js';
import { startWebServer, type WebServer } from '../../src/web/index.js';

const ADMIN = 'admin-token-for-tests-0123';

describe('web page: operator pages, unsubscribe, preferences', () => {
  let app: App;
  let server: WebServer;
  let dataDir: string;
  let user: User;
  let brief: Brief;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'podbrief-web-'));
    app = await createApp(
      loadConfig({
        env: { DATA_DIR: dataDir, LOG_LEVEL: 'silent', PUBLIC_URL: 'https://brief.example', ADMIN_TOKEN: ADMIN },
      }),
    );
    const { feed } = await app.store.addFeed('https://example.com/feed.xml');
    await app.store.upsertEpisodes(feed.id, [parsedEpisode('e1')], new Date());
    const [episode] = await app.store.episodesByFeed(feed.id);
    const [stored] = await app.store.replaceInsights(
      episode!.id,
      [insight(1, { headline: 'Open weights <b>matter</b>' })],
      'embedded',
    );
    user = (await app.store.addUser({ email: 'web@example.com', interests: ['ai'] })).user;
    brief = (await app.store.createBrief(user.id, '2026-11-29', [
      briefItem(stored!.id, { headline: 'Open weights <b>matter</b>' }),
    ]))!;
    const sent = await sendBrief({ store: app.store, mailer: app.mailer }, brief, user, {
      publicUrl: 'https://brief.example',
      secret: app.secret,
      from: app.config.mailFrom,
    });
    expect(sent.status).toBe('sent');
    server = await startWebServer(app, { host: '127.0.0.1', port: 0 });
  });

  afterAll(async () => {
    await server?.close();
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const get = (path: string, init?: RequestInit) => fetch(server.url + path, init);
  const admin = (path: string) =>
    get(path, { headers: { authorization: `Basic ${Buffer.from(`ops:${ADMIN}`).toString('base64')}` } });
  // What a browser sends with a form posted from the site itself.
  const post = (path: string, body: URLSearchParams | string, headers: Record<string, string> = {}) =>
    get(path, {
      method: 'POST',
      body,
      headers: { origin: 'https://brief.example', 'sec-fetch-site': 'same-origin', ...headers },
    });
  const signed = (purpose: 'unsubscribe' | 'preferences') =>
    new URL(userLinkUrl(purpose, 'https://brief.example', user.id, app.secret));

  it('lists briefs with their delivery status and the outbox, escaping what it shows', async () => {
    const res = await admin('/admin');
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('web@example.com');
    expect(page).toContain(`/admin/briefs/${brief.id}`);
    expect(page).toMatch(/<td>sent<\/td>/);
    expect(page).toMatch(/2026-11-29-\d+-\d+\.eml/);
  });

  it('shows a brief and serves outbox files, but nothing outside the outbox', async () => {
    const view = await admin(`/admin/briefs/${brief.id}`);
    expect(view.status).toBe(200);
    const body = await view.text();
    expect(body).toContain('Open weights &lt;b&gt;matter&lt;/b&gt;');
    expect(body).not.toContain('<b>matter</b>');
    expect((await admin('/admin/briefs/999')).status).toBe(404);

    const page = await (await admin('/admin')).text();
    const name = /href="\/admin\/outbox\/([^"]+)"/.exec(page)![1]!;
    const eml = await admin(`/admin/outbox/${name}`);
    expect(eml.status).toBe(200);
    expect(await eml.text()).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
    expect((await admin('/admin/outbox/..%2Fpodbrief.db')).status).toBe(404);
    expect((await admin('/admin/outbox/secret.key')).status).toBe(404);
  });

  it('edits preferences only through a valid signed link', async () => {
    const link = signed('preferences');
    const form = await get(`/preferences${link.search}`);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('value="ai"');

    const bad = await get(`/preferences?u=${user.id}&t=${'A'.repeat(43)}`);
    expect(bad.status).toBe(400);
    // An unsubscribe token must not open the preferences page.
    expect((await get(`/preferences${signed('unsubscribe').search}`)).status).toBe(400);

    const invalid = await post(
      `/preferences${link.search}`,
      new URLSearchParams({ interests: 'x', timezone: 'Mars/Base', hour: '25' }),
    );
    expect(invalid.status).toBe(400);
    expect(await invalid.text()).toContain('is not a time zone');
    expect((await app.store.userById(user.id))?.timezone).toBe('UTC');

    const saved = await post(
      `/preferences${link.search}`,
      new URLSearchParams({ interests: 'open-source models, sleep science', timezone: 'Europe/Berlin', hour: '6' }),
    );
    expect(saved.status).toBe(200);
    expect(await app.store.userById(user.id)).toMatchObject({
      interests: ['open-source models', 'sleep science'],
      timezone: 'Europe/Berlin',
      deliveryHour: 6,
    });
  });

  it('unsubscribes on one-click POST but never on GET', async () => {
    const link = signed('unsubscribe');
    const confirm = await get(`/unsubscribe${link.search}`);
    expect(confirm.status).toBe(200);
    expect(await confirm.text()).toContain('<form method="post"');
    expect((await app.store.userById(user.id))?.status).toBe('active');

    expect((await get(`/unsubscribe?u=${user.id}&t=forged`, { method: 'POST' })).status).toBe(400);
    expect((await app.store.userById(user.id))?.status).toBe('active');

    // RFC 8058: the mail client POSTs "List-Unsubscribe=One-Click" to the header's URL.
    const oneClick = await get(`/unsubscribe${link.search}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    expect((await app.store.userById(user.id))?.status).toBe('unsubscribed');
  });
});
