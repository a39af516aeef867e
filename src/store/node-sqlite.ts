import type { SqliteDatabase, SqliteStatement } from 'kysely';
import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';

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
  const prepared = new Map<string, SqliteStatement>();
  return {
    close: () => {
      prepared.clear();
      database.close();
    },
    prepare: (sql) => {
      let stmt = prepared.get(sql);
      if (!stmt) {
        stmt = statement(database.prepare(sql));
        if (prepared.size >= STATEMENT_CACHE_SIZE) prepared.delete(prepared.keys().next().value as string);
        prepared.set(sql, stmt);
      }
      return stmt;
    },
  };
}

/** Distinct SQL texts kept prepared; multi-row inserts make many texts, used once each. */
const STATEMENT_CACHE_SIZE = 500;

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
