import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { isoUtc } from '../values.js';

/** The spend ledger of both paid services: the USD recorded in one usage table since a moment. */
export async function costSince(db: Kysely<Database>, table: 'llm_calls' | 'asr_usage', since: Date): Promise<number> {
  const { rows } = await sql<{ total: number | string | null }>`
    select sum(cost_usd) as total from ${sql.table(table)} where created_at >= ${isoUtc(since)}`.execute(db);
  // PostgreSQL returns sum(double precision) as a number, but be safe with numeric strings.
  return Number(rows[0]?.total ?? 0);
}
