import type { Kysely } from 'kysely';
import { AppError } from '../../model/errors.js';
import { toDeliveryRow } from '../row-mappers.js';
import { claimDeliveries, deliveryBatchQueries } from './delivery-batches.js';
import type { Database } from '../schema.js';
import type { Store } from '../types.js';
import { isoUtc } from '../values.js';

type DeliveryQueries = Pick<
  Store,
  | 'deliveryForBrief'
  | 'claimDelivery'
  | 'markDeliverySent'
  | 'markDeliveryFailed'
  | 'listDeliveries'
  | 'heartbeatDelivery'
  | 'closeDelivery'
>;

export function deliveryQueries(db: Kysely<Database>): DeliveryQueries {
  const batches = deliveryBatchQueries(db);
  return {
    async deliveryForBrief(briefId) {
      const row = await db.selectFrom('deliveries').selectAll().where('brief_id', '=', briefId).executeTakeFirst();
      return row && toDeliveryRow(row);
    },

    async claimDelivery(briefId, rules) {
      return (await claimDeliveries(db, [briefId], rules))[0];
    },

    async markDeliverySent(id, sent) {
      await batches.deliveryRound({ create: [], claims: [], sent: [{ id, ...sent }] });
    },

    async markDeliveryFailed(id, error, at = new Date(), code) {
      const result = await db
        .updateTable('deliveries')
        .set({ status: 'failed', last_error: error, last_error_code: code ?? null, updated_at: isoUtc(at) })
        .where('id', '=', id)
        // A late failure report must not undo a send that already succeeded.
        .where('status', '<>', 'sent')
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n && !(await exists(db, id))) throw notFound(id);
    },

    async heartbeatDelivery(id, at = new Date()) {
      await db
        .updateTable('deliveries')
        .set({ heartbeat_at: isoUtc(at) })
        .where('id', '=', id)
        .where('status', '=', 'sending')
        .execute();
    },

    async closeDelivery(id, close) {
      const result = await db
        .updateTable('deliveries')
        .set({
          status: close.status,
          last_error: close.error,
          last_error_code: close.code,
          updated_at: isoUtc(new Date()),
        })
        .where('id', '=', id)
        .where('status', '<>', 'sent')
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n && !(await exists(db, id))) throw notFound(id);
    },

    async listDeliveries(limit) {
      const rows = await db.selectFrom('deliveries').selectAll().orderBy('id', 'desc').limit(limit).execute();
      return rows.map(toDeliveryRow);
    },
  };
}

async function exists(db: Kysely<Database>, id: number): Promise<boolean> {
  const row = await db.selectFrom('deliveries').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}

function notFound(id: number): AppError {
  return new AppError('delivery_not_found', `Delivery ${id} does not exist`);
}
