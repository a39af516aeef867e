import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { invokeCli } from './run-cli.js';

describe('podbrief worker and serve --roles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'podbrief-roles-'));
  const env = { DATA_DIR: dir, DATABASE_URL: '' };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a worker needs the queue in PostgreSQL: with SQLite it says so and exits 1', async () => {
    const res = await invokeCli(['worker'], env);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/^podbrief: podbrief worker takes jobs from the queue in PostgreSQL: set DATABASE_URL/);
    const alone = await invokeCli(['serve', '--roles', 'worker'], env);
    expect(alone.code).toBe(1);
    expect(alone.stderr).toMatch(/the worker role takes jobs from the queue in PostgreSQL/);
  });

  it('unknown queues and roles are refused, naming the ones there are', async () => {
    const queues = await invokeCli(['worker', '--queues', 'poll-feed,nope'], env);
    expect(queues.code).toBe(1);
    expect(queues.stderr).toContain(
      '--queues: expected some of poll-feed, process-episode, send-brief, expire-sign-ups, upgrade-insights, got "poll-feed,nope"',
    );
    const roles = await invokeCli(['serve', '--roles', 'web,cron'], env);
    expect(roles.code).toBe(1);
    expect(roles.stderr).toContain('--roles: expected some of web, scheduler, worker, got "web,cron"');
    const concurrency = await invokeCli(['worker', '--concurrency', '0'], env);
    expect(concurrency.code).toBe(1);
    expect(concurrency.stderr).toContain('--concurrency must be a positive whole number');
  });
});
