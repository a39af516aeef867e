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
export type GroupedWritesStore = Pick<Store, 'createBrief' | 'claimDelivery' | 'markDeliverySent' | 'deliveryRound'>;

/** The per-subscriber reads a send run groups, and the set-based reads it groups them into (see batched-store.ts). */
export type BatchedReadsStore = Pick<
  Store,
  | 'briefFor'
  | 'sentInsightIds'
  | 'profileOf'
  | 'feedbackOf'
  | 'userById'
  | 'suppressionFor'
  | 'briefsFor'
  | 'sentInsightIdsOf'
  | 'profilesOf'
  | 'feedbackOfUsers'
  | 'usersById'
  | 'suppressionsFor'
>;

/** Where the processes sharing a database take SMTP_RATE_PER_SECOND's send slots from (scale mode). */
export type SendSlotsStore = Pick<Store, 'reserveSendSlots'>;
