import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * The subjects a feed files itself under (itunes:category with its subcategories, RSS <category>),
 * as a JSON array of names: ranking matches interests against them with the show's title.
 */
export const feedCategories: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    await db.schema.alterTable('feeds').addColumn('categories', 'text').execute();
  },

  async down(db: Kysely<any>): Promise<void> {
    await db.schema.alterTable('feeds').dropColumn('categories').execute();
  },
};
