import type { Command } from 'commander';
import { QUEUE_NAMES } from '../../jobs/queue/job-definition.js';
import { isScaleMode } from '../../jobs/queue/scale-mode.js';
import { AppError } from '../../model/errors.js';
import { startOperationsServer } from '../../web/index.js';
import { commaList } from '../comma-list.js';
import { untilStopSignal, withApp, type GlobalOptions } from '../context.js';
import { positiveInt } from './local-files.js';

export function workerCommand(program: Command): void {
  program
    .command('worker')
    .description(
      'run queued jobs (PostgreSQL only): poll feeds, process episodes, send briefs; start as many as needed',
    )
    .option('--queues <names>', `queues to take jobs from, comma-separated (default: all of ${QUEUE_NAMES.join(', ')})`)
    .option('--concurrency <n>', "jobs of each queue run at once (default: each queue's WORKER_*_CONCURRENCY)", (v) =>
      positiveInt(v, '--concurrency'),
    )
    .action(async (opts: { queues?: string; concurrency?: number }) => {
      const queues = opts.queues === undefined ? undefined : commaList(opts.queues, QUEUE_NAMES, '--queues');
      await withApp(program.opts<GlobalOptions>(), async (app) => {
        if (!isScaleMode(app.config))
          throw new AppError(
            'needs_postgres',
            'podbrief worker takes jobs from the queue in PostgreSQL: set DATABASE_URL to a postgres:// URL',
          );
        const { openJobQueue, startWorker } = await import('../../jobs/queue/index.js');
        const queue = await openJobQueue(app);
        const ops =
          app.config.metricsPort > 0
            ? await startOperationsServer(app, { host: app.config.host, port: app.config.metricsPort }).catch(
                async (err: unknown) => {
                  await queue.stop();
                  throw err;
                },
              )
            : undefined;
        try {
          const names = await startWorker(app, queue, {
            ...(queues && { queues }),
            ...(opts.concurrency !== undefined && { concurrency: opts.concurrency }),
          });
          const metrics = ops ? `; /metrics on ${ops.url}` : '';
          // Listening before the banner: a supervisor that stops us on seeing it must not hit the default (kill).
          const stopped = untilStopSignal();
          console.log(`Podbrief worker running jobs from ${names.join(', ')}${metrics} (Ctrl-C to stop)`);
          const signal = await stopped;
          app.log.info(`${signal}: finishing running jobs`);
        } finally {
          // Running jobs get WORKER_STOP_TIMEOUT_SECONDS to finish; the rest go back to the queue.
          await queue.stop();
          await ops?.close();
        }
      });
    });
}
