import type { App } from '../../app.js';
import { errorMessage } from '../../model/errors.js';
import { runJob } from '../../ops/index.js';
import { englishIdf, wink } from '../../text/index.js';
import { QUEUE_NAMES, type QueueName } from './job-definition.js';
import type { JobQueue } from './job-queue.js';
import { JOBS } from './jobs.js';
import { workerShowBoilerplate } from './worker-show-boilerplate.js';

/** The backstop polling of every slot but the first, while NOTIFY wakes them (pg-boss's default). */
const IDLE_SLOT_POLLING_SECONDS = 30;

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
  const ctx = { app, enqueue: queue.enqueue, showBoilerplate: workerShowBoilerplate() };
  // The language model and word table load on first use (about 0.5 s of CPU): before the first job,
  // not during it, so a worker that says it runs is ready and its first episodes are not late.
  if (names.includes('process-episode')) {
    wink();
    englishIdf('ready');
  }
  for (const name of names) {
    const job = JOBS[name];
    const groupConcurrency = job.groupConcurrency?.(app.config);
    const slots = opts.concurrency ?? job.concurrency(app.config);
    // One pg-boss worker (fetch loop) per slot, each knowing its own id, because pg-boss waits out
    // its polling interval after every job until its queue statistics (QUEUE_MONITOR_INTERVAL_SECONDS
    // old) show a backlog: a worker took one job per slot every 2 s while hundreds of feeds were due.
    // Instead a slot that takes a job wakes the next one (there may be more), and fetches again as
    // soon as its job is done; an empty fetch ends the chain.
    const ids: string[] = [];
    const wake = (slot: number) => {
      const id = ids[slot % slots];
      if (id) queue.boss.notifyWorker(id);
    };
    for (let slot = 0; slot < slots; slot++) {
      const id = await queue.boss.work<object>(
        name,
        {
          localConcurrency: 1,
          pollingIntervalSeconds: app.config.queuePollingIntervalSeconds,
          // NOTIFY wakes every slot when a job is queued; a job that becomes due by itself (a retry
          // after its delay) is found by the first slot's polling, which wakes the others in turn.
          // Idle slots polling every few seconds cost more database time than the jobs themselves.
          notifyPollingIntervalSeconds:
            slot === 0
              ? app.config.queuePollingIntervalSeconds
              : Math.max(app.config.queuePollingIntervalSeconds, IDLE_SLOT_POLLING_SECONDS),
          ...(groupConcurrency !== undefined && { groupConcurrency }),
        },
        async ([item]) => {
          if (!item) return undefined;
          if (slots > 1) wake(slot + 1);
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
            wake(slot);
          }
        },
      );
      ids.push(id);
    }
  }
  return names;
}
