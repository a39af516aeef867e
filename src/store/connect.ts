import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { AppError, errorMessage } from '../model/errors.js';
import { redactUrl, type DatabaseTarget } from './database-url.js';
import { kyselySqliteDatabase, nodeSqlite } from './node-sqlite.js';
import type { Database } from './schema.js';

const BUSY_TIMEOUT_MS = 5000;

/** Opens a Kysely instance for the target and checks the connection works. */
export async function connect(target: DatabaseTarget): Promise<Kysely<Database>> {
  return target.dialect === 'sqlite' ? connectSqlite(target.path) : connectPostgres(target.url);
}

function connectSqlite(path: string): Kysely<Database> {
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const { DatabaseSync } = nodeSqlite();
    const database = new DatabaseSync(path, { timeout: BUSY_TIMEOUT_MS });
    database.exec('pragma journal_mode = WAL');
    // FULL: a delivery marked 'sent' must survive power loss, or a restart would email twice.
    // The write volume (a few polls and briefs an hour) makes the extra fsync negligible.
    database.exec('pragma synchronous = FULL');
    database.exec('pragma foreign_keys = ON');
    database.exec(`pragma busy_timeout = ${BUSY_TIMEOUT_MS}`);
    return new Kysely<Database>({ dialect: new SqliteDialect({ database: kyselySqliteDatabase(database) }) });
  } catch (err) {
    throw new AppError('database_unavailable', `Cannot open SQLite database ${path}: ${errorMessage(err)}`, {
      cause: err,
    });
  }
}

async function connectPostgres(url: string): Promise<Kysely<Database>> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // Without a listener, an idle client losing its connection crashes the process; the next
  // query reports the problem instead.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
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
