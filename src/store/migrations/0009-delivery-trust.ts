import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import { columnTypes } from './column-types.js';

const OLD_STATUSES = sql`status in ('pending', 'sending', 'sent', 'failed')`;
// cancelled: the subscriber left (unsubscribed, suppressed) after the brief was queued; bounced: a hard (5xx) bounce.
const NEW_STATUSES = sql`status in ('pending', 'sending', 'sent', 'failed', 'cancelled', 'bounced')`;

/**
 * Delivery you can trust: a heartbeat so a crashed send is re-claimed within a minute, a count of
 * such possible duplicates, the stable code of the last error, two final statuses, and the
 * suppression list (an address that hard-bounced gets no further mail).
 */
export const deliveryTrust: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    const { pg, id } = columnTypes(db);
    await setStatuses(db, pg, NEW_STATUSES);
    await db.schema.alterTable('deliveries').addColumn('heartbeat_at', 'text').execute();
    await db.schema
      .alterTable('deliveries')
      .addColumn('possible_duplicates', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.alterTable('deliveries').addColumn('last_error_code', 'text').execute();
    await db.schema
      .createTable('suppressions')
      .addColumn('id', 'integer', id)
      // Lower-cased address: suppression follows the mailbox, not the account.
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('response_code', 'integer')
      .addColumn('detail', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
  },

  async down(db: Kysely<any>): Promise<void> {
    const { pg } = columnTypes(db);
    await db.schema.dropTable('suppressions').ifExists().execute();
    await db.deleteFrom('deliveries').where('status', 'in', ['cancelled', 'bounced']).execute();
    await db.schema.alterTable('deliveries').dropColumn('last_error_code').execute();
    await db.schema.alterTable('deliveries').dropColumn('possible_duplicates').execute();
    await db.schema.alterTable('deliveries').dropColumn('heartbeat_at').execute();
    await setStatuses(db, pg, OLD_STATUSES);
  },
};

/** Replaces the CHECK on deliveries.status: in place on PostgreSQL; SQLite cannot, so the table is rebuilt. */
async function setStatuses(db: Kysely<any>, pg: boolean, check: ReturnType<typeof sql>): Promise<void> {
  if (pg) {
    await sql`alter table deliveries drop constraint if exists deliveries_status_check`.execute(db);
    await sql`alter table deliveries add constraint deliveries_status_check check (${check})`.execute(db);
    return;
  }
  const row = await sql<{
    sql: string;
  }>`select sql from sqlite_master where type = 'table' and name = 'deliveries'`.execute(db);
  const create = row.rows[0]?.sql;
  if (!create) throw new Error('deliveries table not found');
  const statusCheck = /check\s*\(\s*"?status"?\s+in\s*\([^)]*\)\s*\)/i;
  if (!statusCheck.test(create)) throw new Error('deliveries.status check not found');
  const compiled = check.compile(db).sql;
  const rebuilt = create
    .replace(/^CREATE TABLE\s+"?deliveries"?/i, 'CREATE TABLE "deliveries_rebuilt"')
    .replace(statusCheck, `check (${compiled})`);
  await sql.raw(rebuilt).execute(db);
  await sql`insert into deliveries_rebuilt select * from deliveries`.execute(db);
  await sql`drop table deliveries`.execute(db);
  await sql`alter table deliveries_rebuilt rename to deliveries`.execute(db);
}
