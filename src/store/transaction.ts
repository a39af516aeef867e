import { sql, type Kysely } from 'kysely';
import { dialectOf } from './dialect.js';
import type { Database } from './schema.js';

/**
 * Runs `fn` in a write transaction. On SQLite it is BEGIN IMMEDIATE: a deferred transaction
 * that reads before writing fails with SQLITE_BUSY (without waiting on busy_timeout) when
 * another process, e.g. the web server next to a CLI run, wrote in between.
 */
export async function writeTransaction<DB = Database, T = unknown>(
  db: Kysely<DB>,
  fn: (trx: Kysely<DB>) => Promise<T>,
): Promise<T> {
  if (dialectOf(db) === 'postgres') return db.transaction().execute(fn);
  return db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const result = await fn(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (err) {
      await sql`rollback`.execute(conn).catch(() => undefined);
      throw err;
    }
  });
}
