import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverBriefs } from '../../src/jobs/pipeline.js';
import { expireSignUps } from '../../src/jobs/tasks/expire-sign-ups.task.js';
import { sendBrief } from '../../src/delivery/index.js';
import { briefItem, insight, parsedEpisode } from '../../src/store/test-fixtures.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { cookieOf, PUBLIC_URL, startWebHarness, type WebHarness } from './web-harness.js';

describe('sign-up with double opt-in, magic-link sign-in and sessions', () => {
  let web: WebHarness;
  let smtp: SmtpSink;
  let feedId: number;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    web = await startWebHarness({ SMTP_URL: smtp.url });
    const { feed } = await web.app.store.addFeed('https://feeds.example/ai.xml');
    await web.app.store.updateFeed(feed.id, { title: 'Practical AI' });
    feedId = feed.id;
    await web.app.store.upsertEpisodes(feed.id, [parsedEpisode('e1')], new Date());
    const [episode] = await web.app.store.episodesByFeed(feed.id);
    await web.app.store.replaceInsights(episode!.id, [insight(1, { headline: 'Open weights matter' })], 'embedded');
  });

  afterAll(async () => {
    await web?.close();
    await smtp?.close();
  });

  const mailsTo = (address: string) => smtp.messages.filter((m) => m.to.includes(address));
  /** The link in the last email to `address`, pointed at the test server. */
  const linkIn = (address: string) => {
    const text = String(mailsTo(address).at(-1)?.parsed.text ?? '');
    const url = /https:\/\/brief\.example(\/[^\s]+)/.exec(text)?.[1];
    expect(url, text).toBeDefined();
    return url!;
  };
  const tokenOf = (path: string) => new URL(path, PUBLIC_URL).searchParams.get('token')!;

  it('shows the promise, a sample brief and the sign-up form on the landing page', async () => {
    const res = await web.request('/');
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('Get your free personalized podcast brief.');
    expect(page).toContain('We scan new podcasts and send you the top 5 insights daily.');
    expect(page).toContain('Open weights matter');
    expect(page).toMatch(/<form method="post" action="\/signup" enctype="multipart\/form-data">/);
    expect(page).toContain('<input id="opml" name="opml" type="file"');
    expect(page).toMatch(/<select id="timezone" name="timezone"[^>]*>.*<option selected>UTC<\/option>/s);
    expect(page).toContain('<option>Europe/Berlin</option>');
    expect(page).toContain(`name="follow" value="${feedId}"`);
    expect(page).not.toMatch(/<script>|style="/);
    const searched = await (await web.request('/?q=nomatch')).text();
    expect(searched).not.toContain('name="follow"');
    expect(searched).toContain('No show matches “nomatch”');
  });

  it('follows the known shows of an uploaded OPML file and adds no unknown feed', async () => {
    const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>My app</title></head><body>
<outline type="rss" text="Practical AI" xmlUrl="https://feeds.example/ai.xml"/>
<outline type="rss" text="Someone's list" xmlUrl="https://unknown.example/feed.xml"/>
</body></opml>`;
    const form = new FormData();
    for (const [k, v] of Object.entries({ email: 'opml@example.com', interests: 'ai', hour: '7', timezone: 'UTC' }))
      form.append(k, v);
    form.append('opml', new Blob([opml], { type: 'text/x-opml' }), 'subscriptions.opml');
    const res = await web.request('/signup', {
      method: 'POST',
      body: form,
      ip: '203.0.113.40',
      headers: { origin: PUBLIC_URL, 'sec-fetch-site': 'same-origin' },
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('From your OPML file: 1 show Podbrief scans will be followed. 1 more is new');
    await web.server.idle();
    const user = (await web.app.store.userByEmail('opml@example.com'))!;
    expect((await web.app.store.profileOf(user.id)).followedFeedIds).toEqual([feedId]);
    expect(await web.app.store.feedByUrl('https://unknown.example/feed.xml')).toBeUndefined();

    const broken = new FormData();
    for (const [k, v] of Object.entries({ email: 'opml2@example.com', hour: '7', timezone: 'UTC' }))
      broken.append(k, v);
    broken.append('opml', new Blob(['<html>not a list'], { type: 'text/html' }), 'x.opml');
    const bad = await web.request('/signup', {
      method: 'POST',
      body: broken,
      ip: '203.0.113.41',
      headers: { origin: PUBLIC_URL, 'sec-fetch-site': 'same-origin' },
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('The file is not an OPML subscription list');
    await web.server.idle();
    expect(await web.app.store.userByEmail('opml2@example.com')).toBeUndefined();
  });

  it('sends exactly one confirmation email; GET on the link does not confirm, the POST does', async () => {
    const res = await web.post(
      '/signup',
      {
        email: 'new@example.com',
        interests: 'sleep science, urban housing',
        topic: ['open weights'],
        follow: String(feedId),
        hour: '6',
        timezone: 'Europe/Berlin',
      },
      { ip: '203.0.113.10' },
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Check your inbox');
    await web.server.idle();
    expect(mailsTo('new@example.com')).toHaveLength(1);
    const mail = mailsTo('new@example.com')[0]!;
    expect(mail.parsed.subject).toBe('Confirm your Podbrief subscription');
    expect(mail.parsed.html).toContain('/confirm?token=');
    const user = (await web.app.store.userByEmail('new@example.com'))!;
    expect(user).toMatchObject({
      confirmedAt: null,
      interests: ['sleep science', 'urban housing', 'open weights'],
      timezone: 'Europe/Berlin',
      deliveryHour: 6,
    });
    expect((await web.app.store.profileOf(user.id)).followedFeedIds).toEqual([feedId]);

    // Unconfirmed: the daily run sends nothing, whatever the hour.
    const run = await deliverBriefs(web.app, { ignoreHour: true });
    expect(run.map((r) => r.userId)).not.toContain(user.id);
    expect(mailsTo('new@example.com')).toHaveLength(1);
    // Even a brief composed for it by hand is not sent.
    const [stored] = await web.app.store.insightsSince(new Date(0));
    const brief = (await web.app.store.createBrief(user.id, '2026-01-01', [briefItem(stored!.id)]))!;
    const send = await sendBrief({ store: web.app.store, mailer: web.app.mailer }, brief, user, {
      publicUrl: PUBLIC_URL,
      secret: web.app.secret,
      from: web.app.config.mailFrom,
    });
    expect(send).toEqual({ status: 'skipped', reason: 'unconfirmed' });
    expect(mailsTo('new@example.com')).toHaveLength(1);

    const link = linkIn('new@example.com');
    expect(link).toMatch(/^\/confirm\?token=[A-Za-z0-9_-]{43}$/);
    for (let i = 0; i < 3; i++) {
      const page = await web.request(link);
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/<form method="post" action="\/confirm">/);
    }
    expect((await web.app.store.userById(user.id))?.confirmedAt).toBeNull();

    const confirmed = await web.post('/confirm', { token: tokenOf(link) });
    expect(confirmed.status).toBe(200);
    expect(await confirmed.text()).toContain('You are subscribed');
    expect(await web.app.store.userById(user.id)).toMatchObject({ status: 'active', confirmedAt: expect.any(String) });
    const session = cookieOf(confirmed, 'podbrief_session');
    expect(session?.attributes).toMatch(/HttpOnly/);

    // Single use: the same link neither shows a button nor confirms again.
    expect((await web.request(link)).status).toBe(400);
    expect((await web.post('/confirm', { token: tokenOf(link) })).status).toBe(400);
    expect((await web.post('/confirm', { token: 'A'.repeat(43) })).status).toBe(400);
  });

  it('answers a sign-up for a known address exactly as for a new one, and re-sends at most every 10 minutes', async () => {
    await web.app.store.addUser({ email: 'known@example.com', interests: ['chess'] });
    const form = (email: string) => ({ email, interests: 'x', hour: '7', timezone: 'UTC' });
    const known = await web.post('/signup', form('known@example.com'), { ip: '203.0.113.11' });
    const fresh = await web.post('/signup', form('fresh@example.com'), { ip: '203.0.113.11' });
    expect(known.status).toBe(fresh.status);
    const strip = (s: string) => s.replaceAll('known@example.com', 'X').replaceAll('fresh@example.com', 'X');
    expect(strip(await known.text())).toBe(strip(await fresh.text()));
    await web.server.idle();
    // The known subscriber's settings are untouched; they get a sign-in link, not a second subscription.
    expect((await web.app.store.userByEmail('known@example.com'))?.interests).toEqual(['chess']);
    expect(mailsTo('known@example.com').map((m) => m.parsed.subject)).toEqual(['You already get Podbrief']);
    expect(mailsTo('fresh@example.com')).toHaveLength(1);

    // Again at once: same answer, no second email.
    const again = await web.post('/signup', form('fresh@example.com'), { ip: '203.0.113.11' });
    expect(again.status).toBe(200);
    await web.server.idle();
    expect(mailsTo('fresh@example.com')).toHaveLength(1);
  });

  it('drops a sign-up whose hidden honeypot field is filled, with the usual answer', async () => {
    const res = await web.post(
      '/signup',
      { email: 'bot@example.com', interests: '', hour: '7', timezone: 'UTC', website: 'http://spam.example' },
      { ip: '203.0.113.12' },
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Check your inbox');
    await web.server.idle();
    expect(await web.app.store.userByEmail('bot@example.com')).toBeUndefined();
    expect(mailsTo('bot@example.com')).toHaveLength(0);
  });

  it('refuses an invalid address or time zone, keeping what was typed', async () => {
    const res = await web.post(
      '/signup',
      { email: 'a@b.com, c@d.com', interests: 'tides', hour: '7', timezone: 'Mars/Base' },
      { ip: '203.0.113.13' },
    );
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain('Enter one email address');
    expect(page).toContain('Pick a time zone');
    expect(page).toContain('value="tides"');
  });

  it('forgets an unconfirmed sign-up after 48 hours', async () => {
    await web.post('/signup', { email: 'late@example.com', hour: '7', timezone: 'UTC' }, { ip: '203.0.113.14' });
    await web.server.idle();
    const user = (await web.app.store.userByEmail('late@example.com'))!;
    expect(user.confirmedAt).toBeNull();
    expect((await expireSignUps(web.app, new Date(Date.now() + 47 * 3600_000))).signUps).toBe(0);
    // (with the other unconfirmed sign-ups of this file)
    expect((await expireSignUps(web.app, new Date(Date.now() + 49 * 3600_000))).signUps).toBeGreaterThanOrEqual(1);
    expect(await web.app.store.userByEmail('late@example.com')).toBeUndefined();
    // The confirmed ones stay.
    expect(await web.app.store.userByEmail('new@example.com')).toBeDefined();
  });

  it('signs in with an emailed link (usable 3 times), sets a session cookie, and signs out', async () => {
    const start = await web.post('/login', { email: 'new@example.com' }, { ip: '203.0.113.20' });
    const unknown = await web.post('/login', { email: 'nobody@example.com' }, { ip: '203.0.113.20' });
    expect(start.status).toBe(200);
    expect(unknown.status).toBe(200);
    const strip = (s: string) => s.replaceAll('new@example.com', 'X').replaceAll('nobody@example.com', 'X');
    expect(strip(await start.text())).toBe(strip(await unknown.text()));
    await web.server.idle();
    expect(mailsTo('nobody@example.com')).toHaveLength(0);
    const link = linkIn('new@example.com');
    expect(link).toMatch(/^\/login\/verify\?token=/);

    // A scanner's GET signs no one in.
    const page = await web.request(link);
    expect(page.status).toBe(200);
    expect(cookieOf(page, 'podbrief_session')).toBeUndefined();

    const signedIn = await web.post('/login/verify', { token: tokenOf(link) });
    expect(signedIn.status).toBe(303);
    const cookie = cookieOf(signedIn, 'podbrief_session')!;
    expect(cookie.pair).toMatch(/^podbrief_session=[A-Za-z0-9_-]{43}$/);
    expect(cookie.attributes).toMatch(/HttpOnly/);
    expect(cookie.attributes).toMatch(/SameSite=Lax/);
    expect(cookie.attributes).toMatch(/Secure/); // PUBLIC_URL is https
    expect(cookie.attributes).toMatch(/Max-Age=2592000/);

    // currentUser: the header names the subscriber; the stored session is only a hash of the cookie.
    const home = await (await web.request('/', { headers: { cookie: cookie.pair } })).text();
    expect(home).toContain('new@example.com');
    expect(home).toContain('action="/logout"');

    // Two more uses, then it is used up.
    expect((await web.post('/login/verify', { token: tokenOf(link) })).status).toBe(303);
    expect((await web.post('/login/verify', { token: tokenOf(link) })).status).toBe(303);
    expect((await web.post('/login/verify', { token: tokenOf(link) })).status).toBe(400);

    const out = await web.post('/logout', {}, { cookie: cookie.pair });
    expect(out.status).toBe(303);
    expect(cookieOf(out, 'podbrief_session')?.attributes).toMatch(/Max-Age=0/);
    const after = await (await web.request('/', { headers: { cookie: cookie.pair } })).text();
    expect(after).not.toContain('new@example.com');
  });

  it('sends an unconfirmed address its confirmation again instead of a sign-in link', async () => {
    await web.post('/signup', { email: 'pending@example.com', hour: '7', timezone: 'UTC' }, { ip: '203.0.113.21' });
    await web.server.idle();
    expect(mailsTo('pending@example.com')).toHaveLength(1);
    await web.post('/login', { email: 'pending@example.com' }, { ip: '203.0.113.21' });
    await web.server.idle();
    // Within 10 minutes: nothing more at all.
    expect(mailsTo('pending@example.com').map((m) => m.parsed.subject)).toEqual(['Confirm your Podbrief subscription']);
  });

  it('rate-limits sign-ups per client address (429)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await web.post(
        '/signup',
        { email: `flood${i}@example.com`, hour: '7', timezone: 'UTC' },
        { ip: '203.0.113.99' },
      );
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    // Another client is not affected.
    expect(
      (await web.post('/signup', { email: 'other@example.com', hour: '7', timezone: 'UTC' }, { ip: '203.0.113.98' }))
        .status,
    ).toBe(200);
    await web.server.idle();
  });
});
