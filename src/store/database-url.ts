import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../model/errors.js';

export type DatabaseTarget = { dialect: 'sqlite'; path: string } | { dialect: 'postgres'; url: string };

/**
 * Empty → `<dataDir>/podbrief.db`; `postgres://` / `postgresql://` → PostgreSQL;
 * `sqlite:<path>`, `sqlite://<path>`, `file:` URLs, `:memory:` and plain paths → SQLite.
 */
/** DATABASE_URL names a PostgreSQL server (else the embedded SQLite file). */
export function isPostgresUrl(databaseUrl: string | undefined): boolean {
  return /^postgres(ql)?:\/\//i.test(databaseUrl?.trim() ?? '');
}

export function resolveDatabaseTarget(databaseUrl: string | undefined, dataDir: string): DatabaseTarget {
  const url = databaseUrl?.trim() ?? '';
  const defaultPath = join(resolve(dataDir), 'podbrief.db');
  if (url === '') return { dialect: 'sqlite', path: defaultPath };
  if (isPostgresUrl(url)) return { dialect: 'postgres', url };
  if (/^file:/i.test(url)) return { dialect: 'sqlite', path: fileURLToPath(url) };
  if (/^sqlite:/i.test(url)) {
    const rest = url.replace(/^sqlite:(\/\/)?/i, '');
    return { dialect: 'sqlite', path: rest === '' ? defaultPath : sqlitePath(rest) };
  }
  // A Windows drive letter looks like a one-letter scheme.
  if (/^[a-z][a-z0-9+.-]+:/i.test(url)) {
    throw new AppError(
      'unsupported_database_url',
      `DATABASE_URL must be empty, a file path, sqlite:<path> or postgres://…, got ${redactUrl(url)}`,
    );
  }
  return { dialect: 'sqlite', path: sqlitePath(url) };
}

function sqlitePath(path: string): string {
  return path === ':memory:' || isAbsolute(path) ? path : resolve(path);
}

/** The URL with any password replaced, safe for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');
  }
}
