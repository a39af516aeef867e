import type { DeliveryClaimRules, Store } from '../store/types.js';
import { groupCommit } from './group-commit.js';
import type { GroupedWritesStore } from './ports.js';

/**
 * The store as one send run sees it: the writes every brief makes (store it, claim its delivery,
 * mark it sent) are grouped across the briefs in flight (see group-commit.ts); everything else,
 * and what each write means, is unchanged.
 */
export function withGroupedWrites<S extends GroupedWritesStore>(store: S): S {
  const createBrief = groupCommit((items: Parameters<Store['createBrief']>[]) =>
    store.createBriefs(items.map(([userId, date, items]) => ({ userId, date, items }))),
  );
  const claims = new Map<number, (briefId: number) => ReturnType<Store['claimDelivery']>>();
  // Claims are grouped per clock: a run claims with one `now`, a retry policy is the same for all.
  const claimerFor = (rules: DeliveryClaimRules) => {
    const key = rules.now.getTime();
    let claim = claims.get(key);
    if (!claim) {
      claim = groupCommit(async (briefIds: number[]) => {
        const claimed = new Map((await store.claimDeliveries(briefIds, rules)).map((d) => [d.briefId, d]));
        // The same brief twice in one batch: only the first caller holds the claim.
        return briefIds.map((id) => {
          const row = claimed.get(id);
          claimed.delete(id);
          return row;
        });
      });
      claims.set(key, claim);
    }
    return claim;
  };
  const markSent = groupCommit(async (sent: Parameters<Store['markDeliveriesSent']>[0]) => {
    await store.markDeliveriesSent(sent);
    return sent.map(() => undefined);
  });
  return {
    ...store,
    createBrief: (userId, date, items) => createBrief([userId, date, items]),
    claimDelivery: (briefId, rules) => claimerFor(rules)(briefId),
    markDeliverySent: (id, sent) => markSent({ id, ...sent }),
  };
}
