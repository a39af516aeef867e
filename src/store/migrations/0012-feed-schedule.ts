import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Adaptive polling: a feed's publishing cadence (the median gap between its recent episodes, kept so a
 * 304 can be rescheduled without the body) and when a body last came back, for the occasional
 * unconditional fetch that catches servers answering 304 forever.
 */
export const feedSchedule: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    await db.schema.alterTable('feeds').addColumn('cadence_seconds', 'integer').execute();
    await db.schema.alterTable('feeds').addColumn('full_fetched_at', 'text').execute();
  },

  async down(db: Kysely<any>): Promise<void> {
    await db.schema.alterTable('feeds').dropColumn('full_fetched_at').execute();
    await db.schema.alterTable('feeds').dropColumn('cadence_seconds').execute();
  },
};
