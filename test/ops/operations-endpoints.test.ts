import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { pollFeeds } from '../../src/jobs/index.js';
import { createLogger, type Logger } from '../../src/logger.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../../src/store/test-harness.js';
import { startWebServer, type WebServer } from '../../src/web/index.js';
import { startLocalHttp, withEtag, type LocalHttp } from '../helpers/local-http.js';
import { startTcpProxy, viaProxy, type TcpProxy } from '../helpers/tcp-proxy.js';

const METRICS_TOKEN = 'metrics-token-for-tests-0123';
const ADMIN_TOKEN = 'admin-token-for-tests-0123';

const feedXml = `<?xml version="1.0"?><rss version="2.0"><channel><title>Ops Show</title>
<item><guid>ep-1</guid><title>One</title><pubDate>Mon, 07 Dec 2026 04:00:00 GMT</pubDate><description>First.</description></item>
<item><guid>ep-2</guid><title>Two</title><pubDate>Sun, 06 Dec 2026 04:00:00 GMT</pubDate><description>Second.</description></item>
</channel></rss>`;

async function startApp(
  env: Record<string, string>,
  log?: Logger,
): Promise<{ app: App; server: WebServer; close(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'podbrief-ops-'));
  const app = await createApp(
    loadConfig({ env: { DATA_DIR: dataDir, LOG_LEVEL: 'silent', ALLOW_PRIVATE_NETWORKS: 'true', ...env } }),
    log ? { log } : {},
  );
  const server = await startWebServer(app, { host: '127.0.0.1', port: 0 });
  return {
    app,
    server,
    async close() {
      await server.close();
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Value of one sample line, e.g. `podbrief_feeds{status="active"}`. */
function sample(body: string, series: string): number | undefined {
  const line = body.split('\n').find((l) => l.startsWith(series + ' '));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('/healthz, /readyz and /metrics without tokens', () => {
  let running: Awaited<ReturnType<typeof startApp>>;
  let http: LocalHttp;
  beforeAll(async () => {
    http = await startLocalHttp(() => ({ '/show.xml': withEtag(feedXml, 'application/rss+xml') }));
    // Each test changes the store and scrapes at once: no totals kept between scrapes.
    running = await startApp({ METRICS_STORE_CACHE_SECONDS: '0' });
  });
  afterAll(async () => {
    await running?.close();
    await http?.close();
  });

  it('answers liveness and readiness', async () => {
    const health = await fetch(running.server.url + '/healthz');
    expect(health.status).toBe(200);
    const ready = await fetch(running.server.url + '/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.text()).toBe('ready\n');
  });

  it('reports a failing readiness check with its one-line reason', async () => {
    running.app.readiness.add('queue', async () => {
      throw new Error('pg-boss is not started\nstack…');
    });
    const res = await fetch(running.server.url + '/readyz');
    expect(res.status).toBe(503);
    expect(await res.text()).toBe('not ready: queue: pg-boss is not started\n');
    running.app.readiness.add('queue', async () => undefined);
    expect((await fetch(running.server.url + '/readyz')).status).toBe(200);
  });

  it('serves Prometheus text to loopback only, not to a request relayed by a proxy', async () => {
    const relayed = await fetch(running.server.url + '/metrics', { headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(relayed.status).toBe(401);
    const local = await fetch(running.server.url + '/metrics');
    expect(local.status).toBe(200);
    expect(local.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const body = await local.text();
    expect(body).toContain('# TYPE podbrief_feed_polls_total counter');
    expect(body).toContain('# TYPE podbrief_job_duration_seconds histogram');
    expect(body).toContain('podbrief_process_resident_memory_bytes');
    expect(sample(body, 'podbrief_briefs')).toBe(0);
  });

  it('counts polls and job runs, and reads the store totals at scrape time', async () => {
    const { app, server } = running;
    await app.store.addFeed(`${http.origin}/show.xml`);
    await app.store.addFeed(`${http.origin}/missing.xml`);
    await pollFeeds(app, { all: true });
    const body = await (await fetch(server.url + '/metrics')).text();
    expect(sample(body, 'podbrief_feed_polls_total{outcome="updated"}')).toBe(1);
    expect(sample(body, 'podbrief_feed_polls_total{outcome="failed"}')).toBe(1);
    expect(sample(body, 'podbrief_jobs_total{job="refresh-feed",outcome="updated"}')).toBe(1);
    expect(sample(body, 'podbrief_job_duration_seconds_count{job="refresh-feed"}')).toBe(2);
    expect(sample(body, 'podbrief_feeds{status="active"}')).toBe(2);
    expect(sample(body, 'podbrief_feeds_failing{status="active"}')).toBe(1);
    expect(sample(body, 'podbrief_episodes{status="new"}')).toBe(2);

    app.metrics.registerQueueDepth(async () => ({ 'poll-feed': 7 }));
    const withQueue = await (await fetch(server.url + '/metrics')).text();
    expect(sample(withQueue, 'podbrief_queue_depth{queue="poll-feed"}')).toBe(7);
  });
});

describe('JSON logs', () => {
  const lines: Record<string, unknown>[] = [];
  let running: Awaited<ReturnType<typeof startApp>>;
  let http: LocalHttp;
  beforeAll(async () => {
    http = await startLocalHttp(() => ({}));
    running = await startApp(
      {},
      createLogger('debug', (l) => lines.push(JSON.parse(l) as Record<string, unknown>), 'json'),
    );
  });
  afterAll(async () => {
    await running?.close();
    await http?.close();
  });

  it("give each web request an id, the caller's X-Request-Id when it is a plain token, echoed and logged", async () => {
    const given = await fetch(running.server.url + '/healthz', { headers: { 'x-request-id': 'lb-7f3a-01' } });
    expect(given.headers.get('x-request-id')).toBe('lb-7f3a-01');
    const hostile = await fetch(running.server.url + '/nowhere', { headers: { 'x-request-id': 'a b <script>"' } });
    const fresh = hostile.headers.get('x-request-id');
    expect(fresh).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 'debug', msg: 'request', reqId: 'lb-7f3a-01', path: '/healthz', status: 200 }),
    );
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 'info', msg: 'request', reqId: fresh, path: '/nowhere', status: 404 }),
    );
  });

  it('give each job run its name and an id, on every line it logs', async () => {
    const { app } = running;
    const { feed } = await app.store.addFeed(`${http.origin}/gone.xml`);
    await pollFeeds(app, { all: true });
    const warned = lines.find((l) => l['level'] === 'warn' && String(l['msg']).startsWith(`feed ${feed.url}`));
    expect(warned).toMatchObject({ job: 'refresh-feed', jobId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(lines).toContainEqual(
      expect.objectContaining({ msg: 'job finished', job: 'refresh-feed', jobId: warned!['jobId'], outcome: 'failed' }),
    );
  });
});

describe('/metrics with METRICS_TOKEN', () => {
  let running: Awaited<ReturnType<typeof startApp>>;
  beforeAll(async () => {
    running = await startApp({ METRICS_TOKEN, ADMIN_TOKEN });
  });
  afterAll(async () => {
    await running?.close();
  });

  it('needs the Bearer token, even from loopback; ADMIN_TOKEN also opens it', async () => {
    const get = (authorization?: string) =>
      fetch(running.server.url + '/metrics', { headers: authorization ? { authorization } : {} });
    const none = await get();
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await get('Bearer not-the-token-at-all-0000')).status).toBe(401);
    expect((await get(`Basic ${Buffer.from(`x:${METRICS_TOKEN}`).toString('base64')}`)).status).toBe(401);
    expect((await get(`Bearer ${METRICS_TOKEN}`)).status).toBe(200);
    expect((await get(`Bearer ${ADMIN_TOKEN}`)).status).toBe(200);
  });
});

const postgres = (await testDialects()).find((d) => d.dialect === 'postgres')!;

describe.skipIf(postgres.skip)(`/readyz while PostgreSQL is unreachable (${postgres.label})`, () => {
  let db: TestDatabase;
  let proxy: TcpProxy;
  let running: Awaited<ReturnType<typeof startApp>>;
  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    const url = new URL(db.options.databaseUrl!);
    proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
    running = await startApp({
      DATABASE_URL: viaProxy(db.options.databaseUrl!, proxy.address),
      DATABASE_CONNECT_TIMEOUT_SECONDS: '1',
      DATABASE_STATEMENT_TIMEOUT_SECONDS: '1',
    });
  });
  afterEach(() => proxy.up());
  afterAll(async () => {
    await running?.close();
    await proxy?.close();
    await db?.dispose();
  });

  const readyz = async () => {
    const res = await fetch(running.server.url + '/readyz');
    return { status: res.status, text: await res.text() };
  };

  it('says 503 with the reason while the database is down, and ready again once it is back', async () => {
    expect(await readyz()).toEqual({ status: 200, text: 'ready\n' });
    proxy.down();
    const down = await readyz();
    expect(down.status).toBe(503);
    expect(down.text).toMatch(/^not ready: database: .+\n$/);
    expect(down.text.split('\n')).toHaveLength(2);
    proxy.up();
    expect(await readyz()).toEqual({ status: 200, text: 'ready\n' });
  });

  it('says 503 within its timeout while the connection is half-open', async () => {
    proxy.stall();
    const started = Date.now();
    const stalled = await readyz();
    expect(Date.now() - started).toBeLessThan(3000);
    expect(stalled).toEqual({ status: 503, text: expect.stringMatching(/^not ready: database: /) });
  });
});
