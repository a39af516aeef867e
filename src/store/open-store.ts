import type { Kysely } from 'kysely';
import { connect } from './connect.js';
import type { PostgresTimeouts } from './postgres-pool.js';
import { createStore } from './create-store.js';
import { credentialSeal } from './credential-seal.js';
import { resolveDatabaseTarget } from './database-url.js';
import type { DialectName } from './dialect.js';
import { migrateToLatest } from './migrate.js';
import type { Database } from './schema.js';
import type { Store } from './types.js';

export interface OpenStoreOptions {
  /** Empty → SQLite at `<dataDir>/podbrief.db`; `postgres://…` → PostgreSQL. */
  databaseUrl?: string;
  dataDir: string;
  /** PostgreSQL only; defaults suit a small deployment. */
  postgresTimeouts?: PostgresTimeouts;
  /**
   * The secrets feed credentials are sealed with at rest: the current one first (SECRET_KEY), then
   * the previous one during a rotation. Without any, a feed with credentials can be neither added
   * nor polled (`feed_credentials_no_key`): they are never stored in clear.
   */
  credentialKeys?: readonly string[];
}

/** Connects without migrating, for `podbrief migrate`; the caller destroys `db`. */
export async function openDatabase(opts: OpenStoreOptions): Promise<{ db: Kysely<Database>; dialect: DialectName }> {
  const target = resolveDatabaseTarget(opts.databaseUrl, opts.dataDir);
  return { db: await connect(target, opts.postgresTimeouts), dialect: target.dialect };
}

/** Connects, applies pending migrations and returns the Store. */
export async function openStore(opts: OpenStoreOptions): Promise<Store> {
  const { db } = await openDatabase(opts);
  try {
    await migrateToLatest(db);
  } catch (err) {
    await db.destroy().catch(() => undefined);
    throw err;
  }
  return createStore(db, credentialSeal(opts.credentialKeys ?? []));
}
