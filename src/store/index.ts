export { openStore, openDatabase, type OpenStoreOptions } from './open-store.js';
export { createStore } from './create-store.js';
export type { PostgresTimeouts } from './postgres-pool.js';
export { electLeader, type Leadership } from './leader-lock.js';
export { migrateToLatest, type MigrationOutcome } from './migrate.js';
export { isPostgresUrl, resolveDatabaseTarget, redactUrl, type DatabaseTarget } from './database-url.js';
export type { DialectName } from './dialect.js';
export type { Database } from './schema.js';
export type * from './types.js';
