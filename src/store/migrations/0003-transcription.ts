import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import { columnTypes } from './column-types.js';

/** What speech-to-text spent: one row per chunk an engine charged for (cost records, daily budget). */
export const transcription: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    const { id, float } = columnTypes(db);

    // episode_id is not a foreign key: spend must outlive a deleted episode, or the daily budget
    // would forget it.
    await db.schema
      .createTable('asr_usage')
      .addColumn('id', 'integer', id)
      .addColumn('episode_id', 'integer')
      .addColumn('audio_hash', 'text', (c) => c.notNull())
      .addColumn('engine', 'text', (c) => c.notNull())
      .addColumn('model', 'text', (c) => c.notNull())
      .addColumn('chunk_index', 'integer', (c) => c.notNull())
      .addColumn('audio_seconds', float, (c) => c.notNull())
      .addColumn('cost_usd', float, (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('asr_usage_created').on('asr_usage').column('created_at').execute();
    await db.schema.createIndex('asr_usage_episode').on('asr_usage').column('episode_id').execute();
  },

  async down(db: Kysely<any>): Promise<void> {
    await db.schema.dropTable('asr_usage').ifExists().execute();
  },
};
