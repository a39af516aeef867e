import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect.js';
import type { Database } from '../schema.js';
import type { Store } from '../types.js';

/** The one pace there is: SMTP_RATE_PER_SECOND. */
const SMTP_PACE = 'smtp';

type SendPaceQueries = Pick<Store, 'reserveSendSlots'>;

export function sendPaceQueries(db: Kysely<Database>): SendPaceQueries {
  const pg = dialectOf(db) === 'postgres';
  // One value for the whole statement on both: statement_timestamp(), and SQLite's 'now' within one step.
  const nowMs = pg
    ? sql<number>`(extract(epoch from statement_timestamp()) * 1000)::float8`
    : sql<number>`((julianday('now') - 2440587.5) * 86400000.0)`;
  const later = sql.raw(pg ? 'greatest' : 'max');
  return {
    async reserveSendSlots(count, gapMs) {
      if (!(count >= 1) || !(gapMs > 0)) throw new Error(`reserveSendSlots: ${count} slots of ${gapMs} ms`);
      const span = sql<number>`cast(${count * gapMs} as double precision)`;
      // The block starts at the next free slot, or now when that has passed: greatest(next, now) + span.
      const { rows } = await sql<{ wait_ms: number }>`
        insert into send_pace (pace, next_at_ms) values (${SMTP_PACE}, ${nowMs} + ${span})
        on conflict (pace) do update set next_at_ms = ${later}(send_pace.next_at_ms + ${span}, excluded.next_at_ms)
        returning next_at_ms - ${span} - ${nowMs} as wait_ms`.execute(db);
      const waitMs = Number(rows[0]?.wait_ms);
      if (!Number.isFinite(waitMs)) throw new Error('reserveSendSlots: no slot returned');
      return Math.max(0, waitMs);
    },
  };
}
