import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../app.js';
import { loadConfig } from '../../config/index.js';
import type { User } from '../../model/user.js';
import { insight, parsedEpisode } from '../../store/test-fixtures.js';
import { deliverBrief } from '../tasks/deliver-brief.task.js';
import { sendBriefJob } from './send-brief.job.js';
import { workerShowBoilerplate } from './worker-show-boilerplate.js';

const DAY = '2026-11-29';
// Berlin is UTC+1 in November: 22:30 UTC is 23:30 on the 29th there, 23:30 UTC already 00:30 on the 30th.
const LATE_THAT_EVENING = new Date('2026-11-29T22:30:00Z');
const PAST_MIDNIGHT = new Date('2026-11-29T23:30:00Z');

describe('a send-brief job sends the day in its key, or nothing', () => {
  let app: App;
  let dataDir: string;
  let user: User;

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'podbrief-send-brief-'));
    app = await createApp(loadConfig({ env: { DATA_DIR: dataDir, LOG_LEVEL: 'silent' } }));
    const { feed } = await app.store.addFeed('https://example.com/feed.xml');
    await app.store.upsertEpisodes(feed.id, [parsedEpisode('a'), parsedEpisode('b')], new Date('2026-11-29T06:00:00Z'));
    for (const episode of await app.store.episodesByFeed(feed.id))
      await app.store.replaceInsights(
        episode.id,
        [insight(episode.id, { text: `Finding ${episode.guid} about open-source models.` })],
        'embedded',
      );
    ({ user } = await app.store.addUser({
      email: 'berlin@example.com',
      interests: ['open-source models'],
      timezone: 'Europe/Berlin',
      deliveryHour: 7,
    }));
  });
  afterEach(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const sentMails = () => readdirSync(join(dataDir, 'outbox')).filter((f) => f.endsWith('.eml'));
  const run = (now: Date) =>
    sendBriefJob.run(
      { app, enqueue: async () => 0, showBoilerplate: workerShowBoilerplate() },
      { userId: user.id, date: DAY },
      { now, retryCount: 0 },
    );

  it('run late on that day, it sends that day’s brief', async () => {
    expect(await run(LATE_THAT_EVENING)).toMatchObject({ date: DAY, send: { status: 'sent' } });
    expect((await app.store.listBriefs(10)).map((b) => b.date)).toEqual([DAY]);
    expect(sentMails()).toHaveLength(1);
  });

  it('run (or retried) after the subscriber’s midnight, it sends neither that day’s brief nor the next day’s', async () => {
    expect(await run(PAST_MIDNIGHT)).toEqual({ userId: user.id, status: 'skipped', reason: 'the day has passed' });
    expect(await app.store.listBriefs(10)).toEqual([]);
  });

  it('deliverBrief composes and sends the date it is handed, not the one its clock reads', async () => {
    const result = await deliverBrief(app, user, { date: DAY, now: PAST_MIDNIGHT });
    expect(result).toMatchObject({ date: DAY, send: { status: 'sent' } });
    expect((await app.store.listBriefs(10)).map((b) => b.date)).toEqual([DAY]);
  });
});
