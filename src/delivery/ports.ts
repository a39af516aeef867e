import type { Store } from '../store/types.js';

/** What sending one stored brief reads and writes: the subscriber, suppressions and the delivery row. */
export type SendBriefStore = Pick<
  Store,
  | 'suppressionFor'
  | 'claimDelivery'
  | 'deliveryForBrief'
  | 'userById'
  | 'closeDelivery'
  | 'heartbeatDelivery'
  | 'markDeliverySent'
  | 'suppressAddress'
  | 'markDeliveryFailed'
>;

/** The single writes a send run groups, and the batch writes it groups them into (see batched-store.ts). */
export type GroupedWritesStore = Pick<
  Store,
  'createBrief' | 'claimDelivery' | 'markDeliverySent' | 'createBriefs' | 'claimDeliveries' | 'markDeliveriesSent'
>;
