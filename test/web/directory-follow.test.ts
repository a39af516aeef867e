import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { searchDirectories } from '../../src/feeds/index.js';
import type { User } from '../../src/model/user.js';
import { startWebServer, type WebServer } from '../../src/web/index.js';
import { testSubscriberAuth } from '../../src/web/test-support/test-auth.js';
import {
  FAKE_PI_KEY,
  FAKE_PI_SECRET,
  resetFake,
  startFakeDirectories,
  type FakeDirectories,
} from '../helpers/fake-directories.js';

const NOW = new Date('2026-11-29T12:00:00Z');

/** The follow-a-show search also offers directory shows the store does not know, with "Add and follow". */
describe('web: follow a show found in a podcast directory', () => {
  let app: App;
  let server: WebServer;
  let dataDir: string;
  let fake: FakeDirectories;
  let session: ReturnType<typeof testSubscriberAuth>;
  let ada: User;
  let sharedId: number;

  beforeAll(async () => {
    fake = await startFakeDirectories();
    dataDir = mkdtempSync(join(tmpdir(), 'podbrief-directory-follow-'));
    app = await createApp(
      loadConfig({ env: { DATA_DIR: dataDir, LOG_LEVEL: 'silent', PUBLIC_URL: 'https://brief.example' } }),
    );
    // The store already knows the shared show (under its http URL): the directories' copy is not offered again.
    const { feed } = await app.store.addFeed('http://feeds.example.com/shared');
    await app.store.updateFeed(feed.id, { title: 'Shared Show' });
    sharedId = feed.id;
    ada = (await app.store.addUser({ email: 'ada@example.com', interests: ['ai'] })).user;
    session = testSubscriberAuth(app.store);
    const fetch = { allowPrivateNetworks: true, timeoutMs: 2_000 };
    server = await startWebServer(app, {
      host: '127.0.0.1',
      port: 0,
      auth: session.auth,
      account: {
        now: () => NOW,
        searchDirectories: async (q) =>
          (
            await searchDirectories(q, {
              itunes: { baseUrl: fake.itunesUrl, fetch, retry: { maxRetries: 0 } },
              podcastIndex: {
                baseUrl: fake.podcastIndexUrl,
                fetch,
                retry: { maxRetries: 0 },
                apiKey: FAKE_PI_KEY,
                apiSecret: FAKE_PI_SECRET,
                userAgent: 'Podbrief-test',
              },
              limit: 8,
            })
          ).results,
      },
    });
  });
  afterAll(async () => {
    await server?.close();
    await app?.close();
    await fake?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  beforeEach(() => resetFake(fake));

  const as = (user: User | undefined, path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (user) headers.set('cookie', session.cookie(user.id, NOW));
    if (init.method === 'POST') headers.set('origin', server.url);
    return fetch(server.url + path, { ...init, headers, redirect: 'manual' });
  };
  const add = (user: User | undefined, url: string) =>
    as(user, '/account/follows/add', { method: 'POST', body: new URLSearchParams({ url }) });

  it('lists directory shows the store does not know, each with an Add and follow button', async () => {
    const res = await as(ada, '/account/preferences?q=show');
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('From podcast directories');
    expect(page).toContain('value="https://itunes-only.example.org/rss"');
    expect(page).toContain('value="https://pi-only.example.net/feed.xml"');
    expect(page).toContain('Add and follow');
    // Known to the store already: shown with its Follow button, never as a directory result.
    expect(page).not.toContain('value="https://feeds.example.com/shared/"');
    expect(page).toContain(`name="feed" value="${sharedId}"`);
    expect(fake.itunesRequests[0]?.url.searchParams.get('term')).toBe('show');
  });

  it('a page without q, or without a session, asks no directory', async () => {
    expect((await as(ada, '/account/preferences')).status).toBe(200);
    const anonymous = await as(undefined, '/account/preferences?q=show');
    expect(anonymous.status).toBe(303);
    expect(fake.itunesRequests).toHaveLength(0);
    expect(fake.piRequests).toHaveLength(0);
  });

  it('a title only the directories know says so above their list', async () => {
    const page = await (await as(ada, '/account/preferences?q=only')).text();
    expect(page).toContain('No show Podbrief knows matches “only”; the podcast directories found these.');
    expect(page).toContain('From podcast directories');
  });

  it('both directories down: the page still works, without the list', async () => {
    fake.itunesMode = 'error500';
    fake.piMode = 'malformed';
    const res = await as(ada, '/account/preferences?q=show');
    expect(res.status).toBe(200);
    expect(await res.text()).not.toContain('From podcast directories');
  });

  it('Add and follow adds the feed and follows it; a second time changes nothing', async () => {
    const res = await add(ada, 'https://pi-only.example.net/feed.xml');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/account/preferences?done=added#shows');
    const feed = await app.store.feedByUrl('https://pi-only.example.net/feed.xml');
    expect(feed).toBeDefined();
    expect((await app.store.profileOf(ada.id)).followedFeedIds).toContain(feed!.id);
    expect((await add(ada, 'https://pi-only.example.net/feed.xml')).status).toBe(303);
    expect((await app.store.listFeeds()).filter((f) => f.url === feed!.url)).toHaveLength(1);
    // Now known: no longer offered by the directories.
    const page = await (await as(ada, '/account/preferences?q=show')).text();
    expect(page).not.toContain('value="https://pi-only.example.net/feed.xml"');
  });

  it('refuses what `feeds add` refuses: private addresses and other schemes', async () => {
    const before = (await app.store.listFeeds()).length;
    const priv = await add(ada, 'http://127.0.0.1:8080/feed.xml');
    expect(priv.status).toBe(400);
    expect(await priv.text()).toContain('set ALLOW_PRIVATE_NETWORKS=true');
    const file = await add(ada, 'file:///etc/passwd');
    expect(file.status).toBe(400);
    expect(await file.text()).toContain('only http and https feeds are supported');
    expect((await add(ada, '')).status).toBe(400);
    expect((await app.store.listFeeds()).length).toBe(before);
  });

  it('needs a session', async () => {
    const res = await add(undefined, 'https://itunes-only.example.org/rss');
    expect(res.status).toBe(303);
    expect(await app.store.feedByUrl('https://itunes-only.example.org/rss')).toBeUndefined();
  });
});
