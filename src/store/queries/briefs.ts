import type { Kysely } from 'kysely';
import { toBrief } from '../row-mappers.js';
import { deliveryBatchQueries } from './delivery-batches.js';
import type { Database } from '../schema.js';
import { subscriberReadQueries } from './subscriber-reads.js';
import type { Store } from '../types.js';

type BriefQueries = Pick<
  Store,
  'createBrief' | 'briefFor' | 'briefById' | 'latestBrief' | 'listBriefs' | 'sentInsightIds'
>;

export function briefQueries(db: Kysely<Database>): BriefQueries {
  const batches = deliveryBatchQueries(db);
  const reads = subscriberReadQueries(db);
  return {
    async createBrief(userId, date, items) {
      return (await batches.createBriefs([{ userId, date, items }]))[0];
    },

    async briefFor(userId, date) {
      const row = await db
        .selectFrom('briefs')
        .selectAll()
        .where('user_id', '=', userId)
        .where('date', '=', date)
        .executeTakeFirst();
      return row && toBrief(row);
    },

    async briefById(id) {
      const row = await db.selectFrom('briefs').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toBrief(row);
    },

    async latestBrief(userId) {
      const row = await db
        .selectFrom('briefs')
        .selectAll()
        .where('user_id', '=', userId)
        .orderBy('date', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row && toBrief(row);
    },

    async listBriefs(limit) {
      const rows = await db.selectFrom('briefs').selectAll().orderBy('id', 'desc').limit(limit).execute();
      return rows.map(toBrief);
    },

    async sentInsightIds(userId) {
      return (await reads.sentInsightIdsOf([userId])).get(userId) ?? new Set();
    },
  };
}
