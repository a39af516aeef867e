import type { Kysely } from 'kysely';
import { AppError } from '../../model/errors.js';
import { toBrief } from '../row-mappers.js';
import type { Database } from '../schema.js';
import { writeTransaction } from '../transaction.js';
import type { Store } from '../types.js';
import { isoUtc, toJson } from '../values.js';

type BriefQueries = Pick<
  Store,
  'createBrief' | 'briefFor' | 'briefById' | 'latestBrief' | 'listBriefs' | 'sentInsightIds'
>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function briefQueries(db: Kysely<Database>): BriefQueries {
  return {
    async createBrief(userId, date, items) {
      if (!DATE.test(date)) throw new AppError('invalid_date', `Brief date must be YYYY-MM-DD, got ${date}`);
      const now = isoUtc(new Date());
      return writeTransaction(db, async (trx) => {
        // The unique (user_id, date) constraint decides races: the loser inserts nothing.
        const row = await trx
          .insertInto('briefs')
          .values({ user_id: userId, date, items: toJson(items), created_at: now })
          .onConflict((oc) => oc.columns(['user_id', 'date']).doNothing())
          .returningAll()
          .executeTakeFirst();
        if (!row) return undefined;
        const insightIds = [...new Set(items.map((item) => item.insightId))];
        if (insightIds.length > 0) {
          await trx
            .insertInto('brief_insights')
            .values(insightIds.map((insightId) => ({ brief_id: row.id, user_id: userId, insight_id: insightId })))
            .execute();
        }
        await trx
          .insertInto('deliveries')
          .values({ brief_id: row.id, user_id: userId, created_at: now, updated_at: now })
          .execute();
        return toBrief(row);
      });
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
