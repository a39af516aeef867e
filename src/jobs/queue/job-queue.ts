import { PgBoss } from 'pg-boss';
import type { App } from '../../app.js';
import { errorMessage } from '../../model/errors.js';
import type { Enqueue } from './job-definition.js';
import { JOBS } from './jobs.js';

/** The job queue of scale mode: pg-boss in its own schema of the PostgreSQL database. */
export interface JobQueue {
  boss: PgBoss;
  enqueue: Enqueue;
  /** Takes no new jobs, waits up to `timeoutMs` for running ones (the rest are retried elsewhere), disconnects. */
  stop(timeoutMs?: number): Promise<void>;
}

/**
 * Connects to the queue (installing its schema and queues on first use) and starts its maintenance;
 * /readyz then checks the queue answers, and /metrics reports each queue's waiting jobs.
 */
export async function openJobQueue(app: Pick<App, 'config' | 'log' | 'readiness' | 'metrics'>): Promise<JobQueue> {
  const { config, log } = app;
  const boss = new PgBoss({
    connectionString: config.databaseUrl,
    schema: config.queueSchema,
    // The queue's own bookkeeping (a job queued, taken, finished) does not wait for its WAL flush,
    // which cost a disk sync or three per job. A database crash can lose the last fraction of a
    // second of it: a job finished again is skipped by its own check of the store, and one whose
    // queuing was lost is queued again by the next scheduler tick, as the store still shows the feed,
    // episode or brief due. What the jobs write to the store stays synchronous.
    options: '-c synchronous_commit=off',
    // Workers wake on NOTIFY when a job is queued; polling is the fallback.
    useListenNotify: true,
    // Our scheduler queues jobs itself (one leader, advisory lock): pg-boss's cron is not used.
    schedule: false,
    // Heartbeats are checked and queue depths refreshed at this pace (workers burst on a backlog).
    monitorIntervalSeconds: config.queueMonitorIntervalSeconds,
    superviseIntervalSeconds: config.queueMonitorIntervalSeconds,
    queueCacheIntervalSeconds: config.queueMonitorIntervalSeconds,
  });
  boss.on('error', (err) => log.error(`job queue: ${errorMessage(err)}`));
  await boss.start();
  for (const job of Object.values(JOBS))
    await boss.createQueue(job.name, { ...job.queue, heartbeatSeconds: config.queueHeartbeatSeconds, notify: true });

  const names = Object.values(JOBS).map((job) => job.name);
  app.readiness.add('queue', async () => {
    await boss.getQueue(JOBS['poll-feed'].name);
  });
  app.metrics.registerQueueDepth(async () =>
    Object.fromEntries((await boss.getQueues(names)).map((q) => [q.name, q.queuedCount])),
  );

  const enqueue: Enqueue = async (job, items) => {
    if (items.length === 0) return 0;
    const ids = await boss.insert(
      job.name,
      items.map((data) => ({
        data,
        singletonKey: job.key(data),
        ...(job.id && { id: job.id(data) }),
        ...(job.group && { group: { id: job.group(data) } }),
      })),
      { returnId: true },
    );
    return ids?.length ?? 0;
  };
  return {
    boss,
    enqueue,
    stop: (timeoutMs = config.workerStopTimeoutSeconds * 1000) =>
      boss.stop({ graceful: true, close: true, timeout: timeoutMs }),
  };
}
