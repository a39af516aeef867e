import type { App } from '../../app.js';
import { errorMessage } from '../../model/errors.js';
import { runJob } from '../../ops/index.js';
import { QUEUE_NAMES, type QueueName } from './job-definition.js';
import type { JobQueue } from './job-queue.js';
import { JOBS } from './jobs.js';

export interface WorkerOptions {
  /** The queues to take jobs from; all by default. */
  queues?: readonly QueueName[];
  /** Jobs of each queue run at once in this process; else each job's configured concurrency. */
  concurrency?: number;
}

/**
 * Takes jobs from the queues and runs each job's task. A job that throws is retried by the queue
 * with its backoff; one whose process dies stops sending heartbeats and is retried on another worker.
 */
export async function startWorker(app: App, queue: JobQueue, opts: WorkerOptions = {}): Promise<QueueName[]> {
  const names = [...(opts.queues ?? QUEUE_NAMES)];
  const ctx = { app, enqueue: queue.enqueue };
  for (const name of names) {
    const job = JOBS[name];
    const groupConcurrency = job.groupConcurrency?.(app.config);
    const slots = opts.concurrency ?? job.concurrency(app.config);
    // One pg-boss worker (fetch loop) per slot, so each knows its own id: a slot that just ran a job
    // fetches again at once, as there is likely more. pg-boss would otherwise wait out its polling
    // interval after every job until its queue statistics (refreshed every
    // QUEUE_MONITOR_INTERVAL_SECONDS) show a backlog: a worker took a job per slot every 2 s while
    // hundreds of feeds were due.
    for (let slot = 0; slot < slots; slot++) {
      let workerId: string | undefined;
      workerId = await queue.boss.work<object>(
        name,
        {
          localConcurrency: 1,
          pollingIntervalSeconds: app.config.queuePollingIntervalSeconds,
          notifyPollingIntervalSeconds: app.config.queuePollingIntervalSeconds,
          ...(groupConcurrency !== undefined && { groupConcurrency }),
        },
        async ([item]) => {
          if (!item) return undefined;
          try {
            return await runJob(app, { name, id: item.id }, async (log) => {
              try {
                return await job.run({ ...ctx, app: { ...app, log } }, item.data, {
                  now: new Date(),
                  retryCount: item.retryCount,
                });
              } catch (err) {
                log.warn(`${name} job failed (attempt ${item.retryCount + 1}): ${errorMessage(err)}`);
                throw err;
              }
            });
          } finally {
            if (workerId) queue.boss.notifyWorker(workerId);
          }
        },
      );
    }
  }
  return names;
}
