import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects, type TestDatabase } from '../../src/store/test-harness.js';
import { startCli, type CliProcess } from '../helpers/cli-process.js';

const postgres = (await testDialects()).find((d) => d.dialect === 'postgres')!;

describe.skipIf(postgres.skip)(
  `a worker-only process serves its own /metrics on METRICS_PORT (${postgres.label})`,
  () => {
    let db: TestDatabase;
    let dataDir: string;
    let worker: CliProcess | undefined;
    beforeAll(async () => {
      db = await createTestDatabase('postgres');
      dataDir = mkdtempSync(join(tmpdir(), 'podbrief-worker-metrics-'));
    });
    afterAll(async () => {
      if (worker && worker.child.exitCode === null) {
        worker.child.kill('SIGTERM');
        await worker.exited;
      }
      await db?.dispose();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    it('answers /readyz and /metrics with the queues it watches, and stops with the worker', async () => {
      worker = startCli(['worker', '--queues', 'poll-feed'], {
        DATA_DIR: dataDir,
        DATABASE_URL: db.options.databaseUrl!,
        QUEUE_SCHEMA: 'pgboss_metrics_test',
        HOST: '127.0.0.1',
        METRICS_PORT: '0',
        LOG_LEVEL: 'warn',
      });
      // METRICS_PORT 0 means none: the banner names no metrics address.
      await worker.waitFor(/Podbrief worker running jobs from poll-feed \(Ctrl-C to stop\)/, 90_000);
      worker.child.kill('SIGTERM');
      expect(await worker.exited).toBe(0);

      worker = startCli(['worker', '--queues', 'poll-feed'], {
        DATA_DIR: dataDir,
        DATABASE_URL: db.options.databaseUrl!,
        QUEUE_SCHEMA: 'pgboss_metrics_test',
        HOST: '127.0.0.1',
        METRICS_PORT: String(await freePort()),
        LOG_LEVEL: 'warn',
      });
      await worker.waitFor(/\/metrics on (http:\/\/127\.0\.0\.1:\d+)/, 90_000);
      const url = /\/metrics on (http:\/\/127\.0\.0\.1:\d+)/.exec(worker.output())![1]!;
      const ready = await fetch(`${url}/readyz`);
      expect(await ready.text()).toBe('ready\n');
      const metrics = await fetch(`${url}/metrics`);
      expect(metrics.status).toBe(200);
      const body = await metrics.text();
      expect(body).toMatch(/^podbrief_queue_depth\{queue="poll-feed"\} 0$/m);
      expect(body).toContain('# TYPE podbrief_job_duration_seconds histogram');
      // Through a proxy (a forwarding header) and without METRICS_TOKEN, /metrics is refused.
      expect((await fetch(`${url}/metrics`, { headers: { 'X-Forwarded-For': '203.0.113.9' } })).status).toBe(401);

      worker.child.kill('SIGTERM');
      expect(await worker.exited).toBe(0);
      await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    });
  },
);

/** A port nothing listens on right now (the worker binds it a moment later). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
