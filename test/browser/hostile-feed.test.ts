import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverBriefs, pollFeeds, processEpisodes } from '../../src/jobs/index.js';
import { startLocalHttp, withEtag, type LocalHttp } from '../helpers/local-http.js';
import { latestMail, linkIn } from '../helpers/mail-links.js';
import type { ReceivedMail } from '../helpers/smtp-sink.js';
import { activeContent, chromiumOrSkip, launchChromium, recordDialogs } from './chromium.js';
import { startPodbrief, type RunningPodbrief } from './podbrief.js';

// ../shared/docs/hostile-inputs.md #45, #72–#74: markup in every field a feed controls.
const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(1)>';
const JS_LINK = '<a href="javascript:alert(1)">listen here</a>';
const ATTR_BREAK = '" onmouseover=alert(1) x="';
const SVG = '"><svg onload=alert(1)>';

const xml = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** Show notes (HTML in CDATA) long enough to be an episode's transcript, with active content inside. */
function showNotes(topic: string): string {
  return `<p>Welcome back. ${SCRIPT} Today we talk about ${topic}.</p>
<p>Researchers found that people who keep a fixed wake time fall asleep eleven minutes faster within two weeks. ${IMG}</p>
<p>The strongest effect came from morning daylight: twenty minutes outside before nine shifted the body clock by almost an hour. ${JS_LINK}</p>
<p>Caffeine after two in the afternoon cut deep sleep by a fifth even in people who said coffee never kept them awake.</p>
<p>As text, the payloads read ${xml(SCRIPT)} and ${xml(IMG)} and ${xml(JS_LINK)}; they must stay text.</p>
<p>Naps shorter than twenty minutes improved afternoon reaction times without hurting the next night's sleep.</p>
<iframe src="javascript:alert(1)"></iframe><form action="javascript:alert(1)"><button>go</button></form>`;
}

/** A published transcript whose speaker names and words carry markup. */
const transcript = JSON.stringify({
  version: '1.0.0',
  segments: [
    { speaker: IMG, startTime: 0, endTime: 9, body: `Welcome to the show about sleep ${SCRIPT}.` },
    {
      speaker: `Dr. ${SCRIPT}`,
      startTime: 9,
      endTime: 30,
      body: `Our trial found that a fixed wake time made people fall asleep eleven minutes faster ${IMG} within two weeks.`,
    },
    {
      speaker: ATTR_BREAK,
      startTime: 30,
      endTime: 55,
      body: `The surprise was caffeine: a coffee after two in the afternoon cut deep sleep by a fifth ${JS_LINK} even in people who felt fine.`,
    },
    {
      speaker: IMG,
      startTime: 55,
      endTime: 80,
      body: 'Morning daylight mattered most, twenty minutes outside before nine shifted the body clock by almost an hour.',
    },
  ],
});

function hostileFeed(origin: string): string {
  const day = (n: number) => new Date(Date.now() - n * 86_400_000).toUTCString();
  const item = (i: number, title: string, extra = '') => `<item>
<title>${xml(title)}</title><guid isPermaLink="false">hostile-${i}</guid><pubDate>${day(i + 1)}</pubDate>
<link>javascript:alert(1)</link>
<enclosure url="${origin}/audio/${i}.mp3" type="audio/mpeg" length="1000"/>
<description><![CDATA[${showNotes(title)}]]></description>
<itunes:author>${xml(SVG)} host</itunes:author>${extra}</item>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:podcast="https://podcastindex.org/namespace/1.0"><channel>
<title>${xml(`${SCRIPT} Sleep Science ${SVG}`)}</title><link>javascript:alert(1)</link>
<description>${xml(`${IMG} a hostile show`)}</description>
${item(0, `${IMG} Sleep and memory`)}
${item(1, `${ATTR_BREAK} Caffeine timing ${SCRIPT}`, `<podcast:transcript url="${origin}/transcript.json" type="application/json"/>`)}
${item(2, `${JS_LINK} Naps and daylight`)}
</channel></rss>`;
}

const chromiumPath = chromiumOrSkip();
const ADMIN_TOKEN = 'hostile-admin-token-0123456789';

describe.skipIf(!chromiumPath)('in chromium: a hostile feed reaches no script in the email or on a page', () => {
  let browser: Browser;
  let pb: RunningPodbrief;
  let http: LocalHttp;
  let mail: ReceivedMail;
  const email = 'sleeper@example.com';

  beforeAll(async () => {
    [browser, pb, http] = await Promise.all([
      launchChromium(chromiumPath!),
      startPodbrief({ ALLOW_PRIVATE_NETWORKS: 'true', ADMIN_TOKEN }),
      startLocalHttp((origin) => ({
        '/feed.xml': withEtag(hostileFeed(origin), 'application/rss+xml'),
        '/transcript.json': withEtag(transcript, 'application/json'),
      })),
    ]);
    await pb.app.store.addFeed(`${http.origin}/feed.xml`);
    const { user } = await pb.app.store.addUser({ email, interests: ['sleep', 'caffeine', 'daylight'] });
    await pb.app.store.setFollow(user.id, (await pb.app.store.listFeeds())[0]!.id, true);
    const [polled] = await pollFeeds(pb.app, { all: true });
    expect(polled?.status, JSON.stringify(polled)).toBe('updated');
    const processed = await processEpisodes(pb.app);
    expect(processed.filter((p) => p.status === 'extracted').length, JSON.stringify(processed)).toBe(3);
    const [sent] = await deliverBriefs(pb.app, { ignoreHour: true });
    expect(sent?.send?.status, JSON.stringify(sent)).toBe('sent');
    mail = latestMail(pb.smtp, email);
  });

  afterAll(async () => {
    await browser?.close();
    await pb?.close();
    await http?.close();
  });

  /** Opens a page, waits for it to settle (an injected <img src=x> would have errored by then), checks the DOM. */
  async function expectInert(
    what: string,
    load: (page: Page) => Promise<unknown>,
    context?: BrowserContext,
  ): Promise<string> {
    const page = await (context ?? browser).newPage();
    const dialogs = recordDialogs(page);
    try {
      await load(page);
      await page.waitForLoadState('load');
      await page.mouse.move(200, 200);
      await page.waitForTimeout(100);
      expect(dialogs, what).toEqual([]);
      expect(await activeContent(page), what).toEqual({ handlers: [], scriptUrls: [], scripts: [] });
      return (await page.textContent('body')) ?? '';
    } finally {
      await page.close();
    }
  }

  it('the email HTML shows the markup as text and runs none of it', async () => {
    const text = await expectInert('email', (page) => page.setContent(mail.parsed.html as string));
    // The payloads arrived and are shown as text: the check above is not vacuous.
    expect(text).toContain('alert(1)');
    expect(text).toContain('Sleep Science');
    expect(mail.parsed.text).toContain('alert(1)');
  });

  // A dozen pages, each loaded and settled in Chromium: over 30 s on a machine loaded past 20 on 2 cores.
  it('every page the email links to, and the pages listing feeds and briefs, run none of it', {
    timeout: 60_000,
  }, async () => {
    const origin = new URL(pb.url).origin;
    const links = [...(mail.parsed.html as string).matchAll(/href="([^"]+)"/g)]
      .map((m) => new URL(m[1]!.replaceAll('&amp;', '&')))
      .filter((u) => u.origin === origin);
    // The email's links: one page per kind (each vote, preferences, unsubscribe, profile), GETs only (nothing changes).
    const byKind = new Map<string, URL>();
    for (const u of links) byKind.set(`${u.pathname.split('/')[1]}:${u.searchParams.get('v') ?? ''}`, u);

    const pages: string[] = ['/', ...(await pb.app.store.listBriefs(10)).map((b) => `/briefs/${b.id}`)];
    for (const [kind, u] of byKind) {
      if (kind.startsWith('t:')) {
        // The listen link redirects to the episode's stored URL: never to the feed's javascript: link.
        const res = await fetch(u, { redirect: 'manual' });
        expect([302, 404]).toContain(res.status);
        if (res.status === 302) expect(res.headers.get('location')).toMatch(/^https?:\/\//);
      } else pages.push(u.pathname + u.search);
    }
    const preferences = links.find((u) => u.pathname === '/preferences');
    if (preferences) pages.push(`/profile${preferences.search}`); // lists the feed titles
    expect(pages.length).toBeGreaterThanOrEqual(6);

    let shown = 0;
    for (const path of pages) {
      const text = await expectInert(path, (page) => page.goto(pb.url + path));
      if (text.includes('alert(1)')) shown++;
    }
    // The pages that show podcast text (the list of feeds, the brief, feedback, profile) show the payloads as text.
    expect(shown).toBeGreaterThanOrEqual(4);
  });

  /**
   * A browser context signed in as the subscriber, through the emailed sign-in link and its button; made
   * once (an address gets one sign-in link per 10 minutes) and shared by the tests below.
   */
  let session: Promise<BrowserContext> | undefined;
  const signedIn = () => (session ??= signIn());
  afterAll(async () => (await session)?.close());
  async function signIn(): Promise<BrowserContext> {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${pb.url}/login`);
    const before = pb.smtp.messages.length;
    await page.getByLabel('Your email').fill(email);
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    // The sign-in mail goes out through the real SMTP path: on a loaded machine that takes over the 1 s default.
    await expect
      .poll(() => pb.smtp.messages.length, { timeout: 15_000 })
      .toBe(before + 1)
      .catch(async (err: Error) => {
        // Seen now and then under load and not yet explained: keep what the app and the page said.
        const shown = (await page.textContent('main').catch(() => null))?.replace(/\s+/g, ' ').trim();
        throw new Error(`${err.message}\npage: ${shown}\napp log:\n${pb.logs.slice(-15).join('\n')}`);
      });
    await page.goto(linkIn(latestMail(pb.smtp, email), /\/login\/verify\?token=/));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/account');
    await page.close();
    return context;
  }

  it('the signed-in pages (brief, archive, one brief, preferences with the show followed and searched) run none of it', async () => {
    const context = await signedIn();
    const [brief] = await pb.app.store.listBriefs(1);
    const pages = [
      '/account',
      '/account/archive',
      `/account/briefs/${brief!.date}`,
      // The hostile show is followed (listed) and found by the search (listed again, as "Following").
      '/account/preferences?q=sleep',
    ];
    const texts: string[] = [];
    for (const path of pages) {
      const text = await expectInert(
        path,
        async (page) => {
          await page.goto(pb.url + path);
          // The archive's list of headlines is folded: open it so its text is rendered too.
          if (path === '/account/archive') await page.locator('summary').first().click();
        },
        context,
      );
      expect(text, path).toContain('alert(1)');
      texts.push(text);
    }
    const preferences = texts.at(-1)!;
    expect(preferences.match(/Sleep Science/g)?.length, 'followed and found by the search').toBeGreaterThanOrEqual(2);
    expect(preferences).toContain('Following');
  });

  it('the private RSS and JSON feeds escape the markup; their HTML runs none of it', async () => {
    const page = await (await signedIn()).newPage();
    await page.goto(`${pb.url}/account/preferences`);
    await page.getByRole('button', { name: 'Create a feed address' }).click();
    const urls = await page.locator('code.secret').allTextContents();
    await page.close();
    expect(urls.map((u) => new URL(u).pathname.replace(/\/feeds\/[\w-]+/, '/feeds/T'))).toEqual([
      '/feeds/T.rss',
      '/feeds/T.json',
    ]);

    const rss = await fetch(urls[0]!);
    expect(rss.headers.get('content-type')).toMatch(/^application\/rss\+xml/);
    expect(rss.headers.get('x-content-type-options')).toBe('nosniff');
    const xmlText = await rss.text();
    // Every tag of the payloads is escaped text in the XML: no element but the feed's own.
    expect(xmlText).toContain('alert(1)');
    expect(xmlText).not.toMatch(/<(script|img|svg|iframe|a)\b/i);
    // The items' HTML (entity-escaped in <description>), rendered as a feed reader would, runs nothing.
    const descriptions = [...xmlText.matchAll(/<description>([\s\S]*?)<\/description>/g)]
      .map((m) => m[1]!.replace(/^<!\[CDATA\[|\]\]>$/g, ''))
      .map((d) =>
        d.replace(
          /&(lt|gt|quot|apos|#39|amp);/g,
          (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", amp: '&' })[e]!,
        ),
      );
    expect(descriptions.length).toBeGreaterThanOrEqual(2);

    const json = await fetch(urls[1]!);
    expect(json.headers.get('content-type')).toMatch(/^application\/feed\+json/);
    expect(json.headers.get('x-content-type-options')).toBe('nosniff');
    const feed = (await json.json()) as { items: { title: string; content_html: string }[] };
    expect(feed.items.length).toBeGreaterThanOrEqual(1);
    const htmls = [...descriptions.slice(1), ...feed.items.map((i) => i.content_html)];
    for (const [n, body] of htmls.entries()) {
      expect(body, `feed HTML ${n}`).not.toMatch(/<(script|img|svg|iframe)\b/i);
      const text = await expectInert(`feed HTML ${n}`, (page) => page.setContent(body));
      expect(text).toContain('alert(1)');
    }
  });

  it('the operator pages (behind ADMIN_TOKEN) run none of it', async () => {
    expect((await fetch(`${pb.url}/admin`)).status).toBe(401);
    const context = await browser.newContext({ httpCredentials: { username: 'admin', password: ADMIN_TOKEN } });
    try {
      const [brief] = await pb.app.store.listBriefs(1);
      for (const path of ['/admin', `/admin/briefs/${brief!.id}`]) {
        const text = await expectInert(path, (page) => page.goto(pb.url + path), context);
        expect(text, path).toContain('alert(1)');
      }
    } finally {
      await context.close();
    }
  });
});
