import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DatabaseSync } from 'node:sqlite';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { AppError, errorMessage } from '../model/errors.js';
import { redactUrl, type DatabaseTarget } from './database-url.js';
import {
  defaultPostgresTimeouts,
  discardingTimedOut,
  postgresPoolConfig,
  type PostgresTimeouts,
} from './postgres-pool.js';
import { kyselySqliteDatabase, nodeSqlite } from './node-sqlite.js';
import type { Database } from './schema.js';

const BUSY_TIMEOUT_MS = 5000;

/** Opens a Kysely instance for the target and checks the connection works. */
export async function connect(
  target: DatabaseTarget,
  timeouts: PostgresTimeouts = defaultPostgresTimeouts,
): Promise<Kysely<Database>> {
  return target.dialect === 'sqlite' ? connectSqlite(target.path) : connectPostgres(target.url, timeouts);
}

async function connectSqlite(path: string): Promise<Kysely<Database>> {
  let database: DatabaseSync | undefined;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const { DatabaseSync } = nodeSqlite();
    database = new DatabaseSync(path, { timeout: BUSY_TIMEOUT_MS });
    await switchToWal(database);
    // FULL: a delivery marked 'sent' must survive power loss, or a restart would email twice.
    // The write volume (a few polls and briefs an hour) makes the extra fsync negligible.
    database.exec('pragma synchronous = FULL');
    database.exec('pragma foreign_keys = ON');
    database.exec(`pragma busy_timeout = ${BUSY_TIMEOUT_MS}`);
    return new Kysely<Database>({ dialect: new SqliteDialect({ database: kyselySqliteDatabase(database) }) });
  } catch (err) {
    if (database?.isOpen) database.close();
    throw new AppError('database_unavailable', `Cannot open SQLite database ${path}: ${errorMessage(err)}`, {
      cause: err,
    });
  }
}

/**
 * Switching a file not yet in WAL mode (a new one) while another process writes to it, or switches
 * it too, would deadlock: SQLite answers SQLITE_BUSY at once instead of waiting out the busy
 * timeout. Retry within that timeout; once one process has switched, the file stays in WAL mode.
 */
async function switchToWal(database: DatabaseSync): Promise<void> {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  for (;;) {
    try {
      database.exec('pragma journal_mode = WAL');
      return;
    } catch (err) {
      if (!isBusy(err) || Date.now() >= deadline) throw err;
      await sleep(10 + Math.random() * 40);
    }
  }
}

function isBusy(err: unknown): boolean {
  const code = typeof err === 'object' && err !== null ? (err as { errcode?: unknown }).errcode : undefined;
  return typeof code === 'number' && (code & 0xff) === 5; // SQLITE_BUSY and its extended codes
}

async function connectPostgres(url: string, timeouts: PostgresTimeouts): Promise<Kysely<Database>> {
  const pool = new pg.Pool(postgresPoolConfig(url, timeouts));
  // Without a listener, an idle client losing its connection crashes the process; the next
  // query reports the problem instead.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: discardingTimedOut(pool, timeouts) }) });
  try {
    await sql`select 1`.execute(db);
    return db;
  } catch (err) {
    await db.destroy().catch(() => undefined);
    throw new AppError(
      'database_unavailable',
      `Cannot connect to PostgreSQL at ${redactUrl(url)}: ${errorMessage(err)}`,
      { cause: err },
    );
  }
}
