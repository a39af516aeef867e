import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Kysely, SqliteDialect, sql, type Generated } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kyselySqliteDatabase, nodeSqlite } from './node-sqlite.js';

interface Row {
  id: Generated<number>;
  name: string;
  score: number | null;
}

describe('Kysely over node:sqlite', () => {
  let db: Kysely<{ t: Row }>;
  beforeEach(async () => {
    const { DatabaseSync } = nodeSqlite();
    db = new Kysely({ dialect: new SqliteDialect({ database: kyselySqliteDatabase(new DatabaseSync(':memory:')) }) });
    await sql`create table t (id integer primary key, name text not null, score real)`.execute(db);
  });
  afterEach(async () => {
    await db.destroy();
  });

  it('binds positional parameters in order and reports the insert id and affected rows', async () => {
    const first = await db.insertInto('t').values({ name: 'ada', score: 1.5 }).executeTakeFirstOrThrow();
    const second = await db.insertInto('t').values({ name: 'bob', score: null }).executeTakeFirstOrThrow();
    expect([first.insertId, second.insertId]).toEqual([1n, 2n]);
    const updated = await db
      .updateTable('t')
      .set({ score: 3 })
      .where('name', 'in', ['ada', 'bob'])
      .executeTakeFirstOrThrow();
    expect(updated.numUpdatedRows).toBe(2n);
    const rows = await db
      .selectFrom('t')
      .selectAll()
      .where('id', '>', 0)
      .where('name', '!=', 'zed')
      .orderBy('id')
      .execute();
    expect(rows.map((r) => ({ ...r }))).toEqual([
      { id: 1, name: 'ada', score: 3 },
      { id: 2, name: 'bob', score: 3 },
    ]);
  });

  it('returns rows from a write with RETURNING and nothing from one without', async () => {
    const returned = await db.insertInto('t').values({ name: 'ada', score: 2 }).returning(['id', 'name']).execute();
    expect(returned.map((r) => ({ ...r }))).toEqual([{ id: 1, name: 'ada' }]);
    const result = await sql`delete from t where id = ${1}`.execute(db);
    expect(result.rows).toEqual([]);
    expect(result.numAffectedRows).toBe(1n);
  });

  it('streams a select row by row', async () => {
    await db
      .insertInto('t')
      .values([1, 2, 3].map((n) => ({ name: `n${n}`, score: n })))
      .execute();
    const names: string[] = [];
    for await (const row of db.selectFrom('t').select('name').orderBy('id').stream()) names.push(row.name);
    expect(names).toEqual(['n1', 'n2', 'n3']);
  });
});

describe('loading node:sqlite', () => {
  it('keeps a statement in steady use prepared however many one-off texts pass through', async () => {
    const { DatabaseSync } = nodeSqlite();
    const database = new DatabaseSync(':memory:');
    const prepares = new Map<string, number>();
    const prepare = database.prepare.bind(database);
    database.prepare = (text: string) => {
      prepares.set(text, (prepares.get(text) ?? 0) + 1);
      return prepare(text);
    };
    const counted = new Kysely<{ t: Row }>({
      dialect: new SqliteDialect({ database: kyselySqliteDatabase(database) }),
    });
    await sql`create table t (id integer primary key, name text not null, score real)`.execute(counted);
    const steady = () => counted.selectFrom('t').select('name').where('id', '=', 1).execute();
    for (let i = 0; i < 600; i += 1) {
      // Multi-row inserts: one SQL text per row count, each used once here.
      await counted
        .insertInto('t')
        .values(Array.from({ length: i + 1 }, () => ({ name: 'x', score: null })))
        .execute();
      if (i % 100 <= 1) await steady();
    }
    const steadyText = counted.selectFrom('t').select('name').where('id', '=', 1).compile().sql;
    await counted.destroy();
    // Least recently used goes first: first-in-first-out would let it go after 500 other texts.
    expect(prepares.get(steadyText)).toBe(1);
    expect(Math.max(...prepares.values())).toBe(1);
  });

  it("keeps Node 22's SQLite ExperimentalWarning off stderr, and no other warning", async () => {
    const module = fileURLToPath(new URL('./node-sqlite.ts', import.meta.url));
    const script = `
      import { nodeSqlite } from ${JSON.stringify(module)};
      new (nodeSqlite().DatabaseSync)(':memory:').close();
      process.emitWarning('some other feature', 'ExperimentalWarning');
    `;
    const stderr = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve(err) : reject(new Error(`exited ${code}: ${err}`))));
    });
    expect(stderr).toContain('ExperimentalWarning: some other feature');
    expect(stderr).not.toContain('SQLite');
  });
});
