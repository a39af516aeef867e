import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDatabase, openStore, type Store } from '../../src/store/index.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../../src/store/test-harness.js';
import { startTcpProxy, viaProxy, type TcpProxy } from '../helpers/tcp-proxy.js';

const postgres = (await testDialects()).find((d) => d.dialect === 'postgres')!;
const timeouts = { connectMs: 1000, statementMs: 1000, idleInTransactionMs: 1000 };

describe.skipIf(postgres.skip)(`PostgreSQL behind a proxy that goes half-open (${postgres.label})`, () => {
  let db: TestDatabase;
  let proxy: TcpProxy;
  let store: Store;
  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    const url = new URL(db.options.databaseUrl!);
    proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
    store = await openStore({
      ...db.options,
      databaseUrl: viaProxy(db.options.databaseUrl!, proxy.address),
      postgresTimeouts: timeouts,
    });
  });
  afterAll(async () => {
    await store?.close();
    await proxy?.close();
    await db?.dispose();
  });

  it('sets the server-side statement and idle-in-transaction timeouts on each session', async () => {
    const { db: kysely } = await openDatabase({ ...db.options, postgresTimeouts: timeouts });
    try {
      const show = async (name: string) =>
        Object.values((await sql.raw<Record<string, string>>(`show ${name}`).execute(kysely)).rows[0]!)[0];
      expect(await show('statement_timeout')).toBe('1s');
      expect(await show('idle_in_transaction_session_timeout')).toBe('1s');
    } finally {
      await kysely.destroy();
    }
  });

  it('fails a store call within its timeout with a clear error, then works on a fresh connection', async () => {
    expect(await store.listFeeds()).toEqual([]);
    proxy.stall();
    const started = Date.now();
    const err = await store.listFeeds().then(
      () => undefined,
      (e: unknown) => e,
    );
    const elapsed = Date.now() - started;
    expect(err).toMatchObject({
      code: 'database_timeout',
      message: expect.stringMatching(/did not answer within 2 s/),
    });
    expect(elapsed).toBeGreaterThanOrEqual(1900);
    expect(elapsed).toBeLessThan(4000);

    proxy.up();
    expect(await store.listFeeds()).toEqual([]);
  });

  it('fails to get a connection within the connect timeout while the proxy accepts but forwards nothing', async () => {
    proxy.down(); // every pooled connection is cut
    await new Promise((resolve) => setTimeout(resolve, 200));
    proxy.up();
    proxy.stall();
    const started = Date.now();
    const err = await store.listUsers().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(Date.now() - started).toBeLessThan(5000);
    expect(err).toMatchObject({
      code: 'database_unavailable',
      message: expect.stringMatching(/no connection within 1 s/),
    });
    proxy.up();
    expect(await store.listUsers()).toEqual([]);
  });
});
