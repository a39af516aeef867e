import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { openJobQueue } from '../../src/jobs/queue/index.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../../src/store/test-harness.js';
import { startCli, type CliProcess } from '../helpers/cli-process.js';
import { startFeedFarm, type FeedFarm } from '../helpers/feed-farm.js';

const postgres = (await testDialects()).find((d) => d.dialect === 'postgres')!;

/**
 * Scale mode on a real PostgreSQL: worker and scheduler processes of the real CLI share one job
 * queue (pg-boss) and the feeds of a loopback host that counts every request.
 */
describe.skipIf(postgres.skip)(`jobs on the queue, several processes (${postgres.label})`, () => {
  let db: TestDatabase;
  let app: App;
  let farm: FeedFarm;
  let env: Record<string, string>;
  const queueSchema = `queue_${randomBytes(5).toString('hex')}`;
  const workers: CliProcess[] = [];
  const schedulers: CliProcess[] = [];
  let added = 0;

  const sql = async <T extends pg.QueryResultRow>(text: string): Promise<T[]> => {
    const client = new pg.Client({ connectionString: env['DATABASE_URL'] });
    await client.connect();
    try {
      return (await client.query<T>(text)).rows;
    } finally {
      await client.end();
    }
  };
  const addFeeds = async (n: number) => {
    for (const url of farm.feedUrls.slice(added, added + n)) await app.store.addFeed(url);
    added += n;
  };
  const requestsOf = (from: number, to: number) =>
    farm.feedUrls.slice(from, to).map((u) => farm.feedRequests.get(new URL(u).pathname) ?? 0);
  /**
   * The episodes that process-episode jobs extracted, by how many jobs did: each must be 1. (A job
   * whose heartbeat lapsed under load loses its output, so fewer may be counted, never more.)
   */
  const extractionsPerEpisode = async () =>
    (
      await sql<{ n: string }>(
        `select count(*) as n from ${queueSchema}.job where name = 'process-episode' and output->>'status' = 'extracted' group by output->>'episodeId'`,
      )
    ).map((r) => Number(r.n));
  const outbox = () =>
    existsSync(join(db.dataDir, 'outbox'))
      ? readdirSync(join(db.dataDir, 'outbox')).filter((f) => f.endsWith('.eml'))
      : [];
  const allExtracted = async (n: number) => {
    const episodes = (
      await Promise.all((await app.store.listFeeds()).map((f) => app.store.episodesByFeed(f.id)))
    ).flat();
    expect(episodes).toHaveLength(n);
    expect(episodes.filter((e) => e.status === 'extracted')).toHaveLength(n);
  };

  beforeAll(async () => {
    farm = await startFeedFarm({ feeds: 40 });
    db = await createTestDatabase('postgres');
    env = {
      DATABASE_URL: db.options.databaseUrl!,
      DATA_DIR: db.dataDir,
      QUEUE_SCHEMA: queueSchema,
      ALLOW_PRIVATE_NETWORKS: 'true',
      SECRET_KEY: 'scale-out-test-secret-key',
      LOG_LEVEL: 'info',
      SCHEDULER_INTERVAL_SECONDS: '1',
      SCHEDULER_FAILOVER_SECONDS: '1',
      QUEUE_POLLING_INTERVAL_SECONDS: '1',
      QUEUE_HEARTBEAT_SECONDS: '10',
      QUEUE_MONITOR_INTERVAL_SECONDS: '1',
      WORKER_POLL_FEED_CONCURRENCY: '2',
      POLL_PER_HOST_CONCURRENCY: '64',
      WORKER_STOP_TIMEOUT_SECONDS: '20',
    };
    // The store's migrations and the queue's schema, once, before the processes start.
    app = await createApp(loadConfig({ env }));
    const queue = await openJobQueue(app);
    await queue.stop();
    for (let i = 0; i < 3; i++) workers.push(startCli(['worker'], env));
    for (let i = 0; i < 2; i++) schedulers.push(startCli(['serve', '--roles', 'scheduler'], env));
    await Promise.all([...workers, ...schedulers].map((p) => p.waitFor(/Podbrief (worker|is running)/, 180_000)));
  }, 240_000);

  afterAll(async () => {
    for (const p of [...workers, ...schedulers]) p.child.kill('SIGKILL');
    await Promise.all([...workers, ...schedulers].map((p) => p.exited));
    await app?.close();
    await farm?.close();
    if (env) await sql(`drop schema if exists ${queueSchema} cascade`);
    await db?.dispose();
  });

  it('three workers share the feeds: each feed is fetched once and each episode extracted once', {
    timeout: 90_000,
  }, async () => {
    farm.hold();
    await addFeeds(12);
    // Two poll-feed jobs at a time per worker: six requests waiting means all three are at work.
    await vi.waitFor(() => expect(farm.pendingFeeds).toBe(6), { timeout: 30_000, interval: 100 });
    farm.release();
    await vi.waitFor(() => allExtracted(12), { timeout: 60_000, interval: 250 });
    expect(requestsOf(0, 12)).toEqual(Array(12).fill(1));
    expect(farm.transcriptRequests).toBe(12);
    expect(new Set(await extractionsPerEpisode())).toEqual(new Set([1]));
    expect((await app.store.insightsSince(new Date(0))).length).toBeGreaterThan(0);
  });

  it('each subscriber gets one brief a day across the fleet', { timeout: 90_000 }, async () => {
    const emails = ['ada@example.com', 'grace@example.com', 'edsger@example.com'];
    for (const email of emails) await app.store.addUser({ email, interests: [], timezone: 'UTC', deliveryHour: 0 });
    await vi.waitFor(() => expect(outbox()).toHaveLength(3), { timeout: 60_000, interval: 250 });
    // The acting scheduler queues every due subscriber each second: a few more ticks send nothing more.
    await new Promise((r) => setTimeout(r, 4000));
    expect(outbox()).toHaveLength(3);
    const jobs = await sql<{ state: string }>(`select state from ${queueSchema}.job where name = 'send-brief'`);
    expect(jobs.map((j) => j.state)).toEqual(['completed', 'completed', 'completed']);
    const deliveries = await app.store.listDeliveries(10);
    expect(deliveries.map((d) => d.status)).toEqual(['sent', 'sent', 'sent']);
  });

  it('a worker killed mid-job: its jobs finish on the others', { timeout: 90_000 }, async () => {
    farm.hold();
    await addFeeds(6);
    await vi.waitFor(() => expect(farm.pendingFeeds).toBe(6), { timeout: 30_000, interval: 100 });
    workers[0]!.child.kill('SIGKILL');
    await workers[0]!.exited;
    farm.release();
    // The dead worker's two jobs stop sending heartbeats and are retried on the two left.
    await vi.waitFor(() => allExtracted(18), { timeout: 60_000, interval: 250 });
    const requests = requestsOf(12, 18);
    expect(requests.reduce((a, b) => a + b, 0)).toBe(8);
    expect(requests.filter((n) => n === 2)).toHaveLength(2);
    expect(farm.transcriptRequests).toBe(18);
    expect(new Set(await extractionsPerEpisode())).toEqual(new Set([1]));
  });

  it('the scheduler process killed: another takes over', { timeout: 90_000 }, async () => {
    const leader = schedulers.find((s) => /now the scheduler/.test(s.output()))!;
    const standby = schedulers.find((s) => s !== leader)!;
    expect(leader).toBeDefined();
    expect(standby.output()).not.toMatch(/now the scheduler/);
    leader.child.kill('SIGKILL');
    await leader.exited;
    await standby.waitFor(/now the scheduler/, 20_000);
    await addFeeds(2);
    await vi.waitFor(() => allExtracted(20), { timeout: 60_000, interval: 250 });
    expect(requestsOf(18, 20)).toEqual([1, 1]);
  });

  it('a worker stopped with SIGTERM finishes its running job first', { timeout: 90_000 }, async () => {
    const worker = workers[1]!;
    farm.hold();
    await addFeeds(1);
    await vi.waitFor(() => expect(farm.pendingFeeds).toBe(1), { timeout: 30_000, interval: 100 });
    // Whichever worker has the job, the one stopped takes nothing new and waits for what it runs.
    worker.child.kill('SIGTERM');
    await worker.waitFor(/SIGTERM/, 10_000);
    farm.release();
    expect(await worker.exited).toBe(0);
    await vi.waitFor(() => allExtracted(21), { timeout: 60_000, interval: 250 });
    expect(requestsOf(20, 21)).toEqual([1]);
  });
});
