import type { Kysely } from 'kysely';
import { toBrief } from '../row-mappers.js';
import { deliveryBatchQueries } from './delivery-batches.js';
import type { Database } from '../schema.js';
import { subscriberReadQueries } from './subscriber-reads.js';
import type { Store } from '../types.js';

type BriefQueries = Pick<
  Store,
  'createBrief' | 'briefFor' | 'briefById' | 'latestBrief' | 'listBriefs' | 'sentInsightIds' | 'wasSentTo'
>;

export function briefQueries(db: Kysely<Database>): BriefQueries {
  const batches = deliveryBatchQueries(db);
  const reads = subscriberReadQueries(db);
  return {
    async createBrief(userId, date, items) {
      return (await batches.deliveryRound({ create: [{ userId, date, items }], claims: [], sent: [] })).created[0];
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

    async wasSentTo(userId, insightId) {
      // sentInsightIds(userId).has(insightId) from the one insight outwards, each step an index
      // lookup (brief_insights_user, insights_text_key): the cost does not grow with what was sent.
      // The copies are found by a subquery, not a join, so the planner cannot start from the user's rows.
      const sent = await db
        .selectFrom('brief_insights')
        .select('insight_id')
        .where('user_id', '=', userId)
        .where('insight_id', '=', insightId)
        .limit(1)
        .executeTakeFirst();
      if (sent) return true;
      const sameWords = await db
        .selectFrom('insights as s')
        .select('s.id')
        .where('s.text_key', '=', (eb) =>
          eb.selectFrom('insights').select('text_key').where('id', '=', insightId).where('retired_at', 'is', null),
        )
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('brief_insights as b')
              .select('b.insight_id')
              .where('b.user_id', '=', userId)
              .whereRef('b.insight_id', '=', 's.id'),
          ),
        )
        .limit(1)
        .executeTakeFirst();
      return sameWords !== undefined;
    },
  };
}
