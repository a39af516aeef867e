import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import { dialectOf } from '../dialect.js';

export type ColumnBuilder = (col: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;

/**
 * The column definitions that differ between SQLite and PostgreSQL. AUTOINCREMENT on SQLite:
 * ids are never reused, which brief_insights relies on (it keeps insight ids of re-extracted
 * episodes to avoid repeats).
 */
export function columnTypes(db: Kysely<any>): { pg: boolean; id: ColumnBuilder; float: 'double precision' | 'real' } {
  const pg = dialectOf(db) === 'postgres';
  return {
    pg,
    id: pg ? (c) => c.primaryKey().generatedByDefaultAsIdentity() : (c) => c.primaryKey().autoIncrement(),
    float: pg ? 'double precision' : 'real',
  };
}
