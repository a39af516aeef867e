import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { subscriberReadQueries } from './subscriber-reads.js';
import type { ProfileRow, Store } from '../types.js';
import { isoUtc, toJson } from '../values.js';

export type ProfileTables = {
  user_profiles: { user_id: number; about: string; only_followed: number; updated_at: string };
  follows: { user_id: number; feed_id: number; created_at: string };
  feedback: {
    user_id: number;
    insight_id: number;
    signal: string;
    value: string;
    feed_id: number | null;
    headline: string;
    terms: string;
    created_at: string;
  };
};

type ProfileQueries = Pick<
  Store,
  'profileOf' | 'listProfiles' | 'updateProfile' | 'setFollow' | 'recordFeedback' | 'feedbackOf'
>;

export function profileQueries(base: Kysely<Database>): ProfileQueries {
  const db = base.withTables<ProfileTables>();
  const reads = subscriberReadQueries(base);
  const empty = (userId: number): ProfileRow => ({ userId, about: '', onlyFollowed: false, followedFeedIds: [] });

  return {
    async profileOf(userId) {
      return (await reads.profilesOf([userId])).get(userId) ?? empty(userId);
    },

    async listProfiles() {
      const [rows, follows] = await Promise.all([
        db.selectFrom('user_profiles').selectAll().execute(),
        db.selectFrom('follows').selectAll().orderBy('feed_id').execute(),
      ]);
      const byUser = new Map<number, ProfileRow>();
      const get = (id: number) => byUser.get(id) ?? byUser.set(id, empty(id)).get(id)!;
      for (const r of rows)
        Object.assign(get(r.user_id), { about: r.about, onlyFollowed: Number(r.only_followed) === 1 });
      for (const f of follows) get(f.user_id).followedFeedIds.push(f.feed_id);
      return [...byUser.values()].sort((a, b) => a.userId - b.userId);
    },

    async updateProfile(userId, patch) {
      const now = isoUtc(new Date());
      const set = {
        ...(patch.about !== undefined ? { about: patch.about } : {}),
        ...(patch.onlyFollowed !== undefined ? { only_followed: patch.onlyFollowed ? 1 : 0 } : {}),
        updated_at: now,
      };
      await db
        .insertInto('user_profiles')
        .values({
          user_id: userId,
          about: patch.about ?? '',
          only_followed: patch.onlyFollowed ? 1 : 0,
          updated_at: now,
        })
        .onConflict((oc) => oc.column('user_id').doUpdateSet(set))
        .execute();
    },

    async setFollow(userId, feedId, follow) {
      if (!follow) {
        await db.deleteFrom('follows').where('user_id', '=', userId).where('feed_id', '=', feedId).execute();
        return;
      }
      await db
        .insertInto('follows')
        .values({ user_id: userId, feed_id: feedId, created_at: isoUtc(new Date()) })
        .onConflict((oc) => oc.columns(['user_id', 'feed_id']).doNothing())
        .execute();
    },

    async recordFeedback(f) {
      const signal = f.value === 'click' ? 'click' : 'vote';
      const row = {
        user_id: f.userId,
        insight_id: f.insightId,
        signal,
        value: f.value,
        feed_id: f.feedId,
        headline: f.headline,
        terms: toJson(f.terms),
        created_at: isoUtc(f.at),
      };
      await db
        .insertInto('feedback')
        .values(row)
        .onConflict((oc) => {
          const target = oc.columns(['user_id', 'insight_id', 'signal']);
          // Repeating the same vote (a second click on the link) must not refresh its age.
          return signal === 'click'
            ? target.doNothing()
            : target.doUpdateSet({ value: f.value, created_at: row.created_at }).where('feedback.value', '<>', f.value);
        })
        .execute();
    },

    async feedbackOf(userId, since) {
      return (await reads.feedbackOfUsers([userId], since)).get(userId) ?? [];
    },
  };
}
