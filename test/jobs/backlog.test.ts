import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { composeBrief } from '../../src/briefs/index.js';
import { loadConfig } from '../../src/config/index.js';
import { parseFeed } from '../../src/feeds/index.js';
import { fairShare, pollFeeds, processEpisodes } from '../../src/jobs/index.js';
import { createTestDatabase, type TestDatabase } from '../../src/store/test-harness.js';
import { corpusPath, hasCorpus, requireCorpus } from '../corpus.js';
import { startLocalHttp, withEtag, type LocalHttp } from '../helpers/local-http.js';

const DAY = 86_400_000;

describe('fairShare', () => {
  it('takes one episode from each feed in turn, newest first within a feed', () => {
    const ep = (id: number, feedId: number, day: number) => ({
      id,
      feedId,
      publishedAt: new Date(Date.UTC(2026, 0, day)).toISOString(),
    });
    const big = Array.from({ length: 50 }, (_, i) => ep(i + 1, 1, i + 1));
    const picked = fairShare([...big, ep(100, 2, 3), ep(101, 2, 9), ep(102, 3, 1)], 6);
    expect(picked.map((e) => e.id)).toEqual([50, 101, 102, 49, 100, 48]);
  });
});

describe.skipIf(!hasCorpus && process.env.CI !== 'true')('a first poll of real feeds and the backlog after it', () => {
  let http: LocalHttp;
  let db: TestDatabase;
  let app: App;
  let archive: string;
  const start = Date.now();

  beforeAll(async () => {
    requireCorpus();
    archive = readFileSync(corpusPath('feeds', 'real', 'fivethirtyeight-politics-archive.rss'), 'utf8');
    http = await startLocalHttp(() => ({
      '/538.xml': (req, res) => withEtag(archive, 'application/rss+xml')(req, res),
      '/reply-all.xml': withEtag(
        readFileSync(corpusPath('feeds', 'real', 'gnomepodcasts__reply-all-2020-12-29-reruns.xml')),
        'application/rss+xml',
      ),
      '/sentimental.xml': withEtag(
        readFileSync(corpusPath('feeds', 'real', 'partytime__sentimental-garbage.xml')),
        'application/rss+xml',
      ),
    }));
    db = await createTestDatabase('sqlite');
    app = await createApp(
      loadConfig({
        env: { DATA_DIR: db.dataDir, ALLOW_PRIVATE_NETWORKS: 'true', LOG_LEVEL: 'silent', FIRST_POLL_EPISODES: '8' },
      }),
    );
    for (const f of ['538', 'reply-all', 'sentimental']) await app.store.addFeed(`${http.origin}/${f}.xml`);
  });

  afterAll(async () => {
    await app?.close();
    await http?.close();
    await db?.dispose();
  });

  it('takes only the newest FIRST_POLL_EPISODES of a feed seen for the first time', async () => {
    await pollFeeds(app, { all: true });
    const feed = (await app.store.listFeeds()).find((f) => f.url.endsWith('/538.xml'))!;
    const stored = await app.store.episodesByFeed(feed.id);
    const newest = parseFeed(archive)
      .episodes.sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''))
      .slice(0, 8);
    expect(stored.map((e) => e.guid).sort()).toEqual(newest.map((e) => e.guid).sort());
  });

  it('a later poll adds what is new, not the back catalogue left out the first time', async () => {
    const fresh = `<item><title>Fresh episode</title><guid>fresh-1</guid><pubDate>${new Date(start).toUTCString()}</pubDate><description>What the newest polls of the governor races say about turnout among young voters this fall.</description><enclosure url="https://example.com/fresh.mp3" type="audio/mpeg" length="1"/></item>`;
    archive = archive.replace(/<item>/, `${fresh}<item>`);
    const [result] = (await pollFeeds(app, { all: true })).filter((r) => r.url.endsWith('/538.xml'));
    expect(result).toMatchObject({ status: 'updated', inserted: 1 });
    const feed = (await app.store.listFeeds()).find((f) => f.url.endsWith('/538.xml'))!;
    expect(await app.store.episodesByFeed(feed.id)).toHaveLength(9);
  });

  it('a processing run takes every feed in turn, newest first', async () => {
    const results = await processEpisodes(app, { limit: 6 });
    const feedOf = new Map<number, number>();
    for (const f of await app.store.listFeeds())
      for (const e of await app.store.episodesByFeed(f.id)) feedOf.set(e.id, f.id);
    const perFeed = new Map<number, number>();
    for (const r of results) perFeed.set(feedOf.get(r.episodeId)!, (perFeed.get(feedOf.get(r.episodeId)!) ?? 0) + 1);
    expect([...perFeed.values()]).toEqual([2, 2, 2]);
  });

  it('says "nothing new" only when nothing unsent and eligible is left', async () => {
    await processEpisodes(app, {});
    const { user } = await app.store.addUser({ email: 'backlog@example.com', interests: [] });
    const unsent = (await app.store.insightsSince(new Date(0))).length;
    expect(unsent).toBeGreaterThan(6);
    const opts = (day: number) => ({ size: 3, relatedPerInsight: 0, now: new Date(start + day * DAY) });
    const date = (day: number) => new Date(start + day * DAY).toISOString().slice(0, 10);
    const first = await composeBrief({ store: app.store }, user, date(0), opts(0));
    expect(first.status).toBe('created');
    // No episode arrived since: the brief of the next day comes from what was never sent.
    const second = await composeBrief({ store: app.store }, user, date(1), opts(1));
    expect(second.status).toBe('created');
    if (first.status !== 'created' || second.status !== 'created') return;
    const firstIds = new Set(first.brief.items.map((i) => i.insightId));
    for (const item of second.brief.items) expect(firstIds.has(item.insightId)).toBe(false);
  });
});
