import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** The insight index (a feature vector per insight), subscriber profiles, follows and feedback. */
export const profiles: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    // insight_id is not a foreign key: re-extraction deletes insights, but near-duplicates of
    // what a subscriber was already sent must still be recognised (ids are never reused).
    await db.schema
      .createTable('insight_index')
      .addColumn('insight_id', 'integer', (c) => c.primaryKey())
      .addColumn('terms', 'text', (c) => c.notNull())
      .addColumn('embedding', 'text')
      .addColumn('embedding_model', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('user_profiles')
      .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
      .addColumn('about', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('only_followed', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('follows')
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('feed_id', 'integer', (c) => c.notNull().references('feeds.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('follows_pk', ['user_id', 'feed_id'])
      .execute();

    // One vote per (user, insight) that a later vote replaces, and one click; the insight's
    // terms are kept so the profile outlives the insight itself.
    await db.schema
      .createTable('feedback')
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('insight_id', 'integer', (c) => c.notNull())
      .addColumn('signal', 'text', (c) => c.notNull().check(sql`signal in ('vote', 'click')`))
      .addColumn('value', 'text', (c) => c.notNull().check(sql`value in ('up', 'down', 'more', 'less', 'click')`))
      .addColumn('feed_id', 'integer')
      .addColumn('headline', 'text', (c) => c.notNull())
      .addColumn('terms', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('feedback_pk', ['user_id', 'insight_id', 'signal'])
      .execute();
    await db.schema.createIndex('feedback_user_time').on('feedback').columns(['user_id', 'created_at']).execute();
  },

  async down(db: Kysely<any>): Promise<void> {
    for (const table of ['feedback', 'follows', 'user_profiles', 'insight_index']) {
      await db.schema.dropTable(table).ifExists().execute();
    }
  },
};
