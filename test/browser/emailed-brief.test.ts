import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverBriefs } from '../../src/jobs/index.js';
import type { User } from '../../src/model/user.js';
import { latestMail, linkIn } from '../helpers/mail-links.js';
import type { ReceivedMail } from '../helpers/smtp-sink.js';
import { chromiumOrSkip, launchChromium, recordDialogs, screenshots } from './chromium.js';
import { seedDemo, startPodbrief, type RunningPodbrief } from './podbrief.js';

const chromiumPath = chromiumOrSkip();
const email = 'reader@example.com';

/** A subscriber's day in a real browser: the emailed brief, then each of its links into the web app. */
describe.skipIf(!chromiumPath)('in chromium: the emailed brief and the pages its links open', () => {
  let browser: Browser;
  let pb: RunningPodbrief;
  let user: User;
  let mail: ReceivedMail;

  beforeAll(async () => {
    [browser, pb] = await Promise.all([
      launchChromium(chromiumPath!),
      startPodbrief({ ALLOW_PRIVATE_NETWORKS: 'true' }),
    ]);
    user = await seedDemo(pb, { email, interests: ['open-source AI models', 'AI policy'] });
    const [sent] = await deliverBriefs(pb.app, { ignoreHour: true });
    expect(sent?.send?.status, JSON.stringify(sent?.send)).toBe('sent');
    mail = latestMail(pb.smtp, email);
  });

  afterAll(async () => {
    await browser?.close();
    await pb?.close();
  });

  /** A fresh page that fails the test on any dialog and on any page error. */
  async function openPage(): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage();
    const problems = recordDialogs(page);
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    return { page, problems };
  }

  it('renders the brief email from a real composed brief, at desktop and phone width', async () => {
    const html = mail.parsed.html;
    expect(typeof html).toBe('string');
    const { paths, phoneOverflow } = await screenshots(browser, 'brief-email', (page) =>
      page.setContent(html as string, { waitUntil: 'load' }),
    );
    expect(paths).toHaveLength(3);
    // The table layout shrinks to the phone: nothing wider than 390 px.
    expect(phoneOverflow).toBeLessThanOrEqual(0);

    const { page, problems } = await openPage();
    await page.setContent(html as string);
    // The demo has four shows: one item each (a shorter brief rather than a repetitive one).
    await expect.poll(() => page.locator('h2').count()).toBe(4);
    expect(await page.getByRole('link', { name: 'Unsubscribe' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: '👍 Useful' }).count()).toBe(4);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('records 👍 from the email: the link opens a confirm page, its button records the vote', async () => {
    const { page, problems } = await openPage();
    await page.setContent(mail.parsed.html as string);
    // The email's links open in a new tab (target=_blank), as in a webmail client.
    const [tab] = await Promise.all([
      page.context().waitForEvent('page'),
      page.getByRole('link', { name: '👍 Useful' }).first().click(),
    ]);
    await tab.waitForLoadState();
    expect(new URL(tab.url()).pathname).toBe('/feedback');
    expect(await pb.app.store.feedbackOf(user.id, new Date(0))).toEqual([]); // GET (a link scanner) records nothing
    await screenshots(browser, 'feedback-confirm', async (p) => void (await p.goto(tab.url())));

    await tab.getByRole('button', { name: '👍 Useful' }).click();
    await tab.getByText('Thanks: recorded').waitFor();
    const votes = await pb.app.store.feedbackOf(user.id, new Date(0));
    expect(votes.map((v) => v.value)).toEqual(['up']);
    const insightId = Number(new URL(linkIn(mail, /\/feedback\?.*v=up/)).searchParams.get('i'));
    expect(votes[0]?.insightId).toBe(insightId);
    expect(problems).toEqual([]);
    await page.close();
    await tab.close();
  });

  it('changes the delivery hour on the preferences page from the email link', async () => {
    const { page, problems } = await openPage();
    await page.goto(linkIn(mail, /\/preferences\?/));
    await screenshots(browser, 'preferences', async (p) => void (await p.goto(page.url())));
    await page.getByLabel('Delivery hour').fill('7');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/^Saved/);
    expect(await page.getByLabel('Delivery hour').inputValue()).toBe('7');
    expect((await pb.app.store.userById(user.id))?.deliveryHour).toBe(7);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('unsubscribes from the email link only after the button, and nothing is sent after', async () => {
    const { page, problems } = await openPage();
    await page.goto(linkIn(mail, /\/unsubscribe\?/));
    await screenshots(browser, 'unsubscribe-confirm', async (p) => void (await p.goto(page.url())));
    expect(await page.getByRole('heading').textContent()).toContain(email);
    expect((await pb.app.store.userById(user.id))?.status).toBe('active'); // the GETs changed nothing

    await page.getByRole('button', { name: 'Unsubscribe' }).click();
    await page.getByText('You are unsubscribed.').waitFor();
    expect((await pb.app.store.userById(user.id))?.status).toBe('unsubscribed');

    const before = pb.smtp.messages.length;
    const tomorrow = new Date(Date.now() + 86_400_000);
    expect(await deliverBriefs(pb.app, { ignoreHour: true, now: tomorrow })).toEqual([]);
    expect(pb.smtp.messages).toHaveLength(before);
    expect(problems).toEqual([]);
    await page.close();
  });
});
