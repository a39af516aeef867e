import type { App } from '../../app.js';
import { suppressedBriefCounter } from '../suppressed-briefs.js';
import { startTicker, type Ticker } from '../ticker.js';
import { enqueueDue, type EnqueueDueDeps } from './enqueue-due.js';
import type { JobQueue } from './job-queue.js';
import { electLeader } from '../../store/index.js';

/** The advisory lock key the acting scheduler holds ("podb"). */
const SCHEDULER_LOCK_KEY = 0x706f_6462;

/**
 * The scheduler of scale mode: every process with the scheduler role runs one, and only the
 * one holding the scheduler lock queues work each SCHEDULER_INTERVAL_SECONDS; workers do it.
 * When that process dies, a standby takes the lock within SCHEDULER_FAILOVER_SECONDS.
 */
export function startQueueScheduler(
  app: EnqueueDueDeps & Pick<App, 'log'>,
  queue: JobQueue,
  opts: { now?: () => Date } = {},
): Ticker {
  const now = opts.now ?? (() => new Date());
  const countSuppressed = suppressedBriefCounter(app);
  const leadership = electLeader(app.config.databaseUrl, SCHEDULER_LOCK_KEY, {
    retryMs: app.config.schedulerFailoverSeconds * 1000,
    log: app.log,
    what: 'scheduler',
    // The new leader acts at once: the old one may have died just before its tick.
    onChange: (leading) => void (leading && ticker.tick()),
  });
  const ticker = startTicker(
    async () => {
      const queued = await enqueueDue(app, queue.enqueue, now(), countSuppressed);
      if (queued.feeds || queued.episodes || queued.briefs) app.log.info('scheduler queued jobs', { ...queued });
    },
    { intervalSeconds: app.config.schedulerIntervalSeconds, log: app.log, ready: () => leadership.leading },
  );
  return {
    tick: ticker.tick,
    async stop() {
      await ticker.stop();
      await leadership.stop();
    },
  };
}
