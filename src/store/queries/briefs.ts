import type { Kysely } from 'kysely';
import { toBrief } from '../row-mappers.js';
import { deliveryBatchQueries } from './delivery-batches.js';
import type { Database } from '../schema.js';
import type { Store } from '../types.js';

type BriefQueries = Pick<
  Store,
  'createBrief' | 'briefFor' | 'briefById' | 'latestBrief' | 'listBriefs' | 'sentInsightIds'
>;

export function briefQueries(db: Kysely<Database>): BriefQueries {
  const batches = deliveryBatchQueries(db);
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
      const rows = await db.selectFrom('brief_insights').select('insight_id').where('user_id', '=', userId).execute();
      // The same words under another id (another episode, or stored before ids survived
      // re-extraction) were sent too: the subscriber would read them word for word again.
      const sameText = await db
        .selectFrom('brief_insights as b')
        .innerJoin('insights as s', 's.id', 'b.insight_id')
        .innerJoin('insights as i', 'i.text_key', 's.text_key')
        .select('i.id')
        .where('b.user_id', '=', userId)
        .where('i.retired_at', 'is', null)
        .execute();
      return new Set([...rows.map((r) => r.insight_id), ...sameText.map((r) => r.id)]);
    },
  };
}
