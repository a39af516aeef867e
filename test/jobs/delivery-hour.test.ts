import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { deliverBriefs, startScheduler } from '../../src/jobs/index.js';
import { insight, parsedEpisode } from '../../src/store/test-fixtures.js';

describe("briefs go out at each subscriber's local hour, once a day", () => {
  let app: App;
  let dataDir: string;

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'podbrief-hour-'));
    app = await createApp(loadConfig({ env: { DATA_DIR: dataDir, LOG_LEVEL: 'silent' } }));
    const { feed } = await app.store.addFeed('https://example.com/feed.xml');
    await app.store.upsertEpisodes(
      feed.id,
      ['a', 'b', 'c', 'd', 'e', 'f'].map((g) => parsedEpisode(g)),
      new Date('2026-11-28T12:00:00Z'),
    );
    for (const episode of await app.store.episodesByFeed(feed.id)) {
      await app.store.replaceInsights(
        episode.id,
        [insight(episode.id, { text: `Finding ${episode.guid} about open-source models and policy.` })],
        'embedded',
      );
    }
    await app.store.addUser({
      email: 'berlin@example.com',
      interests: ['open-source models'],
      timezone: 'Europe/Berlin',
      deliveryHour: 7,
    });
    await app.store.addUser({ email: 'tokyo@example.com', interests: [], timezone: 'Asia/Tokyo', deliveryHour: 7 });
  });
  afterEach(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const outbox = () =>
    readdirSync(join(dataDir, 'outbox'), { withFileTypes: true }).filter((f) => f.name.endsWith('.eml'));

  it('waits for the local hour in each time zone', async () => {
    // 00:30 UTC is 09:30 in Tokyo and 01:30 in Berlin.
    const tokyo = await deliverBriefs(app, { now: new Date('2026-11-29T00:30:00Z') });
    expect(tokyo.map((r) => [r.email, r.date, r.send?.status])).toEqual([['tokyo@example.com', '2026-11-29', 'sent']]);

    // 05:30 UTC is 06:30 in Berlin: not yet; Tokyo already has today's brief.
    const early = await deliverBriefs(app, { now: new Date('2026-11-29T05:30:00Z') });
    expect(early.map((r) => [r.email, r.send?.status])).toEqual([['tokyo@example.com', 'skipped']]);

    const berlin = await deliverBriefs(app, { now: new Date('2026-11-29T06:05:00Z') });
    expect(berlin.find((r) => r.email === 'berlin@example.com')?.send?.status).toBe('sent');
    expect(outbox()).toHaveLength(2);
  });

  it('the scheduler tick polls, extracts and delivers without sending twice', async () => {
    let now = new Date('2026-11-29T06:10:00Z');
    const scheduler = startScheduler(app, { intervalSeconds: 3600, now: () => now });
    await scheduler.tick();
    now = new Date('2026-11-29T06:40:00Z');
    await scheduler.tick();
    await scheduler.stop();
    expect(outbox().length).toBe(2);
    const briefs = await app.store.listBriefs(10);
    expect(briefs.map((b) => b.date).sort()).toEqual(['2026-11-29', '2026-11-29']);
  });

  it('counts a suppressed subscriber once a day their brief is due, however many ticks find it', async () => {
    for (const email of ['tokyo@example.com', 'berlin@example.com']) {
      const user = (await app.store.userByEmail(email))!;
      await app.store.suppressAddress({
        email,
        userId: user.id,
        reason: 'hard_bounce',
        responseCode: 550,
        detail: null,
      });
    }
    const suppressedRuns = async () =>
      (await app.metrics.briefs.get()).values.find((v) => v.labels.outcome === 'suppressed')?.value ?? 0;
    // 00:30 UTC is 09:30 in Tokyo (due) and 01:30 in Berlin (not yet).
    let now = new Date('2026-11-29T00:30:00Z');
    const scheduler = startScheduler(app, { intervalSeconds: 3600, now: () => now });
    await scheduler.tick();
    now = new Date('2026-11-29T00:31:00Z');
    await scheduler.tick();
    expect(await suppressedRuns()).toBe(1);
    // 06:10 UTC: Berlin's hour has come; Tokyo's day is the same one.
    now = new Date('2026-11-29T06:10:00Z');
    await scheduler.tick();
    expect(await suppressedRuns()).toBe(2);
    // 23:10 UTC is the next morning in Tokyo.
    now = new Date('2026-11-29T23:10:00Z');
    await scheduler.tick();
    await scheduler.tick();
    await scheduler.stop();
    expect(await suppressedRuns()).toBe(3);
    expect(await app.store.listBriefs(10)).toEqual([]);
  });

  it('an unsubscribed subscriber gets nothing', async () => {
    const berlin = (await app.store.userByEmail('berlin@example.com'))!;
    await app.store.setUserStatus(berlin.id, 'unsubscribed');
    const results = await deliverBriefs(app, { now: new Date('2026-11-29T08:00:00Z') });
    expect(results.map((r) => r.email)).toEqual(['tokyo@example.com']);
  });
});
