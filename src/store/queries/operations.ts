import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { Store } from '../types.js';
import type { AsrUsageTable } from './asr-usage.js';
import type { LlmCallsTable } from './llm-usage.js';

type UsageTables = { llm_calls: LlmCallsTable; asr_usage: AsrUsageTable };

type OperationsQueries = Pick<Store, 'ping' | 'metricsSnapshot'>;

/** What /readyz and /metrics ask: one aggregate query per table, cheap at scrape time. */
export function operationsQueries(base: Kysely<Database>): OperationsQueries {
  const db = base.withTables<UsageTables>();
  const countBy = async (table: 'episodes' | 'transcripts' | 'insights' | 'deliveries', column: string) => {
    const rows = await db
      .selectFrom(table)
      .select((eb) => [sql<string>`${sql.ref(column)}`.as('key'), eb.fn.countAll<string>().as('n')])
      .groupBy(sql.ref(column))
      .execute();
    return rows.map((r) => ({ key: r.key ?? '', n: Number(r.n) }));
  };
  const countRows = async (table: 'briefs' | 'suppressions') => {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  };
  return {
    async ping() {
      await sql`select 1`.execute(db);
    },
    async metricsSnapshot() {
      const [feeds, episodes, transcripts, insights, briefs, deliveries, suppressed, llm, asr] = await Promise.all([
        db
          .selectFrom('feeds')
          .select((eb) => [
            'status as key',
            eb.fn.countAll<string>().as('n'),
            eb.fn.sum<string>(eb.case().when('error_count', '>', 0).then(1).else(0).end()).as('failing'),
          ])
          .groupBy('status')
          .execute(),
        countBy('episodes', 'status'),
        countBy('transcripts', 'source'),
        countBy('insights', 'engine'),
        countRows('briefs'),
        countBy('deliveries', 'status'),
        countRows('suppressions'),
        db
          .selectFrom('llm_calls')
          .select((eb) => [
            'provider',
            'model',
            eb.fn.countAll<string>().as('calls'),
            eb.fn.sum<string>('input_tokens').as('input'),
            eb.fn.sum<string>('output_tokens').as('output'),
            eb.fn.sum<string>('cost_usd').as('cost'),
          ])
          .groupBy(['provider', 'model'])
          .execute(),
        db
          .selectFrom('asr_usage')
          .select((eb) => [
            'engine',
            'model',
            eb.fn.sum<string>('audio_seconds').as('seconds'),
            eb.fn.sum<string>('cost_usd').as('cost'),
          ])
          .groupBy(['engine', 'model'])
          .execute(),
      ]);
      return {
        feeds: feeds.map((r) => ({ status: r.key, n: Number(r.n), failing: Number(r.failing ?? 0) })),
        episodes,
        transcripts,
        insights,
        briefs,
        deliveries,
        suppressed,
        llm: llm.map((r) => ({
          provider: r.provider,
          model: r.model,
          calls: Number(r.calls),
          inputTokens: Number(r.input ?? 0),
          outputTokens: Number(r.output ?? 0),
          costUsd: Number(r.cost ?? 0),
        })),
        asr: asr.map((r) => ({
          engine: r.engine,
          model: r.model,
          audioSeconds: Number(r.seconds ?? 0),
          costUsd: Number(r.cost ?? 0),
        })),
      };
    },
  };
}
