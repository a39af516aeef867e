import type { Command } from 'commander';
import { directorySearchOptionsFrom, type App } from '../../app.js';
import type { Config } from '../../config/index.js';
import { searchDirectories, type DirectoryResult, type DirectorySearchOptions } from '../../feeds/index.js';
import { startScheduler } from '../../jobs/index.js';
import type { JobQueue } from '../../jobs/queue/index.js';
import { isScaleMode } from '../../jobs/queue/scale-mode.js';
import { AppError } from '../../model/errors.js';
import { startWebServer } from '../../web/index.js';
import { commaList } from '../comma-list.js';
import { untilStopSignal, withApp, type GlobalOptions } from '../context.js';
import { positiveInt } from './local-files.js';

const ROLES = ['web', 'scheduler', 'worker'] as const;
type Role = (typeof ROLES)[number];

export function serveCommand(program: Command): void {
  program
    .command('serve')
    .description('run the web page and the scheduler (polls feeds, sends each brief at its delivery hour)')
    .option('--port <port>', 'port (default: PORT)', (v) => positiveInt(v, '--port'))
    .option('--host <host>', 'address to bind (default: HOST)')
    .option(
      '--roles <roles>',
      'what this process does, comma-separated: web, scheduler, worker (with PostgreSQL, workers run the queued jobs)',
      (v) => commaList(v, ROLES, '--roles'),
      [...ROLES],
    )
    .option('--no-scheduler', 'serve the web page only (same as leaving scheduler out of --roles)')
    .action(async (opts: { port?: number; host?: string; roles: Role[]; scheduler: boolean }) => {
      const roles = new Set(opts.roles.filter((r) => r !== 'scheduler' || opts.scheduler));
      await withApp(program.opts<GlobalOptions>(), async (app) => {
        const scale = isScaleMode(app.config);
        if (!scale && roles.has('worker') && !roles.has('scheduler'))
          throw new AppError(
            'needs_postgres',
            'the worker role takes jobs from the queue in PostgreSQL: set DATABASE_URL to a postgres:// URL (with SQLite the scheduler role does the work in-process)',
          );
        // pg-boss is loaded only by the processes that use the queue.
        const queue =
          scale && (roles.has('scheduler') || roles.has('worker'))
            ? await (await import('../../jobs/queue/index.js')).openJobQueue(app)
            : undefined;
        const running = await startRoles(app, roles, queue, opts).catch(async (err: unknown) => {
          await queue?.stop();
          throw err;
        });
        // Listening before the banner: a supervisor that stops us on seeing it must not hit the default (kill).
        const stopped = untilStopSignal();
        console.log(running.banner);
        const signal = await stopped;
        app.log.info(`${signal}: stopping`);
        await running.stop();
      });
    });
}

async function startRoles(
  app: App,
  roles: ReadonlySet<Role>,
  queue: JobQueue | undefined,
  opts: { port?: number; host?: string },
): Promise<{ banner: string; stop(): Promise<void> }> {
  const server = roles.has('web')
    ? await startWebServer(app, {
        host: opts.host ?? app.config.host,
        port: opts.port ?? app.config.port,
        account: { searchDirectories: webDirectorySearch(app.config) },
      })
    : undefined;
  const jobs = queue && (await import('../../jobs/queue/index.js'));
  const scheduler = !roles.has('scheduler')
    ? undefined
    : jobs && queue
      ? jobs.startQueueScheduler(app, queue)
      : startScheduler(app, { intervalSeconds: app.config.schedulerIntervalSeconds });
  const queues = jobs && queue && roles.has('worker') ? await jobs.startWorker(app, queue) : [];
  const parts = [
    scheduler && (queue ? 'the scheduler (queuing jobs while it holds the scheduler lock)' : 'the scheduler running'),
    queues.length > 0 && `a worker for ${queues.join(', ')}`,
  ].filter(Boolean);
  const what = server ? `Podbrief is serving ${server.url}` : 'Podbrief is running';
  return {
    banner: `${what}${parts.length ? ` with ${parts.join(' and ')}` : ''} (Ctrl-C to stop)`,
    async stop() {
      await scheduler?.stop();
      // Running jobs get WORKER_STOP_TIMEOUT_SECONDS to finish; the rest go back to the queue.
      await queue?.stop();
      await server?.close();
    },
  };
}

const WEB_DIRECTORY_TIMEOUT_MS = 5_000;

/** The web's follow-a-show search asks the directories once (no retries): a slow directory only hides its list. */
function webDirectorySearch(config: Config): (query: string) => Promise<DirectoryResult[]> {
  const opts = directorySearchOptionsFrom(config, 8);
  const once = { maxRetries: 0 };
  // A page waits at most 5 s for the directories, whatever FETCH_TIMEOUT_SECONDS says.
  const fetch = {
    ...opts.itunes.fetch,
    timeoutMs: Math.min(opts.itunes.fetch?.timeoutMs ?? WEB_DIRECTORY_TIMEOUT_MS, WEB_DIRECTORY_TIMEOUT_MS),
    connectTimeoutMs: Math.min(
      opts.itunes.fetch?.connectTimeoutMs ?? WEB_DIRECTORY_TIMEOUT_MS,
      WEB_DIRECTORY_TIMEOUT_MS,
    ),
  };
  const search: DirectorySearchOptions = {
    ...opts,
    itunes: { ...opts.itunes, fetch, retry: once },
    ...(opts.podcastIndex && { podcastIndex: { ...opts.podcastIndex, fetch, retry: once } }),
  };
  return async (query) => (await searchDirectories(query, search)).results;
}
