import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import { columnTypes } from './column-types.js';

/**
 * The next free send slot of SMTP_RATE_PER_SECOND, shared by every process on the database
 * (reserveSendSlots): one row per pace, in epoch milliseconds of the database's clock.
 */
export const sendPace: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    const { float } = columnTypes(db);
    await db.schema
      .createTable('send_pace')
      .addColumn('pace', 'text', (c) => c.primaryKey())
      .addColumn('next_at_ms', float, (c) => c.notNull())
      .execute();
  },

  async down(db: Kysely<any>): Promise<void> {
    await db.schema.dropTable('send_pace').ifExists().execute();
  },
};
