import { sql, type DatabaseIntrospector, type Kysely } from 'kysely';
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
  const schema = await migrationSchema(db);
  const migrator = new Migrator({
    db: schema === undefined ? db : withSchemaTables(db, schema),
    provider,
    migrationTableSchema: schema,
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

/**
 * The Migrator asks whether its tables exist by listing the tables and columns of every schema in
 * the database; another schema's table dropped or altered meanwhile fails that listing (seen when
 * two test runs or two installations share a database). Here it lists this schema's tables only.
 */
function withSchemaTables(db: Kysely<any>, schema: string): Kysely<any> {
  const introspection: DatabaseIntrospector = {
    getSchemas: () => db.introspection.getSchemas(),
    getTables: async () => {
      const { rows } = await sql<{ name: string }>`
        select table_name as name from information_schema.tables where table_schema = ${schema}`.execute(db);
      return rows.map((r) => ({ name: r.name, schema, isView: false, isForeign: false, columns: [] }));
    },
  };
  return new Proxy(db, {
    get(target, key) {
      if (key === 'introspection') return introspection;
      const value: unknown = Reflect.get(target, key, target);
      // Kysely's methods read private fields: call them on the real instance, not the proxy.
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
