import type { Command } from 'commander';
import { directorySearchOptionsFrom, postgresTimeoutsFrom } from '../../app.js';
import { configDocsMarkdown, describeConfig, type Config } from '../../config/index.js';
import { searchDirectories, type DirectoryResult, type DirectorySearchOptions } from '../../feeds/index.js';
import { startScheduler } from '../../jobs/index.js';
import { openDatabase, migrateToLatest } from '../../store/index.js';
import { startWebServer } from '../../web/index.js';
import { loadGlobalConfig, withApp, type GlobalOptions } from '../context.js';
import { positiveInt } from './local-files.js';

export function adminCommands(program: Command): void {
  program
    .command('migrate')
    .description('apply database migrations (they also run automatically at start)')
    .action(async () => {
      const config = loadGlobalConfig(program);
      const { db, dialect } = await openDatabase({
        databaseUrl: config.databaseUrl || undefined,
        dataDir: config.dataDir,
        postgresTimeouts: postgresTimeoutsFrom(config),
      });
      try {
        const ran = await migrateToLatest(db);
        for (const m of ran) console.log(`${m.status.padEnd(8)} ${m.name}`);
        console.log(
          ran.length === 0 ? `${dialect} database already at the latest schema` : `${dialect} database migrated`,
        );
      } finally {
        await db.destroy();
      }
    });

  const config = program.command('config').description('show configuration');
  config
    .command('show', { isDefault: true })
    .description('print the effective configuration (secrets masked)')
    .action(() => console.log(describeConfig(loadGlobalConfig(program))));
  config
    .command('docs')
    .description('print every option as a Markdown table')
    .action(() => console.log(configDocsMarkdown()));

  program
    .command('serve')
    .description('run the web page and the scheduler (polls feeds, sends each brief at its delivery hour)')
    .option('--port <port>', 'port (default: PORT)', (v) => positiveInt(v, '--port'))
    .option('--host <host>', 'address to bind (default: HOST)')
    .option('--no-scheduler', 'serve the web page only')
    .action(async (opts: { port?: number; host?: string; scheduler: boolean }) => {
      await withApp(program.opts<GlobalOptions>(), async (app) => {
        const server = await startWebServer(app, {
          host: opts.host ?? app.config.host,
          port: opts.port ?? app.config.port,
          account: { searchDirectories: webDirectorySearch(app.config) },
        });
        const scheduler = opts.scheduler ? startScheduler(app) : undefined;
        console.log(
          `Podbrief is serving ${server.url}${scheduler ? ' with the scheduler running' : ''} (Ctrl-C to stop)`,
        );
        await new Promise<void>((resolve) => {
          process.once('SIGINT', resolve);
          process.once('SIGTERM', resolve);
        });
        await scheduler?.stop();
        await server.close();
      });
    });
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
