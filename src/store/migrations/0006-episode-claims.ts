import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** A worker's lease on an episode it is processing, so two workers never pay for the same one. */
export const episodeClaims: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    await db.schema.alterTable('episodes').addColumn('claimed_until', 'text').execute();
  },

  async down(db: Kysely<any>): Promise<void> {
    await db.schema.alterTable('episodes').dropColumn('claimed_until').execute();
  },
};
