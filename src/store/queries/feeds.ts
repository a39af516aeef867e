import type { Expression, ExpressionBuilder, Kysely, SqlBool, Updateable } from 'kysely';
import { AppError } from '../../model/errors.js';
import { splitFeedCredentials } from '../../model/feed-url.js';
import type { CredentialSeal } from '../credential-seal.js';
import { groupCommit } from '../group-commit.js';
import { dialectOf } from '../dialect.js';
import { toFeedRow } from '../row-mappers.js';
import type { Database, FeedsTable } from '../schema.js';
import type { FeedPollUpdate, ShowText, Store } from '../types.js';
import { fromJson, isoUtc, isoFromString } from '../values.js';
import { inParts } from './in-parts.js';

type FeedQueries = Pick<
  Store,
  | 'addFeed'
  | 'removeFeed'
  | 'feedAuth'
  | 'feedById'
  | 'showTexts'
  | 'feedToPoll'
  | 'feedByUrl'
  | 'listFeeds'
  | 'dueFeeds'
  | 'claimDueFeeds'
  | 'renewFeedLeases'
  | 'updateFeed'
>;

export function feedQueries(db: Kysely<Database>, credentials: CredentialSeal): FeedQueries {
  const writeFeed = groupCommit<{ id: number; values: Updateable<FeedsTable> }>(db, async (trx, { id, values }) => {
    await trx.updateTable('feeds').set(values).where('id', '=', id).execute();
  });
  const openAuth = async (id: number, sealed: string) => {
    const { clear, stale } = credentials.open(sealed);
    // Stored in clear (before sealing) or under the previous secret: sealed under the current one now.
    if (stale)
      await db
        .updateTable('feeds')
        .set({ auth: credentials.seal(clear) })
        .where('id', '=', id)
        .where('auth', '=', sealed)
        .execute();
    return clear;
  };
  const feedByUrl = async (raw: string) => {
    const { url } = splitFeedCredentials(raw);
    const row = await db.selectFrom('feeds').selectAll().where('url', '=', url).executeTakeFirst();
    return row && toFeedRow(row);
  };

  return {
    async addFeed(raw) {
      const { url, auth: clear } = splitFeedCredentials(raw);
      const auth = clear === null ? null : credentials.seal(clear);
      const inserted = await db
        .insertInto('feeds')
        .values({ url, auth, created_at: isoUtc(new Date()) })
        .onConflict((oc) => oc.column('url').doNothing())
        .returningAll()
        .executeTakeFirst();
      if (inserted) return { feed: toFeedRow(inserted), created: true };
      const existing = await feedByUrl(url);
      if (!existing) throw new AppError('store_conflict', `Feed ${url} was removed while being added`);
      if (auth !== null) await db.updateTable('feeds').set({ auth }).where('id', '=', existing.id).execute();
      return { feed: existing, created: false };
    },

    async removeFeed(id) {
      const deleted = await db.deleteFrom('feeds').where('id', '=', id).executeTakeFirst();
      return Number(deleted.numDeletedRows) > 0;
    },

    async feedAuth(id) {
      const row = await db.selectFrom('feeds').select('auth').where('id', '=', id).executeTakeFirst();
      return row?.auth ? openAuth(id, row.auth) : null;
    },

    async feedById(id) {
      const row = await db.selectFrom('feeds').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toFeedRow(row);
    },

    async feedToPoll(id) {
      const row = await db.selectFrom('feeds').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) return undefined;
      // Sealed credentials are opened inside the poll, where a key that cannot open them fails that
      // feed with its code.
      const sealed = row.auth;
      return { feed: toFeedRow(row), auth: sealed ? () => openAuth(id, sealed) : null };
    },

    feedByUrl,

    async showTexts(feedIds) {
      const rows = await inParts(feedIds, (part) =>
        db.selectFrom('feeds').select(['id', 'title', 'description', 'categories']).where('id', 'in', part).execute(),
      );
      const texts = new Map<number, ShowText>();
      for (const r of rows)
        texts.set(r.id, {
          title: r.title,
          description: r.description,
          categories: r.categories ? fromJson<string[]>(r.categories, 'feed categories') : [],
        });
      return texts;
    },

    async listFeeds() {
      const rows = await db.selectFrom('feeds').selectAll().orderBy('id').execute();
      return rows.map(toFeedRow);
    },

    async dueFeeds(now) {
      const rows = await db
        .selectFrom('feeds')
        .selectAll()
        .where((eb) => dueForPoll(eb, now))
        .orderBy((eb) => eb.fn.coalesce('next_poll_at', eb.val('')))
        .orderBy('id')
        .execute();
      return rows.map(toFeedRow);
    },

    async claimDueFeeds(now, limit, leaseMs) {
      const at = isoUtc(now);
      let due = db
        .selectFrom('feeds')
        .select('id')
        .where((eb) => dueForPoll(eb, now))
        .where((eb) => eb.or([eb('poll_lease_until', 'is', null), eb('poll_lease_until', '<=', at)]))
        .orderBy((eb) => eb.fn.coalesce('next_poll_at', eb.val('')))
        .orderBy('id')
        .limit(limit);
      // PostgreSQL: a feed another poller is taking right now is skipped, not waited for (and then
      // taken twice). SQLite runs one write at a time, so the statement alone is the compare-and-set.
      if (dialectOf(db) === 'postgres') due = due.forUpdate().skipLocked();
      const rows = await db
        .updateTable('feeds')
        .set({ poll_lease_until: isoUtc(new Date(now.getTime() + leaseMs)) })
        .where('id', 'in', due)
        .returningAll()
        .execute();
      return rows
        .sort((a, b) => (a.next_poll_at ?? '').localeCompare(b.next_poll_at ?? '') || a.id - b.id)
        .map(toFeedRow);
    },

    async renewFeedLeases(ids, now, leaseMs) {
      if (ids.length === 0) return;
      await db
        .updateTable('feeds')
        .set({ poll_lease_until: isoUtc(new Date(now.getTime() + leaseMs)) })
        .where('id', 'in', ids)
        .where('poll_lease_until', 'is not', null)
        .execute();
    },

    async updateFeed(id, update) {
      const values = feedUpdateValues(update);
      if (Object.keys(values).length === 0) return;
      await writeFeed({ id, values });
    },
  };
}

/** The feeds dueFeeds lists and claimDueFeeds takes. */
function dueForPoll(eb: ExpressionBuilder<Database, 'feeds'>, now: Date): Expression<SqlBool> {
  // A paused feed is still tried at its (long) next_poll_at, so one that recovers resumes by itself.
  return eb.or([
    eb.and([eb('status', '=', 'active'), eb('next_poll_at', 'is', null)]),
    eb.and([eb('status', 'in', ['active', 'paused']), eb('next_poll_at', '<=', isoUtc(now))]),
  ]);
}

function feedUpdateValues(u: FeedPollUpdate): Updateable<FeedsTable> {
  const v: Updateable<FeedsTable> = {};
  if (u.title !== undefined) v.title = u.title;
  if (u.description !== undefined) v.description = u.description;
  if (u.categories !== undefined) v.categories = JSON.stringify(u.categories);
  if (u.link !== undefined) v.link = u.link;
  if (u.imageUrl !== undefined) v.image_url = u.imageUrl;
  if (u.language !== undefined) v.language = u.language;
  if (u.etag !== undefined) v.etag = u.etag;
  if (u.lastModified !== undefined) v.last_modified = u.lastModified;
  if (u.contentHash !== undefined) v.content_hash = u.contentHash;
  if (u.lastPolledAt !== undefined) v.last_polled_at = isoFromString(u.lastPolledAt);
  if (u.nextPollAt !== undefined) {
    v.next_poll_at = isoFromString(u.nextPollAt);
    // Rescheduled: the poll that held it is over.
    v.poll_lease_until = null;
  }
  if (u.errorCount !== undefined) v.error_count = u.errorCount;
  if (u.lastError !== undefined) v.last_error = u.lastError;
  if (u.status !== undefined) v.status = u.status;
  if (u.cadenceSeconds !== undefined) v.cadence_seconds = u.cadenceSeconds;
  if (u.fullFetchedAt !== undefined) v.full_fetched_at = isoFromString(u.fullFetchedAt);
  return v;
}
