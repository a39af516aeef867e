import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** A failed episode is tried again later (a transcript server that was down, an ASR crash) a few times. */
export const episodeRetries: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .alterTable('episodes')
      .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    // Null on a failed episode: given up.
    await db.schema.alterTable('episodes').addColumn('retry_at', 'text').execute();
  },

  async down(db: Kysely<any>): Promise<void> {
    await db.schema.alterTable('episodes').dropColumn('retry_at').execute();
    await db.schema.alterTable('episodes').dropColumn('failures').execute();
  },
};
