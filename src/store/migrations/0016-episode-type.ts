import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * An episode's itunes:episodeType ('full', 'trailer' or 'bonus'): a trailer promotes its show, so it is
 * never transcribed nor mined for insights. Null when the feed says none (content, as 'full').
 */
export const episodeType: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    await db.schema.alterTable('episodes').addColumn('episode_type', 'text').execute();
  },

  async down(db: Kysely<any>): Promise<void> {
    await db.schema.alterTable('episodes').dropColumn('episode_type').execute();
  },
};
