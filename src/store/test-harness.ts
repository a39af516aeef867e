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

export const testPostgresUrl =
  process.env['PODBRIEF_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  dialect: TestDialect;
  options: OpenStoreOptions;
  dataDir: string;
  dispose(): Promise<void>;
}

let probe: Promise<string | undefined> | undefined;

/** Why PostgreSQL tests must be skipped, or undefined when it is reachable. Throws on CI. */
export async function postgresSkipReason(): Promise<string | undefined> {
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
    { dialect: 'postgres', label: reason === undefined ? 'postgres' : `postgres, skipped: ${reason}`, skip: reason !== undefined },
  ];
}

export async function createTestDatabase(dialect: TestDialect): Promise<TestDatabase> {
  const dataDir = await mkdtemp(join(tmpdir(), 'podbrief-store-'));
  const removeDir = () => rm(dataDir, { recursive: true, force: true });
  if (dialect === 'sqlite') return { dialect, dataDir, options: { dataDir }, dispose: removeDir };

  const schema = `test_${randomBytes(6).toString('hex')}`;
  await admin(`create schema ${schema}`);
  const url = new URL(testPostgresUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    dialect,
    dataDir,
    options: { dataDir, databaseUrl: url.toString() },
    async dispose() {
      await admin(`drop schema if exists ${schema} cascade`);
      await removeDir();
    },
  };
}

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: testPostgresUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
