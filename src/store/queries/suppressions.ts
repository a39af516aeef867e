import type { Kysely } from 'kysely';
import { toSuppression } from '../row-mappers.js';
import type { Database } from '../schema.js';
import type { Store } from '../types.js';
import { isoUtc } from '../values.js';

type SuppressionQueries = Pick<Store, 'suppressAddress' | 'suppressionFor' | 'listSuppressions'>;

const key = (email: string) => email.trim().toLowerCase();

export function suppressionQueries(db: Kysely<Database>): SuppressionQueries {
  const suppressionFor = async (email: string) => {
    const row = await db.selectFrom('suppressions').selectAll().where('email', '=', key(email)).executeTakeFirst();
    return row && toSuppression(row);
  };
  return {
    async suppressAddress(s) {
      // The first reason stays: a later bounce of an already suppressed address changes nothing.
      await db
        .insertInto('suppressions')
        .values({
          email: key(s.email),
          user_id: s.userId,
          reason: s.reason,
          response_code: s.responseCode,
          detail: s.detail,
          created_at: isoUtc(s.at ?? new Date()),
        })
        .onConflict((oc) => oc.column('email').doNothing())
        .execute();
      const stored = await suppressionFor(s.email);
      if (!stored) throw new Error(`suppression of ${s.email} was not stored`);
      return stored;
    },
    suppressionFor,
    async listSuppressions() {
      const rows = await db.selectFrom('suppressions').selectAll().orderBy('id').execute();
      return rows.map(toSuppression);
    },
  };
}
