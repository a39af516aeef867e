import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { startScheduler } from '../../src/jobs/index.js';
import { createLogger } from '../../src/logger.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../../src/store/test-harness.js';
import { startLocalHttp, withEtag, type LocalHttp } from '../helpers/local-http.js';
import { startTcpProxy, viaProxy, type TcpProxy } from '../helpers/tcp-proxy.js';

const feedXml = `<?xml version="1.0"?><rss version="2.0"><channel><title>Stalled Show</title>
<item><guid>s-1</guid><title>One</title><pubDate>Mon, 07 Dec 2026 04:00:00 GMT</pubDate><description>First.</description></item>
<item><guid>s-2</guid><title>Two</title><pubDate>Sun, 06 Dec 2026 04:00:00 GMT</pubDate><description>Second.</description></item>
</channel></rss>`;

const postgres = (await testDialects()).find((d) => d.dialect === 'postgres')!;

describe.skipIf(postgres.skip)(`a job whose database connection goes half-open (${postgres.label})`, () => {
  let db: TestDatabase;
  let proxy: TcpProxy;
  let http: LocalHttp;
  let app: App;
  let dataDir: string;
  const lines: Record<string, unknown>[] = [];
  let stallOnNextRequest = true;
  let feedRequests = 0;

  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    const url = new URL(db.options.databaseUrl!);
    proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
    const serve = withEtag(feedXml, 'application/rss+xml');
    http = await startLocalHttp(() => ({
      '/show.xml': (req, res) => {
        feedRequests++;
        // The database goes silent while the job holds the feed it just fetched.
        if (stallOnNextRequest) proxy.stall();
        stallOnNextRequest = false;
        return serve(req, res);
      },
    }));
    dataDir = mkdtempSync(join(tmpdir(), 'podbrief-ops-job-'));
    app = await createApp(
      loadConfig({
        env: {
          DATA_DIR: dataDir,
          ALLOW_PRIVATE_NETWORKS: 'true',
          DATABASE_URL: viaProxy(db.options.databaseUrl!, proxy.address),
          DATABASE_CONNECT_TIMEOUT_SECONDS: '1',
          DATABASE_STATEMENT_TIMEOUT_SECONDS: '1',
        },
      }),
      { log: createLogger('info', (l) => lines.push(JSON.parse(l) as Record<string, unknown>), 'json') },
    );
  });
  afterAll(async () => {
    await app?.close();
    await http?.close();
    await proxy?.close();
    await db?.dispose();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('fails within its timeouts instead of hanging, and the next run does the work', async () => {
    const { feed } = await app.store.addFeed(`${http.origin}/show.xml`);
    const started = Date.now();
    let clock = new Date();
    const scheduler = startScheduler(app, { intervalSeconds: 3600, now: () => clock });
    await scheduler.tick();
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(8000);
    const failed = lines.find((l) => String(l['msg']).startsWith('scheduler tick failed'));
    expect(failed).toMatchObject({ level: 'error', msg: expect.stringMatching(/PostgreSQL/) });
    const jobs = await app.metrics.jobs.get();
    expect(jobs.values).toContainEqual(
      expect.objectContaining({ labels: { job: 'refresh-feed', outcome: 'error' }, value: 1 }),
    );

    proxy.up();
    // The failed run still holds the feed's poll lease (releasing it needed the database); the next
    // run after the lease ends polls it again.
    clock = new Date(Date.now() + 2 * 3600_000);
    await scheduler.tick();
    await scheduler.stop();
    expect(feedRequests).toBe(2);
    expect((await app.store.episodesByFeed(feed.id)).map((e) => e.guid).sort()).toEqual(['s-1', 's-2']);
  });
});
