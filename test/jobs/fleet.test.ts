import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../../src/store/test-harness.js';
import { spawnCli } from '../cli/run-cli.js';
import { startFeedFleet, type FeedFleet } from '../helpers/feed-fleet.js';

const FEEDS = 100;
const postgres = (await testDialects()).find((d) => d.dialect === 'postgres');

interface PollOutput {
  feeds: Array<{ feedId: number; status: string }>;
  episodes: Array<{ episodeId: number; status: string }>;
}

/** `processes` copies of `podbrief poll --json …` started together on one database; their outputs. */
async function pollTogether(processes: number, db: TestDatabase, args: string[]): Promise<PollOutput[]> {
  const env = {
    DATABASE_URL: db.options.databaseUrl ?? '',
    DATA_DIR: db.dataDir,
    ALLOW_PRIVATE_NETWORKS: 'true',
    POLL_CONCURRENCY: '8',
    POLL_PER_HOST_CONCURRENCY: '8',
    FIRST_POLL_EPISODES: '1',
    LOG_LEVEL: 'error',
  };
  const runs = await Promise.all(Array.from({ length: processes }, () => spawnCli(['poll', '--json', ...args], env)));
  return runs.map((r) => {
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as PollOutput;
  });
}

async function withFeeds(db: TestDatabase, urls: string[]): Promise<Store> {
  const store = await openStore(db.options);
  for (const url of urls) await store.addFeed(url);
  return store;
}

/**
 * Several `podbrief poll` processes on one PostgreSQL database share the work instead of repeating
 * it: each feed is requested once, each episode extracted once (counted at the feed server and in
 * what the processes report and store).
 */
describe.skipIf(postgres?.skip !== false)(`several poll processes on one PostgreSQL database`, () => {
  let fleet: FeedFleet;
  const dbs: TestDatabase[] = [];
  const stores: Store[] = [];

  beforeAll(async () => {
    fleet = await startFeedFleet(FEEDS, 40);
  });
  afterAll(async () => {
    for (const store of stores) await store.close();
    for (const db of dbs) await db.dispose();
    await fleet?.close();
  });

  async function freshDatabase(): Promise<{ db: TestDatabase; store: Store }> {
    const db = await createTestDatabase('postgres');
    dbs.push(db);
    const store = await withFeeds(db, fleet.feedUrls);
    stores.push(store);
    return { db, store };
  }

  for (const processes of [2, 3]) {
    it(`${processes} processes request each of ${FEEDS} feeds once`, { timeout: 120_000 }, async () => {
      const { db } = await freshDatabase();
      const before = fleet.feedRequests();
      const started = Date.now();
      const outputs = await pollTogether(processes, db, ['--no-extract']);
      const requests = fleet.feedRequests() - before;
      const polled = outputs.map((o) => o.feeds.length);
      console.log(
        `poll, ${processes} processes: ${requests} feed requests for ${FEEDS} feeds (${(requests / FEEDS).toFixed(2)} per feed), ` +
          `polled per process ${polled.join('/')}, ${Date.now() - started} ms`,
      );
      expect(requests).toBe(FEEDS);
      expect(polled.reduce((a, b) => a + b, 0)).toBe(FEEDS);
    });
  }

  it('3 processes extract each episode once', { timeout: 180_000 }, async () => {
    const { db, store } = await freshDatabase();
    const before = fleet.transcriptRequests();
    const started = Date.now();
    const outputs = await pollTogether(3, db, []);
    const transcripts = fleet.transcriptRequests() - before;
    const episodes = (await Promise.all((await store.listFeeds()).map((f) => store.episodesByFeed(f.id)))).flat();
    const extracted = outputs.flatMap((o) => o.episodes.filter((e) => e.status === 'extracted'));
    const insights = (await Promise.all(episodes.map((e) => store.insightsByEpisode(e.id)))).flat();
    const highestId = Math.max(...insights.map((i) => i.id));
    console.log(
      `poll+extract, 3 processes: ${episodes.length} episodes, ${extracted.length} extractions, ` +
        `${transcripts} transcript requests, ${insights.length} insights stored, highest insight id ${highestId}, ` +
        `${Date.now() - started} ms`,
    );
    expect(episodes).toHaveLength(FEEDS);
    expect(episodes.every((e) => e.status === 'extracted')).toBe(true);
    expect(extracted).toHaveLength(episodes.length);
    expect(new Set(extracted.map((e) => e.episodeId)).size).toBe(episodes.length);
    expect(transcripts).toBeGreaterThan(0);
    expect(fleet.mostRequestsForOneTranscript()).toBe(1);
    // Ids are never reused: a higher id than the count means insights were written and thrown away.
    expect(highestId).toBe(insights.length);
  });
});
