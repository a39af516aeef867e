import type { Kysely } from 'kysely';
import type { User } from '../../model/user.js';
import { toBrief, toSuppression, toUser } from '../row-mappers.js';
import type { Database } from '../schema.js';
import type { FeedbackRow, FeedbackValue, ProfileRow, Store, Suppression } from '../types.js';
import { fromJson, isoUtc } from '../values.js';
import { inParts } from './in-parts.js';
import type { ProfileTables } from './profiles.js';

type SubscriberReadQueries = Pick<
  Store,
  | 'briefsFor'
  | 'deliveryOverFor'
  | 'sentInsightIdsOf'
  | 'profilesOf'
  | 'feedbackOfUsers'
  | 'usersById'
  | 'suppressionsFor'
>;

const suppressionKey = (email: string) => email.trim().toLowerCase();

/**
 * The per-subscriber reads of composing and sending a brief, for many subscribers in one query
 * each: a send run reads a batch of subscribers at the cost of one (see src/delivery/batched-store.ts).
 */
export function subscriberReadQueries(base: Kysely<Database>): SubscriberReadQueries {
  const db = base.withTables<ProfileTables>();
  return {
    async briefsFor(keys) {
      const rows = await inParts(
        keys.map((k) => k.userId),
        (userIds) =>
          db
            .selectFrom('briefs')
            .selectAll()
            .where('user_id', 'in', userIds)
            .where('date', 'in', [...new Set(keys.map((k) => k.date))])
            .execute(),
      );
      const byKey = new Map(rows.map((r) => [`${r.user_id}:${r.date}`, r]));
      return keys.map((k) => {
        const row = byKey.get(`${k.userId}:${k.date}`);
        return row && toBrief(row);
      });
    },

    async deliveryOverFor(keys) {
      const rows = await inParts(
        keys.map((k) => k.userId),
        (userIds) =>
          db
            .selectFrom('briefs as b')
            .innerJoin('deliveries as d', 'd.brief_id', 'b.id')
            .select(['b.user_id as user_id', 'b.date as date'])
            .where('b.user_id', 'in', userIds)
            .where('b.date', 'in', [...new Set(keys.map((k) => k.date))])
            .where('d.status', 'in', ['sent', 'bounced', 'cancelled'])
            .execute(),
      );
      const over = new Set(rows.map((r) => `${r.user_id}:${r.date}`));
      return keys.map((k) => over.has(`${k.userId}:${k.date}`));
    },

    async sentInsightIdsOf(userIds) {
      const sent = new Map(userIds.map((id) => [id, new Set<number>()]));
      const rows = await inParts(userIds, (part) =>
        db.selectFrom('brief_insights').select(['user_id', 'insight_id']).where('user_id', 'in', part).execute(),
      );
      // The same words under another id (another episode, or stored before ids survived
      // re-extraction) were sent too: the subscriber would read them word for word again.
      const sameText = await inParts(userIds, (part) =>
        db
          .selectFrom('brief_insights as b')
          .innerJoin('insights as s', 's.id', 'b.insight_id')
          .innerJoin('insights as i', 'i.text_key', 's.text_key')
          .select(['b.user_id as user_id', 'i.id as insight_id'])
          .where('b.user_id', 'in', part)
          .where('i.retired_at', 'is', null)
          .execute(),
      );
      for (const r of [...rows, ...sameText]) sent.get(r.user_id)?.add(r.insight_id);
      return sent;
    },

    async profilesOf(userIds) {
      const profiles = new Map<number, ProfileRow>(
        userIds.map((userId) => [userId, { userId, about: '', onlyFollowed: false, followedFeedIds: [] }]),
      );
      const [rows, follows] = await Promise.all([
        inParts(userIds, (part) => db.selectFrom('user_profiles').selectAll().where('user_id', 'in', part).execute()),
        inParts(userIds, (part) =>
          db.selectFrom('follows').select(['user_id', 'feed_id']).where('user_id', 'in', part).execute(),
        ),
      ]);
      for (const r of rows)
        Object.assign(profiles.get(r.user_id) ?? {}, { about: r.about, onlyFollowed: Number(r.only_followed) === 1 });
      for (const f of follows) profiles.get(f.user_id)?.followedFeedIds.push(f.feed_id);
      for (const p of profiles.values()) p.followedFeedIds.sort((a, b) => a - b);
      return profiles;
    },

    async feedbackOfUsers(userIds, since) {
      const feedback = new Map<number, FeedbackRow[]>(userIds.map((id) => [id, []]));
      const rows = await inParts(userIds, (part) =>
        db
          .selectFrom('feedback')
          .selectAll()
          .where('user_id', 'in', part)
          .where('created_at', '>=', isoUtc(since))
          .orderBy('created_at')
          .orderBy('insight_id')
          .execute(),
      );
      for (const r of rows)
        feedback.get(r.user_id)?.push({
          userId: r.user_id,
          insightId: r.insight_id,
          value: r.value as FeedbackValue,
          feedId: r.feed_id,
          headline: r.headline,
          terms: fromJson<Record<string, number>>(r.terms, 'feedback terms'),
          createdAt: r.created_at,
        });
      return feedback;
    },

    async usersById(ids) {
      const rows = await inParts(ids, (part) => db.selectFrom('users').selectAll().where('id', 'in', part).execute());
      return new Map<number, User>(rows.map((r) => [r.id, toUser(r)]));
    },

    async suppressionsFor(emails) {
      const rows = await inParts(emails.map(suppressionKey), (part) =>
        db.selectFrom('suppressions').selectAll().where('email', 'in', part).execute(),
      );
      const byEmail = new Map<string, Suppression>(rows.map((r) => [r.email, toSuppression(r)]));
      return emails.map((email) => byEmail.get(suppressionKey(email)));
    },
  };
}
