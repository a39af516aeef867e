import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import { columnTypes } from './column-types.js';

/** What the LLM insight engine spent (per call) and what it produced (per transcript, so it is paid once). */
export const llmUsage: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    const { id, float } = columnTypes(db);

    // episode_id is not a foreign key: spend must outlive a deleted episode, or the daily
    // budget would forget it; CLI extractions have no episode at all.
    await db.schema
      .createTable('llm_calls')
      .addColumn('id', 'integer', id)
      .addColumn('episode_id', 'integer')
      .addColumn('transcript_hash', 'text', (c) => c.notNull())
      .addColumn('provider', 'text', (c) => c.notNull())
      .addColumn('model', 'text', (c) => c.notNull())
      .addColumn('prompt_version', 'text', (c) => c.notNull())
      .addColumn('input_tokens', 'integer', (c) => c.notNull())
      .addColumn('output_tokens', 'integer', (c) => c.notNull())
      .addColumn('cost_usd', float, (c) => c.notNull())
      .addColumn('duration_ms', 'integer', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('llm_calls_created').on('llm_calls').column('created_at').execute();
    await db.schema.createIndex('llm_calls_episode').on('llm_calls').column('episode_id').execute();

    await db.schema
      .createTable('llm_cache')
      .addColumn('transcript_hash', 'text', (c) => c.notNull())
      .addColumn('engine', 'text', (c) => c.notNull())
      .addColumn('model', 'text', (c) => c.notNull())
      .addColumn('prompt_version', 'text', (c) => c.notNull())
      .addColumn('insights', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('llm_cache_pk', ['transcript_hash', 'engine', 'model', 'prompt_version'])
      .execute();
  },

  async down(db: Kysely<any>): Promise<void> {
    await db.schema.dropTable('llm_cache').ifExists().execute();
    await db.schema.dropTable('llm_calls').ifExists().execute();
  },
};
