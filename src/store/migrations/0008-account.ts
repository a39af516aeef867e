import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * What a signed-in subscriber manages: a pause (no briefs while set) and the hash of the token in
 * their private feed URL (the token itself is shown once and never stored).
 */
export const account: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    await db.schema.alterTable('users').addColumn('paused_at', 'text').execute();
    await db.schema.alterTable('users').addColumn('feed_token_hash', 'text').execute();
    // Unique, and both dialects allow any number of NULLs in a unique index.
    await db.schema.createIndex('users_feed_token_hash').unique().on('users').column('feed_token_hash').execute();
  },

  async down(db: Kysely<any>): Promise<void> {
    await db.schema.dropIndex('users_feed_token_hash').ifExists().execute();
    await db.schema.alterTable('users').dropColumn('feed_token_hash').execute();
    await db.schema.alterTable('users').dropColumn('paused_at').execute();
  },
};
