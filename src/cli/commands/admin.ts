import type { Command } from 'commander';
import { postgresTimeoutsFrom } from '../../app.js';
import { configDocsMarkdown, describeConfig } from '../../config/index.js';
import { openDatabase, migrateToLatest } from '../../store/index.js';
import { loadGlobalConfig } from '../context.js';

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
}
