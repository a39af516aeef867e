import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { Store } from '../types.js';
import { isoUtc } from '../values.js';

// Table types live here (added with withTables) so schema.ts stays untouched.
type SessionTables = {
  sessions: { id_hash: string; user_id: number; signed_in_at: string; last_seen_at: string; expires_at: string };
  auth_tokens: { expires_at: string };
};

type SessionQueries = Pick<
  Store,
  'createSession' | 'sessionByHash' | 'extendSession' | 'deleteSession' | 'deleteExpiredAuth'
>;

/** Signed-in browser sessions, by the SHA-256 of the cookie's random id. */
export function sessionQueries(base: Kysely<Database>): SessionQueries {
  const db = base.withTables<SessionTables>();

  return {
    async createSession(s) {
      const at = isoUtc(s.at);
      await db
        .insertInto('sessions')
        .values({
          id_hash: s.idHash,
          user_id: s.userId,
          signed_in_at: at,
          last_seen_at: at,
          expires_at: isoUtc(s.expiresAt),
        })
        .execute();
    },

    async sessionByHash(idHash, now) {
      const row = await db
        .selectFrom('sessions')
        .selectAll()
        .where('id_hash', '=', idHash)
        .where('expires_at', '>', isoUtc(now))
        .executeTakeFirst();
      return (
        row && {
          userId: row.user_id,
          signedInAt: row.signed_in_at,
          lastSeenAt: row.last_seen_at,
          expiresAt: row.expires_at,
        }
      );
    },

    async extendSession(idHash, at, expiresAt) {
      await db
        .updateTable('sessions')
        .set({ last_seen_at: isoUtc(at), expires_at: isoUtc(expiresAt) })
        .where('id_hash', '=', idHash)
        .execute();
    },

    async deleteSession(idHash) {
      await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
    },

    async deleteExpiredAuth(now) {
      const at = isoUtc(now);
      const tokens = await db.deleteFrom('auth_tokens').where('expires_at', '<=', at).executeTakeFirst();
      const sessions = await db.deleteFrom('sessions').where('expires_at', '<=', at).executeTakeFirst();
      return { tokens: Number(tokens.numDeletedRows), sessions: Number(sessions.numDeletedRows) };
    },
  };
}
