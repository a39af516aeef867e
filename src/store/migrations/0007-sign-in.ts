import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Sign-up and sign-in from the web: a subscriber is confirmed once they clicked the emailed link
 * (everyone added before, or by `podbrief users add`, counts as confirmed), one-time tokens for
 * that link and for magic sign-in links, and sessions. Tokens and session ids are stored only as
 * SHA-256 hashes.
 */
export const signIn: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    await db.schema.alterTable('users').addColumn('confirmed_at', 'text').execute();
    await db.updateTable('users').set({ confirmed_at: sql`created_at` }).execute();

    await db.schema
      .createTable('auth_tokens')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('purpose', 'text', (c) => c.notNull().check(sql`purpose in ('confirm', 'login')`))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('uses', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('max_uses', 'integer', (c) => c.notNull())
      .addColumn('first_used_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('auth_tokens_user')
      .on('auth_tokens')
      .columns(['user_id', 'purpose', 'created_at'])
      .execute();

    await db.schema
      .createTable('sessions')
      .addColumn('id_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('signed_in_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
  },

  async down(db: Kysely<any>): Promise<void> {
    await db.schema.dropTable('sessions').ifExists().execute();
    await db.schema.dropTable('auth_tokens').ifExists().execute();
    await db.schema.alterTable('users').dropColumn('confirmed_at').execute();
  },
};
