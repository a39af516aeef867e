import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { parseFeed, parseOpml } from '../../src/feeds/index.js';
import { deliverBriefs } from '../../src/jobs/index.js';
import type { BriefItem } from '../../src/model/brief.js';
import { ABOUT_MAX_CHARS, type User } from '../../src/model/user.js';
import { briefItem, insight, parsedEpisode } from '../../src/store/test-fixtures.js';
import { ASSETS } from '../../src/web/assets.js';
import { startWebServer, type WebServer } from '../../src/web/index.js';
import { OPML_MAX_BYTES, OPML_MAX_FEEDS } from '../../src/web/opml-io.js';
import { ARCHIVE_PAGE_SIZE } from '../../src/web/routes/account.js';
import { FRESH_SIGN_IN_MS } from '../../src/web/routes/account-preferences.js';
import { testSubscriberAuth } from '../../src/web/test-support/test-auth.js';
import { corpusPath, requireCorpus } from '../corpus.js';

const NOW = new Date('2026-11-29T12:00:00Z');
const TODAY = '2026-11-29';

const HOSTILE: Partial<BriefItem> = {
  headline: 'Open weights <script>alert(1)</script> matter',
  // Template syntax must come out as typed, never evaluated.
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal text is the point
  text: 'Said with <img src=x onerror=alert(1)> and {{7*7}} ${7*7}',
  quote: '" onmouseover=alert(1) x="',
  speaker: '</title><script>alert(2)</script>',
  podcastTitle: '<b>Show</b> javascript:alert(1)',
  episodeTitle: '<iframe src="https://evil.example"></iframe>',
  reason: 'matches your interest "<svg onload=alert(1)>"',
  related: [
    {
      insightId: 999,
      headline: '<a href="javascript:alert(3)">related</a>',
      text: 'Related <script>alert(4)</script>',
      podcastTitle: 'Other <b>show</b>',
      episodeTitle: 'E',
      timestampUrl: 'javascript:alert(5)',
      relation: 'agrees',
    },
  ],
  alsoOn: [
    { podcastTitle: '<i>Third</i>', episodeTitle: 'x', timestampUrl: 'data:text/html,<script>alert(6)</script>' },
  ],
};

/** Markup that would run or restyle anything: none may reach a page or a feed. */
function expectInert(body: string): void {
  expect(body).not.toMatch(/<script/i);
  expect(body).not.toMatch(/<(img|svg|iframe|b|i)[\s>]/i);
  expect(body).not.toMatch(/<[^>]+\son\w+\s*=/i);
  expect(body).not.toMatch(/(href|src)\s*=\s*"\s*(javascript|data|vbscript):/i);
  expect(body).not.toMatch(/\sstyle\s*=/i);
  expect(body).not.toMatch(/<style/i);
}

describe('account pages of a signed-in subscriber', () => {
  let app: App;
  let server: WebServer;
  let dataDir: string;
  let session: ReturnType<typeof testSubscriberAuth>;
  let ada: User;
  let bob: User;
  let insightIds: number[];
  const feedIds: number[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'podbrief-account-'));
    app = await createApp(
      loadConfig({ env: { DATA_DIR: dataDir, LOG_LEVEL: 'silent', PUBLIC_URL: 'https://brief.example' } }),
    );
    for (const [n, title] of ['Science Friday', 'The Daily <script>x</script>', 'Hard Fork'].entries()) {
      const { feed } = await app.store.addFeed(`https://shows${n}.example/feed.xml`);
      await app.store.updateFeed(feed.id, { title });
      feedIds.push(feed.id);
      await app.store.upsertEpisodes(
        feed.id,
        [1, 2].map((e) => parsedEpisode(`f${n}-e${e}`)),
        new Date(NOW.getTime() - 3_600_000),
      );
    }
    insightIds = [];
    for (const feedId of feedIds)
      for (const episode of await app.store.episodesByFeed(feedId)) {
        const stored = await app.store.replaceInsights(
          episode.id,
          [insight(episode.id, { text: `Finding ${episode.guid} about open-source models and sleep.` })],
          'embedded',
        );
        insightIds.push(...stored.map((s) => s.id));
      }
    ada = (await app.store.addUser({ email: 'ada@example.com', interests: ['ai'] })).user;
    bob = (await app.store.addUser({ email: 'bob@example.com', interests: [], timezone: 'Asia/Tokyo' })).user;
    // Ada: today's brief (hostile podcast text) and 24 days before it; Bob: one old brief.
    await app.store.createBrief(ada.id, TODAY, [
      briefItem(insightIds[0]!, { ...HOSTILE, timestampUrl: 'https://shows0.example/e1#t=12' }),
      briefItem(insightIds[1]!, { ...HOSTILE, timestampUrl: 'javascript:alert(7)' }),
    ]);
    for (let d = 1; d <= 24; d++) {
      const date = new Date(Date.parse(`${TODAY}T00:00:00Z`) - d * 86_400_000).toISOString().slice(0, 10);
      await app.store.createBrief(ada.id, date, [briefItem(insightIds[2]!, { headline: `Headline of ${date}` })]);
    }
    await app.store.createBrief(bob.id, '2026-09-01', [briefItem(insightIds[3]!, { headline: 'Bob only' })]);

    session = testSubscriberAuth(app.store);
    server = await startWebServer(app, {
      host: '127.0.0.1',
      port: 0,
      auth: session.auth,
      account: { now: () => NOW },
    });
  });

  afterAll(async () => {
    await server?.close();
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const as = (user: User | undefined, path: string, init: RequestInit & { signedInAt?: Date } = {}) => {
    const headers = new Headers(init.headers);
    if (user) headers.set('cookie', session.cookie(user.id, init.signedInAt ?? NOW));
    // What a browser sends with a form POST from our own pages (the same-origin check wants it).
    if (init.method === 'POST' && !headers.has('origin')) headers.set('origin', server.url);
    return fetch(server.url + path, { ...init, headers, redirect: 'manual' });
  };
  const post = (user: User | undefined, path: string, form: Record<string, string>, signedInAt?: Date) =>
    as(user, path, {
      method: 'POST',
      body: new URLSearchParams(form),
      ...(signedInAt ? { signedInAt } : {}),
    });
  const page = async (user: User, path: string) => {
    const res = await as(user, path);
    expect(res.status, path).toBe(200);
    return res.text();
  };

  it('redirects every account page and action to /login?next=… without a valid session', async () => {
    for (const path of [
      '/account',
      '/account/archive?page=2',
      `/account/briefs/${TODAY}`,
      '/account/preferences',
      '/account/follows.opml',
    ]) {
      const res = await as(undefined, path);
      expect(res.status, path).toBe(303);
      expect(res.headers.get('location')).toBe(`/login?next=${encodeURIComponent(path)}`);
      const forged = await as(undefined, path, { headers: { cookie: `podbrief_test_session=${ada.id}.1.AAAA` } });
      expect(forged.status, path).toBe(303);
    }
    for (const path of ['/account/feedback', '/account/preferences', '/account/pause', '/account/delete']) {
      const res = await post(undefined, path, {});
      expect(res.status, path).toBe(303);
      expect(res.headers.get('location')).toMatch(/^\/login\?next=%2Faccount/);
    }
    expect((await app.store.userById(ada.id))?.pausedAt).toBeUndefined();
  });

  it('has no signed-in user by default: the test cookie means nothing to a server not wired with it', async () => {
    const plain = await startWebServer(app, { host: '127.0.0.1', port: 0 });
    try {
      const res = await fetch(`${plain.url}/account`, {
        headers: { cookie: session.cookie(ada.id, NOW) },
        redirect: 'manual',
      });
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/login?next=%2Faccount');
    } finally {
      await plain.close();
    }
  });

  it("shows today's brief like the email, with feedback forms, a listen link and nothing active", async () => {
    const body = await page(ada, '/account');
    expect(body).toContain('<h1>Today&#39;s brief');
    expect(body).toContain('Open weights &lt;script&gt;alert(1)&lt;/script&gt; matter');
    expect(body).toContain('&quot; onmouseover=alert(1) x=&quot;');
    expect(body).toContain('Why you got this:');
    expect(body).toContain('Related from other shows');
    expect(body).toMatch(
      /<a href="https:\/\/brief\.example\/t\/\d+\.\d+\.[\w-]{43}" rel="noopener noreferrer">Listen from 0:12<\/a>/,
    );
    // The item whose timestamp URL was javascript: gets no listen link at all.
    expect(body.match(/Listen from/g)).toHaveLength(1);
    expect(body.match(/<form class="votes" method="post" action="\/account\/feedback"/g)).toHaveLength(2);
    expect(body).toContain(`<link rel="stylesheet" href="${ASSETS.css}">`);
    expect(body).toMatch(/<nav class="account" aria-label="Your account">/);
    expect(body).toMatch(/<main id="main"/);
    expectInert(body);
  });

  it('shows the latest brief when today’s is not composed yet', async () => {
    const body = await page(bob, '/account');
    expect(body).toContain('Your latest brief');
    expect(body).toContain('Bob only');
    expect(body).not.toContain('Headline of');
  });

  it('serves the stylesheet the pages link, with the account components, cacheable for good', async () => {
    const res = await fetch(`${server.url}${ASSETS.css}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/css/);
    expect(res.headers.get('cache-control')).toContain('immutable');
    const css = await res.text();
    for (const rule of ['.card', '.votes', 'nav.account', 'ol.archive']) expect(css).toContain(rule);
  });

  it('records a vote from the account page, only on insights of the user’s own briefs', async () => {
    const res = await post(ada, '/account/feedback', {
      insight: String(insightIds[0]),
      vote: 'more',
      back: `/account/briefs/${TODAY}`,
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/account/briefs/${TODAY}#i-${insightIds[0]}`);
    const rows = await app.store.feedbackOf(ada.id, new Date(0));
    expect(rows).toMatchObject([{ insightId: insightIds[0], value: 'more' }]);
    const body = await page(ada, '/account');
    expect(body).toMatch(/name="vote" value="more" aria-pressed="true"/);

    // Bob's insight, an unknown vote, and an off-site "back" change nothing.
    expect((await post(ada, '/account/feedback', { insight: String(insightIds[3]), vote: 'up' })).status).toBe(400);
    expect((await post(ada, '/account/feedback', { insight: String(insightIds[0]), vote: 'click' })).status).toBe(400);
    const offsite = await post(ada, '/account/feedback', {
      insight: String(insightIds[0]),
      vote: 'up',
      back: '//evil.example',
    });
    expect(offsite.headers.get('location')).toBe(`/account#i-${insightIds[0]}`);
    expect(await app.store.feedbackOf(ada.id, new Date(0))).toMatchObject([{ insightId: insightIds[0], value: 'up' }]);
    expect(await app.store.feedbackOf(bob.id, new Date(0))).toEqual([]);
  });

  it('pages the archive newest first and opens only the user’s own briefs', async () => {
    const first = await page(ada, '/account/archive');
    const dates = [...first.matchAll(/href="\/account\/briefs\/(\d{4}-\d{2}-\d{2})"/g)].map((m) => m[1]);
    expect(dates).toHaveLength(ARCHIVE_PAGE_SIZE);
    expect(dates[0]).toBe(TODAY);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(first).toContain('rel="next" href="/account/archive?page=2"');
    expect(first).toContain('<details>');
    expectInert(first);
    const second = await page(ada, '/account/archive?page=2');
    const more = [...second.matchAll(/href="\/account\/briefs\/(\d{4}-\d{2}-\d{2})"/g)].map((m) => m[1]);
    expect(more).toHaveLength(25 - ARCHIVE_PAGE_SIZE);
    expect(more.every((d) => d! < dates.at(-1)!)).toBe(true);
    expect(second).not.toContain('Bob only');

    const old = await page(ada, `/account/briefs/${dates[5]}`);
    expect(old).toContain(`Headline of ${dates[5]}`);
    // Bob's brief date, a brief id, and junk are all not found for Ada.
    for (const path of ['/account/briefs/2026-09-01', '/account/briefs/26', '/account/briefs/..%2F..'])
      expect((await as(ada, path)).status, path).toBe(404);
    expect(await page(bob, '/account/briefs/2026-09-01')).toContain('Bob only');
  });

  it('refuses a signed-in POST from another site (the session cookie alone is not enough)', async () => {
    const before = await app.store.userById(ada.id);
    const res = await as(ada, '/account/preferences', {
      method: 'POST',
      headers: { origin: 'https://evil.example' },
      body: new URLSearchParams({ interests: 'evil', timezone: 'UTC', hour: '3' }),
    });
    expect(res.status).toBe(403);
    expect((await app.store.userById(ada.id))?.interests).toEqual(before?.interests);
  });

  it('saves preferences and shows each validation problem without saving', async () => {
    const bad = await post(ada, '/account/preferences', {
      interests: 'x',
      about: 'a'.repeat(ABOUT_MAX_CHARS + 1),
      timezone: 'Mars/Base',
      hour: '25',
    });
    expect(bad.status).toBe(400);
    const text = await bad.text();
    expect(text).toContain('&quot;Mars/Base&quot; is not a time zone');
    expect(text).toContain('The delivery hour must be a whole number from 0 to 23.');
    expect(text).toContain(`The description can be at most ${ABOUT_MAX_CHARS} characters`);
    expect(text).toContain('value="Mars/Base"');
    expect(await app.store.userById(ada.id)).toMatchObject({ timezone: 'UTC', deliveryHour: 7 });

    const ok = await post(ada, '/account/preferences', {
      interests: 'open-source models, sleep science, open-source models',
      about: 'Long-form interviews <script>',
      timezone: 'Europe/Berlin',
      hour: '6',
      only: 'on',
    });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/account/preferences?done=saved#brief');
    expect(await app.store.userById(ada.id)).toMatchObject({
      interests: ['open-source models', 'sleep science'],
      timezone: 'Europe/Berlin',
      deliveryHour: 6,
    });
    expect(await app.store.profileOf(ada.id)).toMatchObject({
      about: 'Long-form interviews <script>',
      onlyFollowed: true,
    });
    const form = await page(ada, '/account/preferences?done=saved');
    expect(form).toContain('Saved. Your next brief follows these preferences.');
    expect(form).toContain('<option value="6" selected>06:00</option>');
    expect(form).toContain('Long-form interviews &lt;script&gt;</textarea>');
    // Every form that changes something posts back to the account pages (the same-origin check guards them).
    const posts = (form.match(/<form [^>]*method="post"[^>]*>/g) ?? []).filter((f) => !f.includes('action="/logout"'));
    expect(posts.length).toBeGreaterThanOrEqual(6);
    for (const f of posts) expect(f).toMatch(/action="\/account\//);
    for (const id of ['interests', 'about', 'hour', 'timezone', 'q', 'opml-file', 'confirm'])
      expect(form, id).toMatch(new RegExp(`<label for="${id}"`));
    expectInert(form);
    await app.store.updateUser(ada.id, { timezone: 'UTC', deliveryHour: 7 });
  });

  it('finds shows by title, follows and unfollows them', async () => {
    const found = await page(ada, '/account/preferences?q=daily');
    expect(found).toContain('The Daily &lt;script&gt;x&lt;/script&gt;');
    expect(found).not.toContain('Science Friday</span>');
    expectInert(found);
    const follow = await post(ada, '/account/follows', { feed: String(feedIds[1]), action: 'follow' });
    expect(follow.status).toBe(303);
    expect((await app.store.profileOf(ada.id)).followedFeedIds).toEqual([feedIds[1]]);
    const listed = await page(ada, '/account/preferences?q=daily');
    expect(listed).toContain('<span class="muted">Following</span>');
    expect((await post(ada, '/account/follows', { feed: '99999', action: 'follow' })).status).toBe(400);
    await post(ada, '/account/follows', { feed: String(feedIds[1]), action: 'unfollow' });
    expect((await app.store.profileOf(ada.id)).followedFeedIds).toEqual([]);
    expect(await page(ada, '/account/preferences?q=nothing-like-it')).toContain('No show matches');
  });

  const upload = (user: User, content: string | Uint8Array, name = 'subs.opml') => {
    const form = new FormData();
    form.set('opml', new Blob([content], { type: 'text/x-opml' }), name);
    return as(user, '/account/opml', { method: 'POST', body: form });
  };

  it('imports a small OPML file: known feeds followed, unknown ones added, one line per problem', async () => {
    const carol = (await app.store.addUser({ email: 'carol-opml@example.com', interests: [] })).user;
    const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>mine</title></head><body>
<outline text="Science" xmlUrl="https://shows0.example/feed.xml"/>
<outline text="Folder"><outline text="New &lt;b&gt;show&lt;/b&gt;" xmlUrl="https://new.example/rss"/></outline>
<outline text="Bad" xmlUrl="javascript:alert(1)"/>
<outline text="Again" xmlUrl="https://shows0.example/feed.xml"/>
<outline text="Router" xmlUrl="http://admin:hunter2@192.168.1.1/feed.xml"/>
</body></opml>`;
    const res = await upload(carol, opml);
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toMatch(/Now following 2 more shows \(1 new to Podbrief/);
    expect(body).toContain(
      'Router: not added: http://192.168.1.1/feed.xml points at a private address (192.168.1.1); set ALLOW_PRIVATE_NETWORKS=true to allow feeds on your own network.',
    );
    expect(body).not.toContain('hunter2');
    expect(await app.store.feedByUrl('http://admin:hunter2@192.168.1.1/feed.xml')).toBeUndefined();
    expect(await app.store.feedByUrl('http://192.168.1.1/feed.xml')).toBeUndefined();
    expectInert(body);
    const added = await app.store.feedByUrl('https://new.example/rss');
    expect(added?.title).toBe('New <b>show</b>');
    expect((await app.store.profileOf(carol.id)).followedFeedIds.sort()).toEqual([feedIds[0], added!.id].sort());
    const again = await (await upload(carol, opml)).text();
    expect(again).toContain('Now following 0 more shows; 2 you already followed.');

    const notOpml = await upload(carol, '<html><body>hi</body></html>');
    expect(notOpml.status).toBe(400);
    expect(await notOpml.text()).toMatch(/<li>The file is not an OPML subscription list: not an OPML document/);
    const empty = await upload(carol, '<opml><body><outline text="x"/></body></opml>');
    expect(await empty.text()).toContain('The file lists no podcast feeds');
    const big = `<opml><body>${' '.repeat(OPML_MAX_BYTES)}<outline xmlUrl="https://big.example/"/></body></opml>`;
    const huge = await upload(carol, big);
    expect(huge.status).toBe(400);
    expect(await huge.text()).toContain('The file is larger than 512 KB; nothing was imported.');
    expect(await app.store.feedByUrl('https://big.example/')).toBeUndefined();
    // A declared length far over the cap is refused before the body is read.
    const head = await rawRequest(
      server.url,
      [
        'POST /account/opml HTTP/1.1',
        'Host: 127.0.0.1',
        `Cookie: ${session.cookie(carol.id, NOW)}`,
        'Content-Type: multipart/form-data; boundary=x',
        'Content-Length: 50000000',
        '',
        '--x\r\n',
      ].join('\r\n'),
    );
    expect(head).toMatch(/^HTTP\/1\.1 413/);
    expect(head).toMatch(/^connection: close/im);
    const many = Array.from({ length: OPML_MAX_FEEDS + 3 }, (_, i) => `<outline xmlUrl="https://many.example/${i}"/>`);
    const capped = await (await upload(carol, `<opml><body>${many.join('')}</body></opml>`)).text();
    expect(capped).toContain(`only the first ${OPML_MAX_FEEDS} were imported, 3 were skipped`);
    expect(await app.store.feedByUrl(`https://many.example/${OPML_MAX_FEEDS}`)).toBeUndefined();
  });

  it.skipIf(!requireCorpus())('imports a real podcast app export and exports the follows round trip', async () => {
    const dave = (await app.store.addUser({ email: 'dave@example.com', interests: [] })).user;
    const erin = (await app.store.addUser({ email: 'erin@example.com', interests: [] })).user;
    const file = readFileSync(corpusPath('opml', 'mrh-is__overcast-export.opml'));
    const listed = parseOpml(file);
    // One show of the export is known before the import.
    const known = (await app.store.addFeed(listed[1]!.url)).feed;
    const res = await upload(dave, file, 'overcast.opml');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(
      `Now following ${listed.length} more shows (${listed.length - 1} new to Podbrief`,
    );
    const follows = (await app.store.profileOf(dave.id)).followedFeedIds;
    expect(follows).toHaveLength(listed.length);
    expect(follows).toContain(known.id);

    const exported = await as(dave, '/account/follows.opml');
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toBe('attachment; filename="podbrief-follows.opml"');
    const text = await exported.text();
    expect(
      parseOpml(text)
        .map((o) => o.url)
        .sort(),
    ).toEqual(listed.map((o) => o.url).sort());
    // The export imports elsewhere to the same follows.
    expect((await upload(erin, text)).status).toBe(200);
    expect((await app.store.profileOf(erin.id)).followedFeedIds.sort()).toEqual([...follows].sort());
  });

  it('pause skips the day’s send; resume brings it back; unsubscribe and re-subscribe', async () => {
    const carol = (await app.store.addUser({ email: 'carol@example.com', interests: ['open-source models'] })).user;
    const run = () => deliverBriefs(app, { now: NOW, ignoreHour: true, userIds: [carol.id] });

    expect((await post(carol, '/account/pause', {})).headers.get('location')).toBe(
      '/account/preferences?done=paused#status',
    );
    expect((await app.store.userById(carol.id))?.pausedAt).toBe(NOW.toISOString());
    expect(await page(carol, '/account/preferences')).toContain('Your briefs are paused.');
    expect(await run()).toEqual([]);
    expect(await app.store.briefFor(carol.id, TODAY)).toBeUndefined();

    await post(carol, '/account/resume', {});
    expect((await app.store.userById(carol.id))?.pausedAt).toBeUndefined();
    const sent = await run();
    expect(sent.map((r) => [r.email, r.compose, r.send?.status])).toEqual([['carol@example.com', 'created', 'sent']]);

    await post(carol, '/account/unsubscribe', {});
    expect((await app.store.userById(carol.id))?.status).toBe('unsubscribed');
    expect(await page(carol, '/account/preferences')).toContain('You are unsubscribed');
    await post(carol, '/account/resubscribe', {});
    expect((await app.store.userById(carol.id))?.status).toBe('active');
  });

  it('gives a private RSS and JSON feed behind a token shown once; a reset makes the old URL 404', async () => {
    expect((await as(undefined, `/feeds/${'A'.repeat(43)}.rss`)).status).toBe(404);
    const made = await post(ada, '/account/feed-token', {});
    expect(made.status).toBe(200);
    const shown = await made.text();
    const rss = /https:\/\/brief\.example(\/feeds\/[\w-]{43}\.rss)/.exec(shown)![1]!;
    const json = /https:\/\/brief\.example(\/feeds\/[\w-]{43}\.json)/.exec(shown)![1]!;
    expect(await page(ada, '/account/preferences')).not.toContain(rss);
    expect(await app.store.feedTokenHashOf(ada.id)).not.toContain(rss.slice(7, 50));

    const xml = await (await as(undefined, rss)).text();
    expectInert(xml);
    const parsed = parseFeed(xml);
    expect(parsed.title).toBe('Podbrief: your daily briefs');
    expect(parsed.warnings).toEqual([]);
    expect(parsed.episodes).toHaveLength(25);
    expect(parsed.episodes[0]!.title).toBe('Sun, 29 Nov (2026-11-29): Open weights <script>alert(1)</script> matter');
    expect(parsed.episodes[0]!.link).toBe(`https://brief.example/account/briefs/${TODAY}`);
    expect(parsed.episodes[1]!.title).toContain('Headline of 2026-11-28');

    const feed = (await (await as(undefined, json)).json()) as {
      version: string;
      items: { id: string; title: string; url: string; content_html: string }[];
    };
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.items).toHaveLength(25);
    expect(feed.items[0]!.content_html).toContain('Open weights &lt;script&gt;alert(1)&lt;/script&gt; matter');
    expectInert(feed.items[0]!.content_html);
    expect(feed.items.some((i) => i.title.includes('Bob only'))).toBe(false);

    const reset = await (await post(ada, '/account/feed-token', {})).text();
    const fresh = /https:\/\/brief\.example(\/feeds\/[\w-]{43}\.rss)/.exec(reset)![1]!;
    expect(fresh).not.toBe(rss);
    expect((await as(undefined, rss)).status).toBe(404);
    expect((await as(undefined, json)).status).toBe(404);
    expect((await as(undefined, fresh)).status).toBe(200);
  });

  it('deletes the account only after a fresh sign-in and the typed email, erasing the user’s rows', async () => {
    const zed = (await app.store.addUser({ email: 'zed@example.com', interests: ['x'] })).user;
    await app.store.createBrief(zed.id, TODAY, [briefItem(insightIds[4]!)]);
    await app.store.setFollow(zed.id, feedIds[0]!, true);
    await post(zed, '/account/feedback', { insight: String(insightIds[4]), vote: 'up' });
    await post(zed, '/account/feed-token', {});
    expect(await app.store.feedbackOf(zed.id, new Date(0))).toHaveLength(1);

    const stale = await post(
      zed,
      '/account/delete',
      { confirm: zed.email },
      new Date(NOW.getTime() - FRESH_SIGN_IN_MS - 1000),
    );
    expect(stale.status).toBe(303);
    expect(stale.headers.get('location')).toBe('/login?next=%2Faccount%2Fpreferences%23delete&reason=fresh-sign-in');
    const wrong = await post(zed, '/account/delete', { confirm: 'someone@example.com' });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('type your email address exactly');
    expect(await app.store.userById(zed.id)).toBeDefined();

    const gone = await post(zed, '/account/delete', { confirm: ' ZED@example.com ' }, new Date(NOW.getTime() - 60_000));
    expect(gone.status).toBe(200);
    expect(await gone.text()).toContain('Your account is deleted.');
    expect(session.signedOut).toContain(zed.id);
    expect(await app.store.userById(zed.id)).toBeUndefined();
    expect(await app.store.countBriefsByUser(zed.id)).toBe(0);
    expect(await app.store.feedbackOf(zed.id, new Date(0))).toEqual([]);
    expect(await app.store.profileOf(zed.id)).toMatchObject({ followedFeedIds: [], about: '' });
    expect((await app.store.listDeliveries(1000)).filter((d) => d.userId === zed.id)).toEqual([]);
    expect((await app.store.sentInsightIds(zed.id)).size).toBe(0);
    // The old session now leads to the login page; others are untouched.
    expect((await as(zed, '/account')).status).toBe(303);
    expect(await app.store.countBriefsByUser(ada.id)).toBe(25);
  });
});

/** Sends raw bytes and returns what the server answers until it closes (or 5 s pass). */
function rawRequest(base: string, request: string): Promise<string> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => socket.write(request));
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      answer += chunk;
    });
    socket.setTimeout(5000, () => socket.destroy());
    socket.on('close', () => resolve(answer));
    socket.on('error', (err) => (answer ? resolve(answer) : reject(err)));
  });
}
