import { sql, type Kysely } from 'kysely';
import { Migrator, type MigrationProvider } from 'kysely/migration';
import { AppError, errorMessage } from '../model/errors.js';
import { dialectOf } from './dialect.js';
import { migrations } from './migrations/index.js';
import { writeTransaction } from './transaction.js';

export interface MigrationOutcome {
  name: string;
  status: 'applied' | 'failed' | 'skipped';
}

const provider: MigrationProvider = {
  getMigrations: async () => migrations,
};

/**
 * Applies every pending migration and returns what ran (empty when already up to date).
 * Throws `AppError('migration_failed')` naming the migration that failed.
 */
export async function migrateToLatest(db: Kysely<any>): Promise<MigrationOutcome[]> {
  if (dialectOf(db) === 'postgres') return runMigrator(db);
  // Kysely assumes one connection per SQLite file and takes no lock; BEGIN IMMEDIATE makes a
  // second process wait instead of creating the same tables, and rolls back a failed migration.
  return writeTransaction(db, runMigrator);
}

async function runMigrator(db: Kysely<any>): Promise<MigrationOutcome[]> {
  const migrator = new Migrator({
    db,
    provider,
    migrationTableSchema: await migrationSchema(db),
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  const outcomes = results.map(
    (r): MigrationOutcome => ({
      name: r.migrationName,
      status: r.status === 'Success' ? 'applied' : r.status === 'Error' ? 'failed' : 'skipped',
    }),
  );
  if (error !== undefined) {
    const failed = outcomes.find((o) => o.status === 'failed')?.name;
    const where = failed === undefined ? '' : ` in ${failed}`;
    throw new AppError('migration_failed', `Database migration failed${where}: ${errorMessage(error)}`, {
      cause: error,
    });
  }
  return outcomes;
}

/**
 * On PostgreSQL the Migrator looks for its bookkeeping tables in every schema unless told
 * which one, so a second Podbrief schema in the same database would be mistaken for this one.
 */
async function migrationSchema(db: Kysely<any>): Promise<string | undefined> {
  if (dialectOf(db) !== 'postgres') return undefined;
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  if (!schema) {
    throw new AppError('migration_failed', 'PostgreSQL has no current schema: check search_path');
  }
  return schema;
}
