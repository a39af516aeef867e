import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectWithin } from './postgres-pool.js';
import { testDialects } from './test-harness.js';

const postgres = (await testDialects()).find((d) => d.dialect === 'postgres')!;
const adminUrl = process.env['PODBRIEF_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

describe.skipIf(postgres.skip)(`connectWithin [${postgres.label}]`, () => {
  // A role allowed one connection: a second is refused with too_many_connections (53300), as a
  // server is when a fleet holds all of max_connections.
  const role = `podbrief_one_conn_${process.pid}`;
  const url = new URL(adminUrl);
  url.username = role;
  let admin: pg.Client;
  const clients: pg.Client[] = [];
  const pools: pg.Pool[] = [];

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop role if exists ${role}`);
    await admin.query(`create role ${role} login connection limit 1`);
  });

  afterAll(async () => {
    for (const c of clients) await c.end().catch(() => undefined);
    for (const p of pools) await p.end().catch(() => undefined);
    await admin.query(`drop role if exists ${role}`);
    await admin.end();
  });

  async function holdTheOnlyConnection(): Promise<pg.Client> {
    const holder = new pg.Client({ connectionString: url.toString() });
    await holder.connect();
    clients.push(holder);
    return holder;
  }
  function pool(): pg.Pool {
    const p = new pg.Pool({ connectionString: url.toString(), max: 1 });
    pools.push(p);
    return p;
  }

  it('waits for a server that refuses for want of connections, and connects once one is free', async () => {
    const holder = await holdTheOnlyConnection();
    setTimeout(() => void holder.end(), 300);
    const started = Date.now();
    const client = await connectWithin(pool(), 5_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect((await client.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
    client.release(true);
  });

  it("gives up with the server's reason once its time is spent", async () => {
    await holdTheOnlyConnection();
    const started = Date.now();
    const err = await connectWithin(pool(), 600).then(
      () => undefined,
      (e: unknown) => e as { code?: string },
    );
    expect(err?.code).toBe('53300');
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});
