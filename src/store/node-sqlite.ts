import type { SqliteDatabase, SqliteStatement } from 'kysely';
import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';
import { StatementCache } from './statement-cache.js';

type NodeSqlite = typeof import('node:sqlite');

let loaded: NodeSqlite | undefined;

/**
 * Node's built-in `node:sqlite`. Node 22 prints "SQLite is an experimental feature" to stderr the
 * first time it is loaded (Node 24 does not); that one warning is dropped, every other goes on.
 */
export function nodeSqlite(): NodeSqlite {
  if (loaded) return loaded;
  const emitWarning = process.emitWarning;
  process.emitWarning = function (this: NodeJS.Process, warning: string | Error, ...rest: unknown[]) {
    const type = typeof rest[0] === 'string' ? rest[0] : (rest[0] as { type?: string } | undefined)?.type;
    const message = typeof warning === 'string' ? warning : warning.message;
    if (type === 'ExperimentalWarning' && message.startsWith('SQLite is an experimental feature')) return;
    return (emitWarning as (...args: unknown[]) => void).call(this, warning, ...rest);
  } as typeof process.emitWarning;
  try {
    loaded = process.getBuiltinModule('node:sqlite');
  } finally {
    process.emitWarning = emitWarning;
  }
  return loaded;
}

/**
 * Kysely's SqliteDialect over a `DatabaseSync`: the same prepare → all/run/iterate shape as
 * better-sqlite3, with Kysely's parameter array spread into positional parameters.
 */
export function kyselySqliteDatabase(database: DatabaseSync): SqliteDatabase {
  // Kysely prepares every query it runs; parsing the same SQL again cost about as much as running
  // it. Kysely runs one query at a time on the connection, so a statement is never shared mid-use.
  const prepared = new StatementCache<SqliteStatement>(STATEMENTS_KEPT, ONE_OFFS_KEPT);
  return {
    close: () => {
      prepared.clear();
      database.close();
    },
    prepare: (sql) => prepared.get(sql, (text) => statement(database.prepare(text))),
  };
}

/** Distinct SQL texts kept prepared once used twice: the store's queries are a few hundred. */
const STATEMENTS_KEPT = 500;
/** Texts seen once, kept until they are used again or pushed out by newer ones. */
const ONE_OFFS_KEPT = 64;

function statement(stmt: StatementSync): SqliteStatement {
  const params = (parameters: ReadonlyArray<unknown>) => parameters as SQLInputValue[];
  return {
    // A statement that yields columns returns rows (a SELECT, or a write with RETURNING).
    reader: stmt.columns().length > 0,
    all: (parameters) => stmt.all(...params(parameters)),
    run: (parameters) => stmt.run(...params(parameters)),
    iterate: (parameters) => stmt.iterate(...params(parameters)),
  };
}
