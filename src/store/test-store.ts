import { afterEach, beforeEach } from 'vitest';
import { openStore } from './open-store.js';
import { createTestDatabase, type TestDatabase, type TestDialect } from './test-harness.js';
import type { Store } from './types.js';

export interface TestStore {
  readonly store: Store;
  readonly db: TestDatabase;
}

/** A fresh database and an open Store for each test of the suite, closed and dropped after it. */
export function useTestStore(dialect: TestDialect): TestStore {
  let db: TestDatabase | undefined;
  let store: Store | undefined;
  beforeEach(async () => {
    db = await createTestDatabase(dialect);
    store = await openStore(db.options);
  });
  afterEach(async () => {
    await store?.close();
    await db?.dispose();
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
