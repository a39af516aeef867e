import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Finding retired insights that no brief refers to any more (deleteRetiredInsights, on every
 * scheduler tick) without reading every insight and every brief item: the few retired rows, and
 * brief items by insight (replaceInsights asks that too).
 */
export const retiredInsights: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createIndex('insights_retired')
      .on('insights')
      .column('retired_at')
      .where('retired_at', 'is not', null)
      .execute();
    await db.schema.createIndex('brief_insights_insight').on('brief_insights').column('insight_id').execute();
  },

  async down(db: Kysely<any>): Promise<void> {
    await db.schema.dropIndex('brief_insights_insight').execute();
    await db.schema.dropIndex('insights_retired').execute();
  },
};
