import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect.js';
import { toBrief, toFeedRow, toUser } from '../row-mappers.js';
import type { Database } from '../schema.js';
import { writeTransaction } from '../transaction.js';
import type { Store } from '../types.js';
import { isoUtc } from '../values.js';

type AccountQueries = Pick<
  Store,
  | 'briefsByUser'
  | 'countBriefsByUser'
  | 'setPaused'
  | 'feedTokenHashOf'
  | 'setFeedTokenHash'
  | 'userByFeedTokenHash'
  | 'searchFeeds'
  | 'deleteUserData'
>;

/** Tables with a user_id column that are deleted first, children before parents. */
const KNOWN_USER_TABLES = ['deliveries', 'brief_insights', 'feedback', 'follows', 'user_profiles', 'briefs'];

/** What a signed-in subscriber reads and changes about their own account. */
export function accountQueries(db: Kysely<Database>): AccountQueries {
  return {
    async briefsByUser(userId, page) {
      const rows = await db
        .selectFrom('briefs')
        .selectAll()
        .where('user_id', '=', userId)
        .orderBy('date', 'desc')
        .orderBy('id', 'desc')
        .limit(Math.max(0, Math.floor(page.limit)))
        .offset(Math.max(0, Math.floor(page.offset)))
        .execute();
      return rows.map(toBrief);
    },

    async countBriefsByUser(userId) {
      const row = await db
        .selectFrom('briefs')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },

    async setPaused(userId, at) {
      await db
        .updateTable('users')
        .set({ paused_at: at ? isoUtc(at) : null })
        .where('id', '=', userId)
        .execute();
    },

    async feedTokenHashOf(userId) {
      const row = await db.selectFrom('users').select('feed_token_hash').where('id', '=', userId).executeTakeFirst();
      return row?.feed_token_hash ?? undefined;
    },

    async setFeedTokenHash(userId, hash) {
      await db.updateTable('users').set({ feed_token_hash: hash }).where('id', '=', userId).execute();
    },

    async userByFeedTokenHash(hash) {
      if (!hash) return undefined;
      const row = await db.selectFrom('users').selectAll().where('feed_token_hash', '=', hash).executeTakeFirst();
      return row && toUser(row);
    },

    async searchFeeds(query, limit) {
      const needle = query.trim().toLowerCase();
      if (!needle) return [];
      // LIKE with its wildcards escaped: the query is matched as plain text.
      const pattern = `%${needle.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      const rows = await db
        .selectFrom('feeds')
        .selectAll()
        .where(sql<boolean>`lower(coalesce(title, url)) like ${pattern} escape '\\'`)
        .orderBy(sql`lower(coalesce(title, url))`)
        .orderBy('id')
        .limit(Math.max(0, Math.floor(limit)))
        .execute();
      return rows.map(toFeedRow);
    },

    async deleteUserData(userId) {
      await writeTransaction(db, async (trx) => {
        const others = (await userTables(trx)).filter((t) => t !== 'users' && !KNOWN_USER_TABLES.includes(t));
        const loose = trx as unknown as Kysely<Record<string, { user_id: number }>>;
        for (const table of [...KNOWN_USER_TABLES, ...others])
          await loose.deleteFrom(table).where('user_id', '=', userId).execute();
        await trx.deleteFrom('users').where('id', '=', userId).execute();
      });
    },
  };
}

/**
 * Every table with a user_id column, so tables added later (sessions, sign-in tokens) are erased
 * too. Their foreign keys cascade from users as well; this also covers one that does not.
 */
async function userTables(db: Kysely<Database>): Promise<string[]> {
  const { rows } =
    dialectOf(db) === 'postgres'
      ? await sql<{ name: string }>`select table_name as name from information_schema.columns
          where table_schema = current_schema() and column_name = 'user_id'`.execute(db)
      : await sql<{ name: string }>`select m.name as name from sqlite_master m
          join pragma_table_info(m.name) p where m.type = 'table' and p.name = 'user_id'`.execute(db);
  return rows.map((r) => r.name).sort();
}
