import { randomBytes } from 'node:crypto';
import { sql, type Kysely, type Updateable } from 'kysely';
import { AppError } from '../../model/errors.js';
import type { User } from '../../model/user.js';
import { toUser } from '../row-mappers.js';
import type { Database, UsersTable } from '../schema.js';
import type { Store } from '../types.js';
import { isoUtc, toJson } from '../values.js';

type UserQueries = Pick<
  Store,
  | 'addUser'
  | 'userByEmail'
  | 'userById'
  | 'listUsers'
  | 'usersAfter'
  | 'setUserStatus'
  | 'updateUser'
  | 'confirmUser'
  | 'deleteExpiredSignups'
>;

export function userQueries(db: Kysely<Database>): UserQueries {
  const userByEmail = async (email: string) => {
    const row = await db
      .selectFrom('users')
      .selectAll()
      .where(sql`lower(email)`, '=', email.trim().toLowerCase())
      .executeTakeFirst();
    return row && toUser(row);
  };

  return {
    async addUser(user) {
      const timezone = user.timezone ?? 'UTC';
      const deliveryHour = user.deliveryHour ?? 7;
      checkTimezone(timezone);
      checkDeliveryHour(deliveryHour);
      const email = user.email.trim();
      const createdAt = isoUtc(new Date());
      // No conflict target: the unique index is on lower(email), an expression.
      const inserted = await db
        .insertInto('users')
        .values({
          email,
          interests: toJson(user.interests),
          timezone,
          delivery_hour: deliveryHour,
          unsubscribe_token: randomBytes(24).toString('base64url'),
          created_at: createdAt,
          confirmed_at: user.confirmed === false ? null : createdAt,
        })
        .onConflict((oc) => oc.doNothing())
        .returningAll()
        .executeTakeFirst();
      if (inserted) return { user: toUser(inserted), created: true };
      const existing = await userByEmail(email);
      if (!existing) throw new AppError('store_conflict', `Could not add user ${email}; try again`);
      return { user: existing, created: false };
    },

    userByEmail,

    async userById(id) {
      const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toUser(row);
    },

    async listUsers() {
      const rows = await db.selectFrom('users').selectAll().orderBy('id').execute();
      return rows.map(toUser);
    },

    async usersAfter(afterId, limit) {
      const rows = await db
        .selectFrom('users')
        .selectAll()
        .where('id', '>', afterId)
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(toUser);
    },

    async setUserStatus(id, status) {
      await db.updateTable('users').set({ status }).where('id', '=', id).execute();
    },

    async updateUser(id, patch) {
      const values: Updateable<UsersTable> = {};
      if (patch.interests !== undefined) values.interests = toJson(patch.interests);
      if (patch.timezone !== undefined) values.timezone = checkTimezone(patch.timezone);
      if (patch.deliveryHour !== undefined) values.delivery_hour = checkDeliveryHour(patch.deliveryHour);
      if (Object.keys(values).length === 0) return;
      await db.updateTable('users').set(values).where('id', '=', id).execute();
    },

    async confirmUser(id, at) {
      await db
        .updateTable('users')
        .set({ status: 'active', confirmed_at: sql`coalesce(confirmed_at, ${isoUtc(at)})` })
        .where('id', '=', id)
        .execute();
    },

    async deleteExpiredSignups(createdBefore, now) {
      const result = await db
        .withTables<{ auth_tokens: { user_id: number; purpose: string; expires_at: string } }>()
        .deleteFrom('users')
        .where('confirmed_at', 'is', null)
        .where('created_at', '<', isoUtc(createdBefore))
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('auth_tokens')
                .select('auth_tokens.user_id')
                .whereRef('auth_tokens.user_id', '=', 'users.id')
                .where('auth_tokens.purpose', '=', 'confirm')
                .where('auth_tokens.expires_at', '>', isoUtc(now)),
            ),
          ),
        )
        // Never one that has a brief (it cannot: nothing is composed for an unconfirmed address).
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom('briefs').select('briefs.id').whereRef('briefs.user_id', '=', 'users.id'))),
        )
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

function checkTimezone(timezone: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    return timezone;
  } catch {
    throw new AppError('invalid_timezone', `Unknown time zone: ${timezone}`);
  }
}

function checkDeliveryHour(hour: User['deliveryHour']): number {
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) {
    throw new AppError('invalid_delivery_hour', `Delivery hour must be an integer 0-23, got ${hour}`);
  }
  return hour;
}
