import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import { splitFeedCredentials, withFeedCredentials } from '../../model/feed-url.js';

/**
 * Credentials of a feed URL (`https://user:pass@host/feed`) move to `feeds.auth` (the userinfo,
 * `user:pass`), so `url` never carries them and nothing that shows a feed's URL can leak them.
 * A row whose URL without credentials is already another feed's keeps its URL (listing redacts it).
 */
export const feedCredentials: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    await db.schema.alterTable('feeds').addColumn('auth', 'text').execute();
    const rows = (await db.selectFrom('feeds').select(['id', 'url']).where('url', 'like', '%@%').execute()) as {
      id: number;
      url: string;
    }[];
    for (const row of rows) {
      const { url, auth } = splitFeedCredentials(row.url);
      if (auth === null) continue;
      const taken = await db.selectFrom('feeds').select('id').where('url', '=', url).executeTakeFirst();
      if (taken) continue;
      await db.updateTable('feeds').set({ url, auth }).where('id', '=', row.id).execute();
    }
  },

  async down(db: Kysely<any>): Promise<void> {
    const rows = (await db
      .selectFrom('feeds')
      .select(['id', 'url', 'auth'])
      .where('auth', 'is not', null)
      .execute()) as {
      id: number;
      url: string;
      auth: string;
    }[];
    for (const row of rows)
      await db
        .updateTable('feeds')
        .set({ url: withFeedCredentials(row.url, row.auth) })
        .where('id', '=', row.id)
        .execute();
    await db.schema.alterTable('feeds').dropColumn('auth').execute();
  },
};
