import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { errorMessage } from '../model/errors.js';
import type { OpenStoreOptions } from './open-store.js';

/**
 * Throwaway databases for tests of any stage that needs a real Store: a temp SQLite file or a
 * fresh PostgreSQL schema. No test framework here, so it stays importable from anywhere.
 */
export type TestDialect = 'sqlite' | 'postgres';

const testPostgresUrl = process.env['PODBRIEF_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

/** What a test store seals feed credentials with (a real store gets the app's secret). */
const TEST_CREDENTIAL_KEYS = ['test-secret-key'];

export interface TestDatabase {
  dialect: TestDialect;
  options: OpenStoreOptions;
  dataDir: string;
  dispose(): Promise<void>;
}

let probe: Promise<string | undefined> | undefined;

/** Why PostgreSQL tests must be skipped, or undefined when it is reachable. Throws on CI. */
async function postgresSkipReason(): Promise<string | undefined> {
  probe ??= (async () => {
    const client = new pg.Client({ connectionString: testPostgresUrl, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      return undefined;
    } catch (err) {
      return `PostgreSQL unreachable at ${testPostgresUrl}: ${errorMessage(err)}`;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  const reason = await probe;
  if (reason !== undefined && process.env['CI'] === 'true') throw new Error(`${reason} (required when CI=true)`);
  return reason;
}

/** The dialects to run a suite against; PostgreSQL is marked skipped (with why) when unreachable. */
export async function testDialects(): Promise<Array<{ dialect: TestDialect; label: string; skip: boolean }>> {
  const reason = await postgresSkipReason();
  return [
    { dialect: 'sqlite', label: 'sqlite', skip: false },
    {
      dialect: 'postgres',
      label: reason === undefined ? 'postgres' : `postgres, skipped: ${reason}`,
      skip: reason !== undefined,
    },
  ];
}

export async function createTestDatabase(dialect: TestDialect): Promise<TestDatabase> {
  const dataDir = await mkdtemp(join(tmpdir(), 'podbrief-store-'));
  const removeDir = () => rm(dataDir, { recursive: true, force: true });
  if (dialect === 'sqlite')
    return { dialect, dataDir, options: { dataDir, credentialKeys: TEST_CREDENTIAL_KEYS }, dispose: removeDir };

  const schema = `test_${randomBytes(6).toString('hex')}`;
  await admin(`create schema ${schema}`);
  const url = new URL(testPostgresUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    dialect,
    dataDir,
    options: { dataDir, databaseUrl: url.toString(), credentialKeys: TEST_CREDENTIAL_KEYS },
    async dispose() {
      // A run's own database goes at its end; dropping a schema now could fail another worker's migration.
      if (!process.env[RUN_DATABASE_ENV]) await admin(`drop schema if exists ${schema} cascade`);
      await removeDir();
    },
  };
}

/**
 * Set (to its name) when the test run has a PostgreSQL database of its own (test/global-setup.ts).
 * Kysely's Migrator reads the tables of every schema in the database, and fails now and then with
 * "schema … does not exist" when another run or worker drops a schema meanwhile; in a database of
 * its own, nothing is dropped until the run ends.
 */
export const RUN_DATABASE_ENV = 'PODBRIEF_TEST_RUN_DATABASE';

/**
 * A fresh database for one test run on the test server, with the URL to reach it and a way to drop
 * it; undefined when the server is unreachable or refuses (the run then shares the configured one).
 */
export async function createRunDatabase(): Promise<{ name: string; url: string; drop(): Promise<void> } | undefined> {
  const name = `podbrief_test_${randomBytes(6).toString('hex')}`;
  try {
    await admin(`create database ${name}`, 3000);
  } catch {
    return undefined;
  }
  const url = new URL(testPostgresUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

/**
 * Deletes every row a test left in a PostgreSQL test schema (keeping the schema and its migration
 * bookkeeping) and restarts its sequences, so the next test sees a freshly migrated database.
 * DELETE, children before parents: TRUNCATE rewrites every table and is slower on tiny ones.
 */
export async function emptyTestDatabase(db: TestDatabase): Promise<void> {
  if (db.dialect !== 'postgres') throw new Error('emptyTestDatabase: PostgreSQL only (SQLite tests get a fresh file)');
  const client = new pg.Client({ connectionString: db.options.databaseUrl });
  await client.connect();
  try {
    // One client runs one query at a time.
    const tables = await client.query<{ name: string }>(
      `select tablename as name from pg_tables where schemaname = current_schema() and tablename not like 'kysely\\_%'`,
    );
    const references = await client.query<{ child: string; parent: string }>(
      `select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent from pg_constraint c
       join pg_namespace n on n.oid = c.connamespace where c.contype = 'f' and n.nspname = current_schema()`,
    );
    const sequences = await client.query<{ name: string }>(
      `select sequencename as name from pg_sequences where schemaname = current_schema()`,
    );
    const order = childrenFirst(
      tables.rows.map((r) => r.name),
      references.rows,
    );
    const statements = [
      ...order.map((t) => `delete from ${client.escapeIdentifier(t)}`),
      ...sequences.rows.map((s) => `alter sequence ${client.escapeIdentifier(s.name)} restart`),
    ];
    if (statements.length > 0) await client.query(statements.join(';\n'));
  } finally {
    await client.end();
  }
}

/** Tables ordered so that each comes before every table it references. */
function childrenFirst(tables: string[], references: { child: string; parent: string }[]): string[] {
  const done = new Set<string>();
  const order: string[] = [];
  const visit = (table: string, path: Set<string>): void => {
    if (done.has(table) || path.has(table)) return;
    path.add(table);
    // Everything that references `table` goes first.
    for (const r of references) if (r.parent === table && r.child !== table) visit(r.child, path);
    path.delete(table);
    done.add(table);
    order.push(table);
  };
  for (const t of tables) visit(t, new Set());
  return order;
}

async function admin(statement: string, connectionTimeoutMillis?: number): Promise<void> {
  const client = new pg.Client({
    connectionString: testPostgresUrl,
    ...(connectionTimeoutMillis ? { connectionTimeoutMillis } : {}),
  });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
