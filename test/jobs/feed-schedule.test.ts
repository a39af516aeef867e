import type { IncomingMessage } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { pollFeeds, refreshFeed } from '../../src/jobs/index.js';
import { createLogger } from '../../src/logger.js';
import { createTestDatabase } from '../../src/store/test-harness.js';
import { startWebServer } from '../../src/web/index.js';
import { invokeCli } from '../cli/run-cli.js';
import { startLocalHttp, withEtag, type Route } from '../helpers/local-http.js';

const HOUR = 3600;
const DAY = 24 * HOUR;
const NOW = new Date('2026-03-02T12:00:00Z');
const ADMIN = 'admin-token-for-tests-0123';

interface Item {
  guid: string;
  title: string;
  daysAgo: number;
  audio?: string;
}

function rss(items: Item[], extra = ''): string {
  const entries = items.map(
    (i) =>
      `<item><title>${i.title}</title><guid>${i.guid}</guid><pubDate>${new Date(NOW.getTime() - i.daysAgo * DAY * 1000).toUTCString()}</pubDate><enclosure url="${i.audio ?? `https://cdn.example/${encodeURIComponent(i.title)}.mp3`}" type="audio/mpeg" length="1"/></item>`,
  );
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Show</title>${extra}${entries.join('')}</channel></rss>`;
}

/** Episodes `every` days apart, newest `count` of them. */
function cadence(every: number, count: number, prefix = 'ep'): Item[] {
  return Array.from({ length: count }, (_, i) => ({
    guid: `${prefix}-${i}`,
    title: `Episode ${i}`,
    daysAgo: i * every,
  }));
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(routes: (origin: string) => Record<string, Route>, env: Record<string, string> = {}) {
  const http = await startLocalHttp(routes);
  const db = await createTestDatabase('sqlite');
  const warnings: string[] = [];
  const baseEnv = {
    DATA_DIR: db.dataDir,
    DATABASE_URL: '',
    ALLOW_PRIVATE_NETWORKS: 'true',
    LOG_LEVEL: 'silent',
    ...env,
  };
  const app: App = await createApp(loadConfig({ env: baseEnv }), {
    log: createLogger('warn', (line) => warnings.push(line)),
  });
  cleanups.push(
    () => db.dispose(),
    () => http.close(),
    () => app.close(),
  );
  const add = async (path: string) => (await app.store.addFeed(`${http.origin}${path}`)).feed;
  const delaySeconds = async (id: number, from = NOW) =>
    (Date.parse((await app.store.feedById(id))?.nextPollAt ?? '') - from.getTime()) / 1000;
  return { http, app, add, delaySeconds, warnings, env: baseEnv };
}

const serve =
  (body: () => string, headers: Record<string, string> = {}): Route =>
  (_req, res) =>
    void res.writeHead(200, { 'content-type': 'application/rss+xml', ...headers }).end(body());

/** Five daily episodes while `isUp()`, else the error status: a server that is down, then back. */
const flaky =
  (isUp: () => boolean, status: number, body: string): Route =>
  (req, res) =>
    isUp() ? serve(() => rss(cadence(1, 5)))(req, res) : void res.writeHead(status).end(body);

describe('feed schedule', () => {
  it('polls by publishing cadence (about 8 times per median gap) within the bounds, with jitter', async () => {
    const t = await setup(
      () => ({
        '/daily.xml': withEtag(rss(cadence(1, 10)), 'application/rss+xml'),
        '/weekly.xml': serve(() => rss(cadence(7, 10))),
        '/yearly.xml': serve(() => rss(cadence(365, 5))),
        '/hourly.xml': serve(() => rss(cadence(1 / 24, 10))),
        '/undated.xml': serve(() =>
          rss([]).replace('</channel>', '<item><title>x</title><guid>x</guid></item></channel>'),
        ),
      }),
      { POLL_JITTER_PERCENT: '0' },
    );
    const ids: Record<string, number> = {};
    for (const name of ['daily', 'weekly', 'yearly', 'hourly', 'undated']) ids[name] = (await t.add(`/${name}.xml`)).id;
    await pollFeeds(t.app, { all: true, now: NOW });
    expect(await t.delaySeconds(ids.daily as number)).toBe(DAY / 8);
    expect(await t.delaySeconds(ids.weekly as number)).toBe((7 * DAY) / 8);
    expect(await t.delaySeconds(ids.yearly as number)).toBe(DAY); // POLL_MAX_INTERVAL_MINUTES
    expect(await t.delaySeconds(ids.hourly as number)).toBe(15 * 60); // POLL_MIN_INTERVAL_MINUTES
    expect(await t.delaySeconds(ids.undated as number)).toBe(HOUR); // POLL_INTERVAL_MINUTES
    expect((await t.app.store.feedById(ids.daily as number))?.cadenceSeconds).toBe(DAY);

    // A 304 keeps the cadence learnt from the last body.
    const later = new Date(NOW.getTime() + 2 * HOUR * 1000);
    const daily = (await t.app.store.feedById(ids.daily as number))!;
    expect(await refreshFeed(t.app, daily, later)).toMatchObject({ status: 'not_modified' });
    expect(t.http.hits.get('/daily.xml')).toBe(2);
    expect(await t.delaySeconds(ids.daily as number, later)).toBe(DAY / 8);
  });

  it('spreads next polls by up to POLL_JITTER_PERCENT either way', async () => {
    const t = await setup(() => ({ '/daily.xml': serve(() => rss(cadence(1, 10))) }), { POLL_JITTER_PERCENT: '20' });
    const feed = await t.add('/daily.xml');
    const delays: number[] = [];
    for (let i = 0; i < 30; i++) {
      await refreshFeed(t.app, (await t.app.store.feedById(feed.id))!, NOW);
      delays.push(await t.delaySeconds(feed.id));
    }
    for (const d of delays) {
      expect(d).toBeGreaterThanOrEqual((DAY / 8) * 0.8);
      expect(d).toBeLessThanOrEqual((DAY / 8) * 1.2);
    }
    expect(new Set(delays).size).toBeGreaterThan(10);
  });

  it('respects Retry-After and Cache-Control max-age, within the bounds', async () => {
    let retryAfter = '7200';
    const t = await setup(
      () => ({
        '/busy.xml': (_req, res) => void res.writeHead(503, { 'retry-after': retryAfter }).end(),
        '/cached.xml': serve(() => rss(cadence(1, 10)), { 'cache-control': 'max-age=21600' }),
        '/short.xml': serve(() => rss(cadence(1, 10)), { 'cache-control': 'max-age=60' }),
      }),
      { POLL_JITTER_PERCENT: '10' },
    );
    const busy = await t.add('/busy.xml');
    const cached = await t.add('/cached.xml');
    const short = await t.add('/short.xml');
    await pollFeeds(t.app, { all: true, now: NOW });
    const busyDelay = await t.delaySeconds(busy.id);
    expect(busyDelay).toBeGreaterThanOrEqual(7200);
    expect(busyDelay).toBeLessThanOrEqual(7200 * 1.1);
    const cachedDelay = await t.delaySeconds(cached.id);
    expect(cachedDelay).toBeGreaterThanOrEqual(21_600 * 0.9);
    expect(cachedDelay).toBeLessThanOrEqual(21_600 * 1.1);
    // A max-age below the cadence's interval does not make the feed polled more often.
    expect(await t.delaySeconds(short.id)).toBeGreaterThanOrEqual((DAY / 8) * 0.9);

    retryAfter = String(30 * DAY);
    await refreshFeed(t.app, (await t.app.store.feedById(busy.id))!, NOW);
    expect(await t.delaySeconds(busy.id)).toBe(DAY); // POLL_MAX_INTERVAL_MINUTES
  });

  it('pauses a feed after POLL_PAUSE_AFTER_FAILURES failures, retries it at the max interval, and resumes it', async () => {
    let up = false;
    const t = await setup(
      () => ({
        '/flaky.xml': flaky(() => up, 500, 'down'),
      }),
      { POLL_PAUSE_AFTER_FAILURES: '3', POLL_JITTER_PERCENT: '0', ADMIN_TOKEN: ADMIN },
    );
    const feed = await t.add('/flaky.xml');
    const results: Awaited<ReturnType<typeof pollFeeds>> = [];
    let at = NOW;
    for (let i = 0; i < 3; i++) {
      results.push(...(await pollFeeds(t.app, { now: at })));
      at = new Date(Date.parse((await t.app.store.feedById(feed.id))!.nextPollAt!));
    }
    expect(results.map((r) => r?.status === 'failed' && r.paused)).toEqual([undefined, undefined, true]);
    const paused = (await t.app.store.feedById(feed.id))!;
    expect(paused).toMatchObject({ status: 'paused', errorCount: 3, lastError: expect.stringContaining('http_500') });
    expect(t.warnings.some((w) => w.includes(`feed ${feed.id}`) && w.includes('paused after 3'))).toBe(true);
    const lastFailure = new Date(Date.parse(paused.lastPolledAt!));
    expect(Date.parse(paused.nextPollAt!) - lastFailure.getTime()).toBe(DAY * 1000);

    // Shown as paused with the last error.
    const list = await invokeCli(['feeds', 'list'], t.env);
    expect(list.stdout).toMatch(new RegExp(`${feed.id}  paused .*error: http_500.*3 failed polls in a row`));
    const status = JSON.parse((await invokeCli(['status', '--json'], t.env)).stdout);
    expect(status.feeds.failing).toEqual([expect.objectContaining({ id: feed.id, status: 'paused', errorCount: 3 })]);
    expect((await invokeCli(['status'], t.env)).stdout).toContain('feeds: 1, 1 failing (1 paused');
    const web = await startWebServer(t.app, { host: '127.0.0.1', port: 0 });
    cleanups.push(() => web.close());
    const auth = `Basic ${Buffer.from(`ops:${ADMIN}`).toString('base64')}`;
    const page = await (await fetch(`${web.url}/admin`, { headers: { authorization: auth } })).text();
    expect(page).toContain('paused after 3 failed polls in a row');
    expect(page).toContain(`podbrief feeds refresh ${feed.id}`);
    expect(page).toContain('http_500');

    // Not due before its retry; due (and still failing, still paused) at it.
    expect(await t.app.store.dueFeeds(new Date(lastFailure.getTime() + 60_000))).toEqual([]);
    const retryAt = new Date(Date.parse(paused.nextPollAt!));
    const [again] = await pollFeeds(t.app, { now: retryAt });
    expect(again).toMatchObject({ status: 'failed', paused: true });

    // The server is back: the next scheduled retry resumes the feed.
    up = true;
    const resumeAt = new Date(Date.parse((await t.app.store.feedById(feed.id))!.nextPollAt!));
    const [resumed] = await pollFeeds(t.app, { now: resumeAt });
    expect(resumed).toMatchObject({ status: 'updated', inserted: 5 });
    expect(await t.app.store.feedById(feed.id)).toMatchObject({ status: 'active', errorCount: 0, lastError: null });
  });

  it('feeds refresh polls a paused feed at once and resumes it', async () => {
    let up = false;
    const t = await setup(
      () => ({
        '/flaky.xml': flaky(() => up, 502, 'bad gateway'),
      }),
      { POLL_PAUSE_AFTER_FAILURES: '1' },
    );
    const feed = await t.add('/flaky.xml');
    await pollFeeds(t.app, { now: NOW });
    expect((await t.app.store.feedById(feed.id))?.status).toBe('paused');

    const failed = await invokeCli(['feeds', 'refresh', String(feed.id)], t.env);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('http_502');
    expect(failed.stderr).toContain('paused');

    up = true;
    const ok = await invokeCli(['feeds', 'refresh', String(feed.id), '--json'], t.env);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ feedId: feed.id, status: 'updated', inserted: 5 });
    expect(await t.app.store.feedById(feed.id)).toMatchObject({ status: 'active', errorCount: 0 });
  });

  it('fetches unconditionally once the body has not come back for POLL_UNCONDITIONAL_HOURS', async () => {
    let items = cadence(1, 3);
    const seen: Array<string | undefined> = [];
    // A server that answers 304 to any conditional request, even after the feed changed.
    const stuck: Route = (req: IncomingMessage, res) => {
      seen.push(req.headers['if-none-match']);
      if (req.headers['if-none-match']) return void res.writeHead(304, { etag: '"v1"' }).end();
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end(rss(items));
    };
    const t = await setup(() => ({ '/stuck.xml': stuck }), { POLL_UNCONDITIONAL_HOURS: '24' });
    const feed = await t.add('/stuck.xml');
    await refreshFeed(t.app, (await t.app.store.feedById(feed.id))!, NOW);
    items = [{ guid: 'fresh', title: 'Fresh', daysAgo: -1 }, ...items];
    const at = (hours: number) => new Date(NOW.getTime() + hours * HOUR * 1000);
    expect(await refreshFeed(t.app, (await t.app.store.feedById(feed.id))!, at(12))).toMatchObject({
      status: 'not_modified',
    });
    const full = await refreshFeed(t.app, (await t.app.store.feedById(feed.id))!, at(24));
    expect(full).toMatchObject({ status: 'updated', inserted: 1 });
    expect(seen).toEqual([undefined, '"v1"', undefined]);
    expect((await t.app.store.feedById(feed.id))?.fullFetchedAt).toBe(at(24).toISOString());
  });

  it('keeps episodes republished under new GUIDs as the same episodes, and warns', async () => {
    let items = cadence(1, 6);
    const t = await setup(() => ({ '/churn.xml': serve(() => rss(items)) }), { FIRST_POLL_EPISODES: '10' });
    const feed = await t.add('/churn.xml');
    expect(await refreshFeed(t.app, feed, NOW)).toMatchObject({ status: 'updated', inserted: 6 });
    const before = (await t.app.store.episodesByFeed(feed.id)).map((e) => [e.id, e.guid]);

    // The host rebuilt the feed: every GUID is new, one episode's audio moved (known by title and date),
    // and one episode is really new.
    items = [
      { guid: 'rebuilt-new', title: 'Brand new', daysAgo: -1 },
      ...items.map((i, n) => ({
        ...i,
        guid: `rebuilt-${i.guid}`,
        ...(n === 2 && { audio: 'https://new.example/2.mp3' }),
      })),
    ];
    const result = await refreshFeed(t.app, (await t.app.store.feedById(feed.id))!, NOW);
    expect(result).toMatchObject({ status: 'updated', inserted: 1, republished: 6 });
    const after = await t.app.store.episodesByFeed(feed.id);
    expect(after).toHaveLength(7);
    expect(after.filter((e) => before.some(([id, guid]) => id === e.id && guid === e.guid))).toHaveLength(6);
    expect(after.find((e) => e.guid === 'ep-2')?.audioUrl).toBe('https://new.example/2.mp3');
    expect(t.warnings.some((w) => w.includes('6 items came back under new GUIDs') && w.includes('guid_churn'))).toBe(
      true,
    );
  });
});
