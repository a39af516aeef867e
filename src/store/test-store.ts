import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { openStore } from './open-store.js';
import { createTestDatabase, emptyTestDatabase, type TestDatabase, type TestDialect } from './test-harness.js';
import type { Store } from './types.js';

export interface TestStore {
  readonly store: Store;
  readonly db: TestDatabase;
}

/**
 * An empty database and an open Store for each test of the suite, closed after it. SQLite gets a
 * fresh file per test; PostgreSQL one schema per suite, migrated once and emptied before each
 * test (a schema per test would cost a full migration each, and churn the shared catalog).
 */
export function useTestStore(dialect: TestDialect): TestStore {
  let db: TestDatabase | undefined;
  let store: Store | undefined;
  let perSuite: TestDatabase | undefined;
  if (dialect === 'postgres') {
    beforeAll(async () => {
      perSuite = await createTestDatabase(dialect);
    });
    afterAll(async () => {
      await perSuite?.dispose();
    });
  }
  beforeEach(async () => {
    if (perSuite) await emptyTestDatabase(perSuite);
    db = perSuite ?? (await createTestDatabase(dialect));
    store = await openStore(db.options);
  });
  afterEach(async () => {
    await store?.close();
    if (!perSuite) await db?.dispose();
  });
  return {
    get store() {
      if (!store) throw new Error('useTestStore: no store outside a test');
      return store;
    },
    get db() {
      if (!db) throw new Error('useTestStore: no database outside a test');
      return db;
    },
  };
}
