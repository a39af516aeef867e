import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { Store } from '../types.js';
import { isoUtc } from '../values.js';

// The table type lives here (added with withTables) so schema.ts stays untouched.
type AuthTokensTable = {
  token_hash: string;
  purpose: string;
  user_id: number;
  uses: number;
  max_uses: number;
  first_used_at: string | null;
  created_at: string;
  expires_at: string;
};

type AuthTokenQueries = Pick<Store, 'createAuthToken' | 'authTokenUser' | 'useAuthToken' | 'authTokensSince'>;

/** One-time tokens of confirmation and sign-in links, by their SHA-256. */
export function authTokenQueries(base: Kysely<Database>): AuthTokenQueries {
  const db = base.withTables<{ auth_tokens: AuthTokensTable }>();

  return {
    async createAuthToken(t) {
      await db
        .insertInto('auth_tokens')
        .values({
          token_hash: t.tokenHash,
          purpose: t.purpose,
          user_id: t.userId,
          uses: 0,
          max_uses: t.maxUses,
          first_used_at: null,
          created_at: isoUtc(t.at),
          expires_at: isoUtc(t.expiresAt),
        })
        .execute();
    },

    async authTokenUser(tokenHash, purpose, now) {
      const row = await db
        .selectFrom('auth_tokens')
        .select('user_id')
        .where('token_hash', '=', tokenHash)
        .where('purpose', '=', purpose)
        .where('expires_at', '>', isoUtc(now))
        .whereRef('uses', '<', 'max_uses')
        .executeTakeFirst();
      return row?.user_id;
    },

    async useAuthToken(tokenHash, purpose, now, reuseWithinMs) {
      const at = isoUtc(now);
      // One statement: the row's own lock makes concurrent uses count one after the other.
      const row = await db
        .updateTable('auth_tokens')
        .set((eb) => ({ uses: eb('uses', '+', 1), first_used_at: eb.fn.coalesce('first_used_at', eb.val(at)) }))
        .where('token_hash', '=', tokenHash)
        .where('purpose', '=', purpose)
        .where('expires_at', '>', at)
        .whereRef('uses', '<', 'max_uses')
        .where((eb) =>
          eb.or([
            eb('first_used_at', 'is', null),
            eb('first_used_at', '>', isoUtc(new Date(now.getTime() - reuseWithinMs))),
          ]),
        )
        .returning('user_id')
        .executeTakeFirst();
      return row?.user_id;
    },

    async authTokensSince(userId, purpose, since) {
      const row = await db
        .selectFrom('auth_tokens')
        .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
        .where('user_id', '=', userId)
        .where('purpose', '=', purpose)
        .where('created_at', '>=', isoUtc(since))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
