import { describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { deliverBriefs } from '../../src/jobs/index.js';
import { createTestDatabase, testDialects } from '../../src/store/test-harness.js';
import { insight, parsedEpisode } from '../../src/store/test-fixtures.js';
import { deliveryHarness } from '../helpers/delivery-harness.js';
import type { SmtpSink } from '../helpers/smtp-sink.js';

const NOW = new Date('2026-11-29T08:00:00Z');
const { defer, sink, tempDir, openApp } = deliveryHarness();

/** Three episodes' insights and `count` subscribers named reader0… (or as `name` says). */
async function seed(app: App, count: number, name = (i: number) => `reader${i}@example.com`): Promise<string[]> {
  const { feed } = await app.store.addFeed('https://example.com/feed.xml');
  await app.store.upsertEpisodes(
    feed.id,
    ['a', 'b', 'c'].map((g) => parsedEpisode(g)),
    new Date('2026-11-28T12:00:00Z'),
  );
  for (const episode of await app.store.episodesByFeed(feed.id))
    await app.store.replaceInsights(episode.id, [insight(episode.id, { text: `Finding ${episode.guid}.` })], 'test');
  const emails = Array.from({ length: count }, (_, i) => name(i));
  for (const email of emails) await app.store.addUser({ email, interests: [], timezone: 'UTC', deliveryHour: 6 });
  return emails;
}

const to = (smtp: SmtpSink) => smtp.messages.flatMap((m) => m.to).sort();

describe('sending many briefs at once', () => {
  it('keeps each subscriber apart: a slow mailbox, a deferral and a bounce hold up no one else', async () => {
    const smtp = await sink();
    const app = await openApp({ DATA_DIR: tempDir(), SMTP_URL: smtp.url, SEND_CONCURRENCY: '16' });
    const emails = await seed(app, 30);
    const release = smtp.holdRecipient('reader5@example.com');
    smtp.rejectRecipient('reader7@example.com', 451);
    smtp.rejectRecipient('reader9@example.com', 550);

    const run = deliverBriefs(app, { now: NOW });
    // Every other brief gets through while the sixth subscriber's mailbox has not answered yet.
    await smtp.waitForMessages(27);
    expect(to(smtp)).not.toContain('reader5@example.com');
    release();
    const results = await run;

    const statusOf = (email: string) => results.find((r) => r.email === email)?.send?.status;
    expect(results).toHaveLength(30);
    expect(statusOf('reader5@example.com')).toBe('sent');
    expect(statusOf('reader7@example.com')).toBe('failed');
    expect(statusOf('reader9@example.com')).toBe('bounced');
    const delivered = emails.filter((e) => e !== 'reader7@example.com' && e !== 'reader9@example.com');
    expect(results.filter((r) => r.send?.status === 'sent').map((r) => r.email)).toEqual(delivered);
    expect(to(smtp)).toEqual([...delivered].sort());
    expect(await app.store.suppressionFor('reader9@example.com')).toMatchObject({ reason: 'hard_bounce' });
    expect((await app.store.statusCounts()).deliveries).toMatchObject({ sent: 28, failed: 1, bounced: 1, sending: 0 });
  });

  it('sends each brief once when two runs go at the same time in one process', async () => {
    const smtp = await sink();
    const app = await openApp({ DATA_DIR: tempDir(), SMTP_URL: smtp.url, SEND_CONCURRENCY: '8' });
    const emails = await seed(app, 25);

    const [first, second] = await Promise.all([deliverBriefs(app, { now: NOW }), deliverBriefs(app, { now: NOW })]);

    expect(to(smtp)).toEqual([...emails].sort());
    const sent = [...first, ...second].filter((r) => r.send?.status === 'sent');
    expect(sent).toHaveLength(25);
    expect(new Set(sent.map((r) => r.email)).size).toBe(25);
    expect((await app.store.statusCounts()).deliveries).toMatchObject({ sent: 25, possibleDuplicates: 0 });
  });

  it('holds to SMTP_RATE_PER_SECOND', async () => {
    const smtp = await sink();
    const app = await openApp({ DATA_DIR: tempDir(), SMTP_URL: smtp.url, SMTP_RATE_PER_SECOND: '4' });
    await seed(app, 9);

    await deliverBriefs(app, { now: NOW });

    // 4 in the first second, 4 in the next, the ninth in the third.
    const times = smtp.messages.map((m) => m.acceptedAt);
    expect(times).toHaveLength(9);
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThanOrEqual(1500);
  });
});

const postgres = (await testDialects()).find((d) => d.dialect === 'postgres');
describe.skipIf(postgres?.skip ?? true)(`two workers on one database (${postgres?.label})`, () => {
  it('sends each brief once when two processes run the same send at the same time', async () => {
    const smtp = await sink();
    const db = await createTestDatabase('postgres');
    defer(() => db.dispose());
    const env = { DATABASE_URL: db.options.databaseUrl ?? '', SMTP_URL: smtp.url, SEND_CONCURRENCY: '8' };
    const one = await openApp({ ...env, DATA_DIR: tempDir() });
    const two = await openApp({ ...env, DATA_DIR: tempDir(), SECRET_KEY: one.secret });
    const emails = await seed(one, 40);

    const [a, b] = await Promise.all([deliverBriefs(one, { now: NOW }), deliverBriefs(two, { now: NOW })]);

    expect(to(smtp)).toEqual([...emails].sort());
    const sent = [...a, ...b].filter((r) => r.send?.status === 'sent');
    expect(new Set(sent.map((r) => r.email)).size).toBe(40);
    expect(sent).toHaveLength(40);
    // Both composed; the unique (user, date) left one brief each.
    expect((await one.store.statusCounts()).deliveries).toMatchObject({ sent: 40, possibleDuplicates: 0 });
  });
});
