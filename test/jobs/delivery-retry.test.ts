import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { DELIVERY_MAX_ATTEMPTS, deliveryClaimRules } from '../../src/delivery/index.js';
import { deliverBriefs } from '../../src/jobs/index.js';
import { insight, parsedEpisode } from '../../src/store/test-fixtures.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';

const at = (hhmm: string) => new Date(`2026-11-29T${hhmm}:00Z`);

describe('a brief is neither lost nor sent twice when the mail server or a worker fails', () => {
  let app: App;
  let dataDir: string;
  let smtp: SmtpSink;

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'podbrief-retry-'));
    smtp = await startSmtpSink();
    app = await createApp(loadConfig({ env: { DATA_DIR: dataDir, SMTP_URL: smtp.url, LOG_LEVEL: 'silent' } }));
    const { feed } = await app.store.addFeed('https://example.com/feed.xml');
    await app.store.upsertEpisodes(
      feed.id,
      ['a', 'b', 'c'].map((g) => parsedEpisode(g)),
      new Date('2026-11-28T12:00:00Z'),
    );
    for (const episode of await app.store.episodesByFeed(feed.id)) {
      await app.store.replaceInsights(
        episode.id,
        [insight(episode.id, { text: `Finding ${episode.guid} about chips.` })],
        'embedded',
      );
    }
    await app.store.addUser({ email: 'ada@example.com', interests: [], timezone: 'UTC', deliveryHour: 6 });
  });
  afterEach(async () => {
    await app.close();
    await smtp.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const sendAt = async (hhmm: string) => (await deliverBriefs(app, { now: at(hhmm) }))[0]?.send;

  it('retries a deferred send with backoff, then sends it once', async () => {
    smtp.deferNext(2);
    expect(await sendAt('06:00')).toMatchObject({ status: 'failed', error: expect.stringContaining('451') });
    expect(await sendAt('06:01')).toEqual({ status: 'skipped', reason: 'retry_later' });
    expect(await sendAt('06:02')).toMatchObject({ status: 'failed' });
    expect(await sendAt('06:05')).toEqual({ status: 'skipped', reason: 'retry_later' });
    expect(await sendAt('06:06')).toMatchObject({ status: 'sent' });
    expect(await sendAt('07:00')).toEqual({ status: 'skipped', reason: 'already_sent' });
    expect(smtp.messages).toHaveLength(1);
    const delivery = (await app.store.listDeliveries(1))[0];
    expect(delivery).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
  });

  it('gives up after the last attempt and says so', async () => {
    smtp.deferNext(100);
    let last;
    for (let hour = 6; hour < 24; hour += 1) last = await sendAt(`${String(hour).padStart(2, '0')}:00`);
    expect(last).toEqual({ status: 'skipped', reason: 'gave_up' });
    expect((await app.store.listDeliveries(1))[0]).toMatchObject({ status: 'failed', attempts: DELIVERY_MAX_ATTEMPTS });
    expect(smtp.messages).toHaveLength(0);
  });

  it('re-claims a send whose worker died mid-send within a minute, counting the possible duplicate', async () => {
    smtp.deferNext(1);
    await sendAt('06:00');
    const brief = (await app.store.listBriefs(1))[0]!;
    // Another worker claims it and dies before marking it (no heartbeat after the claim).
    expect(await app.store.claimDelivery(brief.id, deliveryClaimRules(at('06:05')))).toBeDefined();
    const sendAtTime = async (date: Date) => (await deliverBriefs(app, { now: date }))[0]?.send;
    expect(await sendAtTime(new Date('2026-11-29T06:05:50Z'))).toEqual({ status: 'skipped', reason: 'in_progress' });
    expect(await sendAtTime(new Date('2026-11-29T06:06:00Z'))).toMatchObject({ status: 'sent' });
    expect(smtp.messages).toHaveLength(1);
    expect((await app.store.listDeliveries(1))[0]).toMatchObject({
      status: 'sent',
      attempts: 3,
      possibleDuplicates: 1,
    });
    expect((await app.store.statusCounts()).deliveries.possibleDuplicates).toBe(1);
  });
});
