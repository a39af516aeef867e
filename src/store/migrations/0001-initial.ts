import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import { columnTypes, type ColumnBuilder } from './column-types.js';

export const initial: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    const { id, float } = columnTypes(db);
    const references =
      (target: string): ColumnBuilder =>
      (c) =>
        c.notNull().references(target).onDelete('cascade');

    await db.schema
      .createTable('feeds')
      .addColumn('id', 'integer', id)
      .addColumn('url', 'text', (c) => c.notNull().unique())
      .addColumn('title', 'text')
      .addColumn('description', 'text')
      .addColumn('link', 'text')
      .addColumn('image_url', 'text')
      .addColumn('language', 'text')
      .addColumn('etag', 'text')
      .addColumn('last_modified', 'text')
      .addColumn('content_hash', 'text')
      .addColumn('last_polled_at', 'text')
      .addColumn('next_poll_at', 'text')
      .addColumn('error_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_error', 'text')
      .addColumn('status', 'text', (c) =>
        c.notNull().defaultTo('active').check(sql`status in ('active', 'gone', 'paused')`),
      )
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('feeds_due').on('feeds').columns(['status', 'next_poll_at']).execute();

    await db.schema
      .createTable('episodes')
      .addColumn('id', 'integer', id)
      .addColumn('feed_id', 'integer', references('feeds.id'))
      .addColumn('guid', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('link', 'text')
      .addColumn('published_at', 'text')
      .addColumn('first_seen_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('duration_seconds', float)
      .addColumn('audio_url', 'text')
      .addColumn('audio_type', 'text')
      .addColumn('transcripts', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('persons', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('status', 'text', (c) =>
        c.notNull().defaultTo('new').check(sql`status in ('new', 'transcribed', 'extracted', 'failed')`),
      )
      .addColumn('last_error', 'text')
      .addUniqueConstraint('episodes_feed_guid', ['feed_id', 'guid'])
      .execute();
    await db.schema.createIndex('episodes_to_process').on('episodes').columns(['status', 'first_seen_at']).execute();
    await db.schema.createIndex('episodes_first_seen').on('episodes').column('first_seen_at').execute();

    await db.schema
      .createTable('transcripts')
      .addColumn('episode_id', 'integer', (c) => c.primaryKey().references('episodes.id').onDelete('cascade'))
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('language', 'text')
      .addColumn('hash', 'text', (c) => c.notNull())
      .addColumn('segments', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('insights')
      .addColumn('id', 'integer', id)
      .addColumn('episode_id', 'integer', references('episodes.id'))
      .addColumn('feed_id', 'integer', references('feeds.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('headline', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('quote', 'text', (c) => c.notNull())
      .addColumn('start_seconds', float, (c) => c.notNull())
      .addColumn('end_seconds', float, (c) => c.notNull())
      .addColumn('speaker', 'text')
      .addColumn('score', float, (c) => c.notNull())
      .addColumn('engine', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('insights_episode').on('insights').columns(['episode_id', 'position']).execute();

    await db.schema
      .createTable('users')
      .addColumn('id', 'integer', id)
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('interests', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('timezone', 'text', (c) => c.notNull())
      .addColumn('delivery_hour', 'integer', (c) => c.notNull().check(sql`delivery_hour between 0 and 23`))
      .addColumn('status', 'text', (c) =>
        c.notNull().defaultTo('active').check(sql`status in ('active', 'unsubscribed')`),
      )
      .addColumn('unsubscribe_token', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('users_email_lower').unique().on('users').expression(sql`lower(email)`).execute();

    await db.schema
      .createTable('briefs')
      .addColumn('id', 'integer', id)
      .addColumn('user_id', 'integer', references('users.id'))
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('items', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('briefs_user_date', ['user_id', 'date'])
      .execute();

    // insight_id is deliberately not a foreign key: re-extraction deletes insights, but
    // the record of what a subscriber already received must survive it.
    await db.schema
      .createTable('brief_insights')
      .addColumn('brief_id', 'integer', references('briefs.id'))
      .addColumn('user_id', 'integer', references('users.id'))
      .addColumn('insight_id', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('brief_insights_pk', ['brief_id', 'insight_id'])
      .execute();
    await db.schema
      .createIndex('brief_insights_user')
      .on('brief_insights')
      .columns(['user_id', 'insight_id'])
      .execute();

    await db.schema
      .createTable('deliveries')
      .addColumn('id', 'integer', id)
      .addColumn('brief_id', 'integer', (c) => c.notNull().unique().references('briefs.id').onDelete('cascade'))
      .addColumn('user_id', 'integer', references('users.id'))
      .addColumn('status', 'text', (c) =>
        c.notNull().defaultTo('pending').check(sql`status in ('pending', 'sending', 'sent', 'failed')`),
      )
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('transport', 'text')
      .addColumn('message_id', 'text')
      .addColumn('location', 'text')
      .addColumn('last_error', 'text')
      .addColumn('sent_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },

  async down(db: Kysely<any>): Promise<void> {
    for (const table of [
      'deliveries',
      'brief_insights',
      'briefs',
      'users',
      'insights',
      'transcripts',
      'episodes',
      'feeds',
    ]) {
      await db.schema.dropTable(table).ifExists().execute();
    }
  },
};
