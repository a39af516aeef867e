import { Migrator } from 'kysely/migration';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dialectOf } from './dialect.js';
import { insightTextKey } from './insight-key.js';
import { migrateToLatest, openDatabase, openStore, redactUrl, resolveDatabaseTarget } from './index.js';
import { createTestDatabase, testDialects, type TestDatabase } from './test-harness.js';
import { migrations } from './migrations/index.js';
import { nodeSqlite } from './node-sqlite.js';

describe('resolveDatabaseTarget', () => {
  const dataDir = '/srv/podbrief';
  it.each([
    [undefined, { dialect: 'sqlite', path: '/srv/podbrief/podbrief.db' }],
    ['', { dialect: 'sqlite', path: '/srv/podbrief/podbrief.db' }],
    ['sqlite:', { dialect: 'sqlite', path: '/srv/podbrief/podbrief.db' }],
    ['sqlite:///var/lib/p.db', { dialect: 'sqlite', path: '/var/lib/p.db' }],
    ['sqlite:rel/p.db', { dialect: 'sqlite', path: resolve('rel/p.db') }],
    ['sqlite::memory:', { dialect: 'sqlite', path: ':memory:' }],
    ['file:///var/lib/p.db', { dialect: 'sqlite', path: '/var/lib/p.db' }],
    ['/abs/p.db', { dialect: 'sqlite', path: '/abs/p.db' }],
    ['postgres://u:p@db/podbrief', { dialect: 'postgres', url: 'postgres://u:p@db/podbrief' }],
    ['postgresql://db/podbrief', { dialect: 'postgres', url: 'postgresql://db/podbrief' }],
  ])('%s', (url, expected) => {
    expect(resolveDatabaseTarget(url, dataDir)).toEqual(expected);
  });

  it('rejects other schemes without echoing the password', () => {
    expect(() => resolveDatabaseTarget('mysql://root:hunter2@db/x', dataDir)).toThrowError(
      expect.objectContaining({ code: 'unsupported_database_url', message: expect.not.stringContaining('hunter2') }),
    );
  });

  it('redacts passwords', () => {
    expect(redactUrl('postgres://u:secret@h:5432/d')).toBe('postgres://u:***@h:5432/d');
    expect(redactUrl('postgres://h/d')).toBe('postgres://h/d');
  });
});

describe('opening SQLite', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'podbrief-open-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('creates the data folder and podbrief.db with WAL, FULL sync, foreign keys and a busy timeout', async () => {
    const dataDir = join(dir, 'nested', 'data');
    const { db, dialect } = await openDatabase({ dataDir });
    try {
      expect(dialect).toBe('sqlite');
      expect(existsSync(join(dataDir, 'podbrief.db'))).toBe(true);
      const pragma = async (name: string) =>
        Object.values((await sql.raw<Record<string, unknown>>(`pragma ${name}`).execute(db)).rows[0]!)[0];
      expect(await pragma('journal_mode')).toBe('wal');
      expect(await pragma('synchronous')).toBe(2);
      expect(await pragma('foreign_keys')).toBe(1);
      expect(await pragma('busy_timeout')).toBe(5000);
    } finally {
      await db.destroy();
    }
  });

  it('opens an explicit sqlite: URL and a file: URL to the same database', async () => {
    const path = join(dir, 'custom.db');
    const a = await openStore({ dataDir: dir, databaseUrl: `sqlite://${path}` });
    await a.addFeed('https://example.com/feed');
    await a.close();
    const b = await openStore({ dataDir: join(dir, 'unused'), databaseUrl: pathToFileURL(path).toString() });
    expect(await b.listFeeds()).toHaveLength(1);
    await b.close();
    expect(existsSync(join(dir, 'unused'))).toBe(false);
  });

  it('waits for another connection writing to a file not yet in WAL mode (SQLite answers BUSY at once there)', async () => {
    const path = join(dir, 'podbrief.db');
    const other = new (nodeSqlite().DatabaseSync)(path);
    other.exec('create table t (x); begin immediate; insert into t values (1)');
    const commit = setTimeout(() => other.exec('commit'), 300);
    try {
      const { db } = await openDatabase({ dataDir: dir });
      const { rows } = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db);
      await db.destroy();
      expect(rows).toEqual([{ journal_mode: 'wal' }]);
    } finally {
      clearTimeout(commit);
      other.close();
    }
  });

  it('reports an unopenable path as database_unavailable', async () => {
    await expect(openStore({ dataDir: dir, databaseUrl: dir })).rejects.toMatchObject({ code: 'database_unavailable' });
    await writeFile(join(dir, 'plain-file'), 'x');
    await expect(openStore({ dataDir: dir, databaseUrl: join(dir, 'plain-file', 'p.db') })).rejects.toMatchObject({
      code: 'database_unavailable',
    });
  });
});

describe('opening PostgreSQL', () => {
  it('reports an unreachable server as database_unavailable without the password', async () => {
    const err = await openStore({ dataDir: tmpdir(), databaseUrl: 'postgres://u:hunter2@127.0.0.1:1/x' }).catch(
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ code: 'database_unavailable' });
    expect((err as Error).message).toContain('127.0.0.1:1');
    expect((err as Error).message).not.toContain('hunter2');
  });
});

/** Feed 1 with one episode, written as any version since 0001 can hold them; the time it used. */
async function insertFeedAndEpisode(db: Kysely<any>, guid: string): Promise<string> {
  const now = new Date().toISOString();
  await sql`insert into feeds (url, created_at) values ('https://example.com/f', ${now})`.execute(db);
  await sql`insert into episodes (feed_id, guid, title, first_seen_at, updated_at)
    values (1, ${guid}, 't', ${now}, ${now})`.execute(db);
  return now;
}

/** Migrators over the migrations whose names pass `names`, for stepping a database through versions. */
async function migratorsFor(db: Kysely<any>): Promise<(names: (name: string) => boolean) => Migrator> {
  const schema =
    dialectOf(db) === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
      : undefined;
  return (names) =>
    new Migrator({
      db,
      provider: {
        getMigrations: async () => Object.fromEntries(Object.entries(migrations).filter(([name]) => names(name))),
      },
      ...(schema ? { migrationTableSchema: schema } : {}),
    });
}

for (const { dialect, label, skip } of await testDialects()) {
  describe.skipIf(skip)(`migrations [${label}]`, () => {
    let db: TestDatabase;
    beforeEach(async () => {
      db = await createTestDatabase(dialect);
    });
    afterEach(async () => {
      await db.dispose();
    });

    it('applies pending migrations once and reports what ran', async () => {
      const opened = await openDatabase(db.options);
      try {
        expect(await migrateToLatest(opened.db)).toEqual(
          Object.keys(migrations).map((name) => ({ name, status: 'applied' })),
        );
        expect(await migrateToLatest(opened.db)).toEqual([]);
      } finally {
        await opened.db.destroy();
      }
      const store = await openStore(db.options);
      expect(await store.listFeeds()).toEqual([]);
      await store.close();
      await store.close();
    });

    it('keeps the deliveries of an older database through 0009 (SQLite rebuilds the table), and its new statuses hold', async () => {
      const opened = await openDatabase(db.options);
      try {
        const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0009'));
        const schema =
          dialect === 'postgres'
            ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(opened.db)).rows[0]?.schema
            : undefined;
        const migrator = new Migrator({
          db: opened.db,
          provider: { getMigrations: async () => before },
          ...(schema ? { migrationTableSchema: schema } : {}),
        });
        expect((await migrator.migrateToLatest()).error).toBeUndefined();
        const now = new Date().toISOString();
        await sql`insert into users (email, interests, timezone, delivery_hour, unsubscribe_token, created_at)
          values ('ada@example.com', '[]', 'UTC', 7, 'tok', ${now})`.execute(opened.db);
        await sql`insert into briefs (user_id, date, items, created_at) values (1, '2026-11-29', '[]', ${now})`.execute(
          opened.db,
        );
        await sql`insert into deliveries (brief_id, user_id, status, attempts, last_error, created_at, updated_at)
          values (1, 1, 'failed', 2, 'smtp 451', ${now}, ${now})`.execute(opened.db);
        await expect(sql`update deliveries set status = 'bounced'`.execute(opened.db)).rejects.toThrow(/check/i);
        await migrateToLatest(opened.db);
        await expect(sql`update deliveries set status = 'nonsense'`.execute(opened.db)).rejects.toThrow(/check/i);
        // Still one delivery per brief after the rebuild.
        await expect(
          sql`insert into deliveries (brief_id, user_id, created_at, updated_at) values (1, 1, 'x', 'x')`.execute(
            opened.db,
          ),
        ).rejects.toThrow(/unique/i);
      } finally {
        await opened.db.destroy();
      }
      const store = await openStore(db.options);
      try {
        expect(await store.deliveryForBrief(1)).toMatchObject({
          id: 1,
          status: 'failed',
          attempts: 2,
          lastError: 'smtp 451',
          possibleDuplicates: 0,
          lastErrorCode: null,
        });
        await store.closeDelivery(1, { status: 'bounced', error: '550', code: 'smtp_rejected' });
        expect(await store.deliveryForBrief(1)).toMatchObject({ status: 'bounced' });
      } finally {
        await store.close();
      }
    });

    it('moves the credentials of existing feed URLs to feeds.auth in 0010, and back down', async () => {
      const opened = await openDatabase(db.options);
      const migratorOf = await migratorsFor(opened.db);
      try {
        expect((await migratorOf((n) => n < '0010').migrateToLatest()).error).toBeUndefined();
        const now = new Date().toISOString();
        for (const url of [
          'https://alice:s3cret%40pw@feeds.example/private.xml',
          'https://feeds.example/public.xml?by=@me',
          'https://bob:pw@feeds.example/public.xml?by=@me',
        ])
          await sql`insert into feeds (url, created_at) values (${url}, ${now})`.execute(opened.db);
        expect((await migratorOf(() => true).migrateToLatest()).error).toBeUndefined();
        const rows = await sql<{ url: string; auth: string | null }>`select url, auth from feeds order by id`.execute(
          opened.db,
        );
        expect(rows.rows).toEqual([
          { url: 'https://feeds.example/private.xml', auth: 'alice:s3cret%40pw' },
          { url: 'https://feeds.example/public.xml?by=@me', auth: null },
          // Its URL without credentials is already another feed's: left as it was.
          { url: 'https://bob:pw@feeds.example/public.xml?by=@me', auth: null },
        ]);
        expect((await migratorOf(() => true).migrateTo('0009-delivery-trust')).error).toBeUndefined();
        const down = await sql<{ url: string }>`select url from feeds order by id`.execute(opened.db);
        expect(down.rows[0]?.url).toBe('https://alice:s3cret%40pw@feeds.example/private.xml');
      } finally {
        await opened.db.destroy();
      }
    });

    it('fills in the text key of existing insights in 0011, and goes back down', async () => {
      const opened = await openDatabase(db.options);
      const migratorOf = await migratorsFor(opened.db);
      try {
        expect((await migratorOf((n) => n < '0011').migrateToLatest()).error).toBeUndefined();
        const now = await insertFeedAndEpisode(opened.db, 'g');
        for (const text of ['Said  once.', 'said once.'])
          await sql`insert into insights (episode_id, feed_id, position, headline, text, quote, start_seconds,
            end_seconds, score, engine, created_at) values (1, 1, 0, 'h', ${text}, 'q', 0, 1, 1, 'embedded', ${now})`.execute(
            opened.db,
          );
        expect((await migratorOf(() => true).migrateToLatest()).error).toBeUndefined();
        const keys = await sql<{ text_key: string }>`select text_key from insights order by id`.execute(opened.db);
        expect(keys.rows.map((r) => r.text_key)).toEqual([insightTextKey('said once.'), insightTextKey('said once.')]);
        expect((await migratorOf(() => true).migrateTo('0010-feed-credentials')).error).toBeUndefined();
      } finally {
        await opened.db.destroy();
      }
    });

    it("adds episodes' type in 0016, null for those stored before, and goes back down", async () => {
      const opened = await openDatabase(db.options);
      const migratorOf = await migratorsFor(opened.db);
      try {
        expect((await migratorOf((n) => n < '0016').migrateToLatest()).error).toBeUndefined();
        const now = await insertFeedAndEpisode(opened.db, 'old');
        expect((await migratorOf(() => true).migrateToLatest()).error).toBeUndefined();
        await sql`insert into episodes (feed_id, guid, title, first_seen_at, updated_at, episode_type)
          values (1, 'promo', 't', ${now}, ${now}, 'trailer')`.execute(opened.db);
        const types = await sql<{ guid: string; episode_type: string | null }>`
          select guid, episode_type from episodes order by id`.execute(opened.db);
        expect(types.rows).toEqual([
          { guid: 'old', episode_type: null },
          { guid: 'promo', episode_type: 'trailer' },
        ]);
        expect((await migratorOf(() => true).migrateTo('0015-feed-categories')).error).toBeUndefined();
        const down = await sql<Record<string, unknown>>`select * from episodes order by id`.execute(opened.db);
        expect(down.rows).toHaveLength(2);
        expect(down.rows[0]).not.toHaveProperty('episode_type');
      } finally {
        await opened.db.destroy();
      }
    });

    it('enforces foreign keys', async () => {
      const store = await openStore(db.options);
      try {
        await expect(
          store.upsertEpisodes(4242, [{ guid: 'g', title: 't', transcripts: [], persons: [] }], new Date()),
        ).rejects.toThrow(/foreign key/i);
      } finally {
        await store.close();
      }
    });

    if (dialect === 'postgres') {
      // SQLite: one Store per file per process; sqlite-processes.test.ts races separate processes.
      it('migrates concurrently opened stores safely', async () => {
        const stores = await Promise.all([1, 2, 3].map(() => openStore(db.options)));
        await stores[0]!.addFeed('https://example.com/feed');
        expect(await stores[2]!.listFeeds()).toHaveLength(1);
        await Promise.all(stores.map((s) => s.close()));
      });

      it('creates its tables in the schema chosen by search_path', async () => {
        const opened = await openDatabase(db.options);
        try {
          await migrateToLatest(opened.db);
          const schema = new URL(db.options.databaseUrl!).searchParams.get('options')!.split('=')[1]!;
          // Other tests' schemas (test_…) may still exist in this database: the run drops them at its end.
          const { rows } = await sql<{ table_schema: string; n: number }>`
            select table_schema, count(*)::int as n from information_schema.tables
            where table_name in ('feeds', 'kysely_migration') and (table_schema = ${schema} or table_schema not like 'test\_%')
            group by table_schema`.execute(opened.db);
          expect(rows).toEqual([{ table_schema: schema, n: 2 }]);
        } finally {
          await opened.db.destroy();
        }
      });
    }
  });
}
