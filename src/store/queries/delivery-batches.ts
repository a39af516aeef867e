import type { Kysely } from 'kysely';
import { AppError } from '../../model/errors.js';
import { toBrief, toDeliveryRow } from '../row-mappers.js';
import type { Database } from '../schema.js';
import { writeTransaction } from '../transaction.js';
import type { Brief } from '../../model/brief.js';
import type { DeliveryClaimRules, DeliveryRow, Store } from '../types.js';
import { isoUtc, toJson } from '../values.js';

type DeliveryBatchQueries = Pick<Store, 'deliveryRound'>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Rows per multi-row statement: well under SQLite's 32,766 bound parameters. */
const ROWS = 1000;

function chunks<T>(items: readonly T[], size = ROWS): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

type Round = Parameters<Store['deliveryRound']>[0];
type NewBrief = Round['create'][number];
type SentDelivery = Round['sent'][number];

function checkDates(briefs: readonly NewBrief[]): void {
  for (const b of briefs)
    if (!DATE.test(b.date)) throw new AppError('invalid_date', `Brief date must be YYYY-MM-DD, got ${b.date}`);
}

async function insertBriefs(trx: Kysely<Database>, briefs: NewBrief[]): Promise<(Brief | undefined)[]> {
  if (briefs.length === 0) return [];
  const now = isoUtc(new Date());
  const created = new Map<string, Brief>();
  for (const part of chunks(briefs)) {
    // The unique (user_id, date) constraint decides races: the loser inserts nothing.
    const rows = await trx
      .insertInto('briefs')
      .values(part.map((b) => ({ user_id: b.userId, date: b.date, items: toJson(b.items), created_at: now })))
      .onConflict((oc) => oc.columns(['user_id', 'date']).doNothing())
      .returningAll()
      .execute();
    for (const row of rows) created.set(`${row.user_id}:${row.date}`, toBrief(row));
  }
  // The same (user, date) twice in one batch: the first gets the brief, the other lost the race.
  const stored = briefs.map((b) => {
    const key = `${b.userId}:${b.date}`;
    const brief = created.get(key);
    created.delete(key);
    return brief;
  });
  const links = briefs.flatMap((b, i) => {
    const brief = stored[i];
    if (!brief) return [];
    const insightIds = [...new Set(b.items.map((item) => item.insightId))];
    return insightIds.map((insightId) => ({ brief_id: brief.id, user_id: b.userId, insight_id: insightId }));
  });
  for (const part of chunks(links)) await trx.insertInto('brief_insights').values(part).execute();
  const deliveries = stored.flatMap((brief) =>
    brief ? [{ brief_id: brief.id, user_id: brief.userId, created_at: now, updated_at: now }] : [],
  );
  for (const part of chunks(deliveries)) await trx.insertInto('deliveries').values(part).execute();
  return stored;
}

/** claimDelivery for each brief, in one statement a thousand; the deliveries claimed, in no particular order. */
export async function claimDeliveries(
  db: Kysely<Database>,
  briefIds: number[],
  rules: DeliveryClaimRules,
): Promise<DeliveryRow[]> {
  if (briefIds.length === 0) return [];
  const now = rules.now.getTime();
  const before = (ms: number) => isoUtc(new Date(now - ms));
  const claimed = [];
  for (const part of chunks(briefIds)) {
    // One statement is the compare-and-set for every row in it: concurrent claimers cannot both match a row.
    const rows = await db
      .updateTable('deliveries')
      .set((eb) => ({
        status: 'sending',
        attempts: eb('attempts', '+', 1),
        updated_at: isoUtc(rules.now),
        heartbeat_at: isoUtc(rules.now),
        // SET sees the row as it was: taking over a dead worker's 'sending' may follow a send that went out.
        possible_duplicates: eb
          .case()
          .when('status', '=', 'sending')
          .then(eb('possible_duplicates', '+', 1))
          .else(eb.ref('possible_duplicates'))
          .end(),
      }))
      .where('brief_id', 'in', part)
      .where((eb) =>
        eb.or([
          eb('status', '=', 'pending'),
          eb.and([
            eb('status', '=', 'sending'),
            eb(eb.fn.coalesce('heartbeat_at', 'updated_at'), '<=', before(rules.leaseMs)),
          ]),
          // One branch per attempt count keeps the backoff portable SQL on both dialects.
          ...Array.from({ length: Math.max(0, rules.maxAttempts - 1) }, (_, k) =>
            eb.and([
              eb('status', '=', 'failed'),
              eb('attempts', '=', k + 1),
              eb('updated_at', '<=', before(rules.retryDelayMs(k + 1))),
            ]),
          ),
        ]),
      )
      .returningAll()
      .execute();
    claimed.push(...rows.map(toDeliveryRow));
  }
  return claimed;
}

/** Marks each sent; the ids that matched no delivery. */
async function markSent(trx: Kysely<Database>, sent: SentDelivery[]): Promise<number[]> {
  const now = isoUtc(new Date());
  const notFound: number[] = [];
  for (const s of sent) {
    const result = await trx
      .updateTable('deliveries')
      .set({
        status: 'sent',
        transport: s.transport,
        message_id: s.messageId,
        location: s.location,
        last_error: null,
        last_error_code: null,
        sent_at: now,
        updated_at: now,
      })
      .where('id', '=', s.id)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) notFound.push(s.id);
  }
  return notFound;
}

function notFound(ids: number[]): AppError {
  return new AppError(
    'delivery_not_found',
    ids.length === 1 ? `Delivery ${ids[0]} does not exist` : `Deliveries ${ids.join(', ')} do not exist`,
  );
}

/**
 * The writes of many deliveries at once, each batch in one transaction (one commit, one fsync on
 * SQLite) and, where the rows allow, one statement: a send run's store writes grouped.
 */
export function deliveryBatchQueries(db: Kysely<Database>): DeliveryBatchQueries {
  return {
    async deliveryRound(round) {
      checkDates(round.create);
      return writeTransaction(db, async (trx) => {
        const created = await insertBriefs(trx, round.create);
        const claimed = [];
        for (const c of round.claims) claimed.push(await claimDeliveries(trx, c.briefIds, c.rules));
        const missing = await markSent(trx, round.sent);
        // Thrown inside, so the round's other writes are rolled back with it (and retried alone).
        if (missing.length > 0) throw notFound(missing);
        return { created, claimed };
      });
    },
  };
}
