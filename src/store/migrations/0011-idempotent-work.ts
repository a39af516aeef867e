import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import { insightTextKey } from '../insight-key.js';

/** Rows updated per statement batch while filling in text keys. */
const BATCH = 500;

/**
 * What lets several workers share one database without redoing each other's work: a poll lease on
 * feeds, and insights that keep their id when their episode is extracted again (matched by quote or
 * by `text_key`, a hash of their words). An insight a brief showed that a re-extraction no longer
 * finds is retired (`retired_at`) rather than deleted, so the brief's items still resolve.
 */
export const idempotentWork: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    await db.schema.alterTable('feeds').addColumn('poll_lease_until', 'text').execute();
    await db.schema.alterTable('insights').addColumn('text_key', 'text').execute();
    await db.schema.alterTable('insights').addColumn('retired_at', 'text').execute();
    for (let after = 0; ; ) {
      const rows = (await db
        .selectFrom('insights')
        .select(['id', 'text'])
        .where('id', '>', after)
        .orderBy('id')
        .limit(BATCH)
        .execute()) as { id: number; text: string }[];
      if (rows.length === 0) break;
      for (const row of rows)
        await db
          .updateTable('insights')
          .set({ text_key: insightTextKey(row.text) })
          .where('id', '=', row.id)
          .execute();
      after = rows[rows.length - 1]!.id;
    }
    await db.schema.createIndex('insights_text_key').on('insights').column('text_key').execute();
  },

  async down(db: Kysely<any>): Promise<void> {
    await db.schema.dropIndex('insights_text_key').execute();
    await db.schema.alterTable('insights').dropColumn('retired_at').execute();
    await db.schema.alterTable('insights').dropColumn('text_key').execute();
    await db.schema.alterTable('feeds').dropColumn('poll_lease_until').execute();
  },
};
