import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { pollFeeds } from '../../src/jobs/index.js';
import { createTestDatabase } from '../../src/store/test-harness.js';
import { startLocalHttp, type Route } from '../helpers/local-http.js';

const NOW = new Date('2026-03-02T12:00:00Z');
const RSS = '<?xml version="1.0"?><rss version="2.0"><channel><title>Show</title></channel></rss>';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('feed leases of the embedded poller', () => {
  it("a poller that stops frees the feeds it claimed one fetch deadline and a margin later, not a batch's worth", async () => {
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const hang: Route = async (_req, res) => {
      await released;
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(RSS);
    };
    const http = await startLocalHttp(() => ({ '/a.xml': hang, '/b.xml': hang, '/c.xml': hang }));
    const db = await createTestDatabase('sqlite');
    const env = {
      DATA_DIR: db.dataDir,
      DATABASE_URL: '',
      ALLOW_PRIVATE_NETWORKS: 'true',
      LOG_LEVEL: 'silent',
      POLL_CONCURRENCY: '1',
      FETCH_TIMEOUT_SECONDS: '5',
      FETCH_CONNECT_TIMEOUT_SECONDS: '5',
    };
    const app: App = await createApp(loadConfig({ env }));
    cleanups.push(
      () => db.dispose(),
      () => http.close(),
      () => app.close(),
    );
    const ids = [];
    for (const path of ['/a.xml', '/b.xml', '/c.xml'])
      ids.push((await app.store.addFeed(`${http.origin}${path}`)).feed.id);

    const run = pollFeeds(app, { now: NOW });
    while ((http.hits.get('/a.xml') ?? 0) === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    // The poller holds all three (one in flight, two waiting) as if it had died now: another poller
    // finds them held within the fetch deadline plus margin (35 s), and free after it.
    expect(await app.store.claimDueFeeds(new Date(NOW.getTime() + 30_000), 10, 60_000)).toEqual([]);
    const after = await app.store.claimDueFeeds(new Date(NOW.getTime() + 36_000), 10, 60_000);
    expect(after.map((f) => f.id)).toEqual(ids);
    release();
    await run;
  });
});
