import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localTime } from '../../src/briefs/index.js';
import { deliverBriefs } from '../../src/jobs/index.js';
import type { User } from '../../src/model/user.js';
import { latestMail, linkIn } from '../helpers/mail-links.js';
import type { ReceivedMail } from '../helpers/smtp-sink.js';
import { chromiumOrSkip, launchChromium, recordDialogs, screenshots } from './chromium.js';
import { seedDemo, startPodbrief, type RunningPodbrief } from './podbrief.js';

/** The demo's shows: a brief holds one item per show, so four items rather than five. */
const DEMO_SHOWS = 4;

const chromiumPath = chromiumOrSkip();
const email = 'journey@example.com';
/** The visitor's browser is in Berlin: the sign-up form takes its time zone from there. */
const TIME_ZONE = 'Europe/Berlin';
const HOUR = 7;

/** The instant at `minute` past `hour` on `date` (YYYY-MM-DD) in `timeZone`. */
function localInstant(date: string, hour: number, minute: number, timeZone: string): Date {
  for (let offset = -14; offset <= 14; offset++) {
    const at = new Date(Date.parse(`${date}T${String(hour).padStart(2, '0')}:${minute}:00Z`) - offset * 3600_000);
    const local = localTime(at, timeZone);
    if (local.date === date && local.hour === hour) return at;
  }
  throw new Error(`no instant for ${date} ${hour}:00 in ${timeZone}`);
}

/**
 * One subscriber's whole journey in a real browser, as a person goes through it: the landing page, the
 * confirmation mail and its button, preferences, the daily brief in the inbox, a 👍, the archive, signing
 * out and in again by magic link, and unsubscribing in one click. Each step checks what the page shows
 * and what the store holds; each page is also screenshotted at desktop and phone width.
 */
describe.skipIf(!chromiumPath)('in chromium: a subscriber from sign-up to unsubscribe', () => {
  let browser: Browser;
  let pb: RunningPodbrief;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    [browser, pb] = await Promise.all([
      launchChromium(chromiumPath!),
      startPodbrief({ ALLOW_PRIVATE_NETWORKS: 'true' }),
    ]);
    await seedDemo(pb, { email: 'reader@example.com', interests: ['AI policy'] });
    context = await browser.newContext({ timezoneId: TIME_ZONE, viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    problems = recordDialogs(page);
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await pb?.close();
  });

  const mails = () => pb.smtp.messages.filter((m) => m.to.includes(email));
  const userNow = async (): Promise<User> => {
    const user = await pb.app.store.userByEmail(email);
    if (!user) throw new Error(`no user ${email}`);
    return user;
  };
  const heading = () => page.locator('h1').first().textContent();
  const bodyText = () => page.locator('main').textContent();
  /** Waits for one more mail to `email` than `before`, and returns it. */
  async function nextMail(before: number): Promise<ReceivedMail> {
    await expect.poll(() => mails().length, { timeout: 10_000 }).toBe(before + 1);
    return latestMail(pb.smtp, email);
  }
  /** Screenshots of a page as this signed-in visitor sees it; nothing may scroll sideways on a phone. */
  async function shoot(name: string, path: string, then?: (p: Page) => Promise<void>): Promise<void> {
    const cookies = await context.cookies();
    const { phoneOverflow } = await screenshots(browser, name, async (p) => {
      await p.context().addCookies(cookies);
      await p.goto(pb.url + path);
      await then?.(p);
    });
    expect(phoneOverflow, `${name} scrolls sideways on a 390 px phone`).toBeLessThanOrEqual(0);
  }

  // Berlin's date now, and the two sends of the journey: today at the chosen hour, then tomorrow.
  const today = localTime(new Date(), TIME_ZONE).date;
  const deliveryTime = localInstant(today, HOUR, 30, TIME_ZONE);
  const tomorrow = new Date(deliveryTime.getTime() + 86_400_000);
  let brief: ReceivedMail;

  it('signs up on the landing page: email, interests, a show, the hour; the time zone comes from the browser', async () => {
    await page.goto(pb.url + '/');
    expect(await heading()).toBe('Get your free personalized podcast brief.');
    expect(await page.locator('.lede').textContent()).toContain('top 5 insights daily');
    await shoot('landing', '/');

    const form = page.locator('form[action="/signup"]');
    await form.getByLabel('Your email').fill(email);
    await form.getByLabel('What do you want to hear about?').fill('open-source AI models, AI policy');
    await form.getByLabel('Hot Path').check();
    await form.getByLabel('Delivery time').selectOption({ label: `0${HOUR}:00` });
    // The time zone script picked the browser's zone.
    expect(await form.getByLabel('Time zone').inputValue()).toBe(TIME_ZONE);
    await form.getByRole('button', { name: 'Send me the daily brief' }).click();
    await page.waitForURL('**/signup');
    expect(await heading()).toBe('Check your inbox');
    expect(await bodyText()).toContain(`If ${email} can sign up, a confirmation link is on its way.`);

    const mail = await nextMail(0);
    expect(mail.parsed.subject).toMatch(/confirm/i);
    const user = await userNow();
    expect(user).toMatchObject({
      confirmedAt: null,
      interests: ['open-source AI models', 'AI policy'],
      deliveryHour: HOUR,
      timezone: TIME_ZONE,
    });
    const hotPath = (await pb.app.store.listFeeds()).find((f) => f.title === 'Hot Path')!;
    expect((await pb.app.store.profileOf(user.id)).followedFeedIds).toEqual([hotPath.id]);

    // Unconfirmed: the daily run at their hour sends nothing.
    await deliverBriefs(pb.app, { now: deliveryTime });
    expect(mails()).toHaveLength(1);
  });

  it('confirms only with the button of the emailed link, and is then signed in', async () => {
    const confirm = linkIn(latestMail(pb.smtp, email), /\/confirm\?token=/);
    await page.goto(confirm);
    expect(await heading()).toBe('Confirm your subscription');
    await shoot('confirm', new URL(confirm).pathname + new URL(confirm).search);
    // The GET (and the screenshots' GETs: a mail scanner) confirmed nothing.
    expect((await userNow()).confirmedAt).toBeNull();

    await page.getByRole('button', { name: 'Confirm my subscription' }).click();
    await page.waitForURL('**/confirm');
    expect(await heading()).toBe('You are subscribed');
    expect(await page.getByRole('status').textContent()).toBe(
      `Your first brief arrives at 0${HOUR}:00 (${TIME_ZONE}).`,
    );
    expect(await page.locator('header.site').textContent()).toContain(email);
    expect((await userNow()).confirmedAt).toBeTruthy();
  });

  it('sets interests and follows a second show found by the search on /account/preferences', async () => {
    await page.getByRole('link', { name: 'Fine-tune your topics and shows' }).click();
    await page.waitForURL('**/account/preferences');
    expect(await heading()).toBe('Preferences');
    const shows = page.locator('#shows');
    expect(await shows.locator('ul.plain').first().textContent()).toContain('Hot Path');

    await page.getByLabel(/^Interests/).fill('AI policy, pricing, inference servers');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL('**/account/preferences?done=saved*');
    expect(await page.getByRole('status').first().textContent()).toBe(
      'Saved. Your next brief follows these preferences.',
    );
    expect(await page.getByLabel(/^Interests/).inputValue()).toBe('AI policy, pricing, inference servers');
    expect((await userNow()).interests).toEqual(['AI policy', 'pricing', 'inference servers']);

    await page.getByLabel('Search shows by title').fill('margin');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL('**/account/preferences?q=margin*');
    const results = page.getByRole('list', { name: 'Search results' });
    expect(await results.textContent()).toContain('Margin Notes');
    await shoot('preferences-search', '/account/preferences?q=margin');
    await results.getByRole('button', { name: 'Follow Margin Notes' }).click();
    await page.waitForURL('**/account/preferences?done=followed*');
    expect(await page.getByRole('status').first().textContent()).toBe('Followed.');
    const followed = await shows.locator('ul.plain').first().textContent();
    expect(followed).toContain('Hot Path');
    expect(followed).toContain('Margin Notes');
    const feeds = await pb.app.store.listFeeds();
    const ids = ['Hot Path', 'Margin Notes'].map((t) => feeds.find((f) => f.title === t)!.id);
    expect((await pb.app.store.profileOf((await userNow()).id)).followedFeedIds.sort()).toEqual(ids.sort());
    await shoot('account-preferences', '/account/preferences');
  });

  it('gets the brief by mail at the chosen hour in its time zone, not before', async () => {
    const sent = mails().length;
    const anHourEarly = new Date(deliveryTime.getTime() - 3600_000);
    await deliverBriefs(pb.app, { now: anHourEarly });
    expect(mails()).toHaveLength(sent);

    const results = await deliverBriefs(pb.app, { now: deliveryTime });
    const user = await userNow();
    expect(results.find((r) => r.userId === user.id)?.send?.status).toBe('sent');
    brief = await nextMail(sent);
    expect(brief.parsed.subject).toMatch(/^Your Podbrief for /);
    const stored = await pb.app.store.briefFor(user.id, today);
    expect(stored?.items).toHaveLength(DEMO_SHOWS);
    expect(brief.parsed.subject).toContain(stored!.items[0]!.headline.slice(0, 40));

    const html = brief.parsed.html as string;
    const { phoneOverflow } = await screenshots(browser, 'brief-email', (p) =>
      p.setContent(html, { waitUntil: 'load' }),
    );
    expect(phoneOverflow).toBeLessThanOrEqual(0);
  });

  it('votes 👍 from the email (a confirm page, then its button) and on /account, and sees both', async () => {
    const user = await userNow();
    const stored = (await pb.app.store.briefFor(user.id, today))!;
    const [first, second] = stored.items;
    const up = linkIn(brief, /\/feedback\?.*v=up/);
    expect(Number(new URL(up).searchParams.get('i'))).toBe(first!.insightId);
    await page.goto(up);
    expect(await heading()).toBe('👍 Useful?');
    expect(await bodyText()).toContain(first!.headline);
    expect(await pb.app.store.feedbackOf(user.id, new Date(0))).toEqual([]);
    await page.getByRole('button', { name: '👍 Useful' }).click();
    expect(await heading()).toBe('Thanks: recorded 👍 Useful.');

    await page.goto(pb.url + '/account');
    expect(await heading()).toContain("Today's brief");
    const cards = page.locator('article.insight');
    expect(await cards.count()).toBe(DEMO_SHOWS);
    expect(await cards.nth(0).locator('h2').textContent()).toContain(first!.headline);
    expect(await cards.nth(0).getByRole('button', { name: '👍 Useful' }).getAttribute('aria-pressed')).toBe('true');
    await cards.nth(1).getByRole('button', { name: 'More like this' }).click();
    await page.waitForURL(`**/account#i-${second!.insightId}`);
    expect(await cards.nth(1).getByRole('button', { name: 'More like this' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    const votes = await pb.app.store.feedbackOf(user.id, new Date(0));
    expect(votes.map((v) => [v.insightId, v.value])).toEqual([
      [first!.insightId, 'up'],
      [second!.insightId, 'more'],
    ]);
    await shoot('account', '/account');
  });

  it('lists the brief with its votes in /account/archive and opens it', async () => {
    await page.getByRole('link', { name: 'Archive' }).click();
    await page.waitForURL('**/account/archive');
    expect(await heading()).toBe('Archive');
    const user = await userNow();
    const stored = (await pb.app.store.briefFor(user.id, today))!;
    const entry = page.locator('ol.archive > li');
    expect(await entry.count()).toBe(1);
    expect(await entry.locator('h2').textContent()).toBe(stored.items[0]!.headline);
    await entry.locator('summary').click();
    const items = entry.locator('details li');
    expect(await items.count()).toBe(DEMO_SHOWS);
    expect(await items.nth(0).textContent()).toContain('👍 Useful');
    expect(await items.nth(1).textContent()).toContain('More like this');
    expect(await items.nth(2).textContent()).not.toMatch(/Useful|like this/);
    await shoot('account-archive', '/account/archive', (p) => p.locator('ol.archive summary').first().click());

    await entry.locator('h2 a').click();
    await page.waitForURL(`**/account/briefs/${today}`);
    expect(await heading()).toContain('Your brief');
    expect(
      await page
        .locator('article.insight')
        .nth(0)
        .getByRole('button', { name: '👍 Useful' })
        .getAttribute('aria-pressed'),
    ).toBe('true');
    await shoot('account-brief', `/account/briefs/${today}`);
  });

  it('signs out, and signs in again with the emailed link and its button', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(pb.url + '/');
    expect(await page.locator('header.site').textContent()).toContain('Sign in');
    expect(await page.locator('header.site').textContent()).not.toContain(email);
    await page.goto(pb.url + '/account');
    expect(new URL(page.url()).pathname).toBe('/login'); // signed out: the account asks for a sign-in

    await page.goto(pb.url + '/');
    await page.locator('header.site').getByRole('link', { name: 'Sign in' }).click();
    await page.waitForURL('**/login');
    expect(await heading()).toBe('Sign in');
    await shoot('sign-in', '/login');
    const sent = mails().length;
    await page.getByLabel('Your email').fill(email);
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    expect(await heading()).toBe('Check your inbox');
    const mail = await nextMail(sent);
    const link = linkIn(mail, /\/login\/verify\?token=/);

    await page.goto(link);
    expect(await heading()).toBe('Sign in to Podbrief');
    await shoot('sign-in-link', new URL(link).pathname + new URL(link).search);
    expect(await page.locator('header.site').textContent()).not.toContain(email); // the GET signs no one in
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/account');
    expect(await page.locator('header.site').textContent()).toContain(email);
    expect(await heading()).toContain("Today's brief");
  });

  it('unsubscribes in one click from the List-Unsubscribe header, and gets no more mail', async () => {
    // The message's header block, folded lines unfolded.
    const headers = brief.raw.split('\r\n\r\n')[0]!.replace(/\r\n[ \t]+/g, ' ');
    const header = /^List-Unsubscribe: <([^>]+)>/im.exec(headers)?.[1];
    expect(header).toMatch(new RegExp(`^${pb.url}/unsubscribe\\?u=\\d+&t=`));
    expect(headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/im);
    // A person who clicks it sees a page with a button; the GET changes nothing.
    await page.goto(header!);
    expect(await heading()).toBe(`Unsubscribe ${email}?`);
    expect((await userNow()).status).toBe('active');

    // A mail provider's one-click POST (RFC 8058): no cookie, no Origin, just the body.
    const res = await fetch(header!, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('You are unsubscribed.');
    expect((await userNow()).status).toBe('unsubscribed');

    await page.goto(pb.url + '/account');
    expect(await page.getByText('You are unsubscribed: no briefs are sent.').count()).toBe(1);
    await page.goto(pb.url + '/account/preferences');
    expect(await page.locator('#status').textContent()).toContain('You are unsubscribed: you get no briefs.');
    expect(await page.getByRole('button', { name: 'Re-subscribe' }).count()).toBe(1);

    const sent = mails().length;
    const results = await deliverBriefs(pb.app, { now: tomorrow });
    expect(results.map((r) => r.userId)).not.toContain((await userNow()).id);
    await new Promise((r) => setTimeout(r, 300));
    expect(mails()).toHaveLength(sent);
    expect(problems).toEqual([]);
  });
});
