import type { DeliveryClaimRules, FeedbackRow, ProfileRow, Store } from '../store/types.js';
import { groupCommit } from './group-commit.js';

/**
 * The store as one send run sees it: the writes every brief makes (store it, claim its delivery,
 * mark it sent) are grouped across the briefs in flight (see group-commit.ts); everything else,
 * and what each write means, is unchanged.
 */
export function withGroupedWrites(store: Store): Store {
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

/** Reads wait for no window: callers woken together (by a grouped write) ask together. */
const READS = { windowMs: 0 };

/**
 * The store as one send run sees it, for reads: the per-subscriber reads of composing and sending
 * (today's brief, what was sent, profile, feedback, the subscriber and their suppression re-read
 * after the claim) made by the briefs in flight go to the database together, one query for all.
 * Each is still read when asked, never from an earlier answer.
 */
export function withBatchedReads(store: Store): Store {
  const briefFor = groupCommit((keys: { userId: number; date: string }[]) => store.briefsFor(keys), READS);
  const sent = groupCommit(async (userIds: number[]) => {
    const byUser = await store.sentInsightIdsOf(userIds);
    return userIds.map((id) => byUser.get(id) ?? new Set<number>());
  }, READS);
  const profile = groupCommit(async (userIds: number[]) => {
    const byUser = await store.profilesOf(userIds);
    return userIds.map((id) => byUser.get(id) as ProfileRow);
  }, READS);
  const feedback = new Map<number, (userId: number) => Promise<FeedbackRow[]>>();
  // Grouped per window start: a run reads feedback since one date.
  const feedbackSince = (since: Date) => {
    let read = feedback.get(since.getTime());
    if (!read) {
      read = groupCommit(async (userIds: number[]) => {
        const byUser = await store.feedbackOfUsers(userIds, since);
        return userIds.map((id) => byUser.get(id) ?? []);
      }, READS);
      feedback.set(since.getTime(), read);
    }
    return read;
  };
  const user = groupCommit(async (ids: number[]) => {
    const byId = await store.usersById(ids);
    return ids.map((id) => byId.get(id));
  }, READS);
  const suppression = groupCommit((emails: string[]) => store.suppressionsFor(emails), READS);
  return {
    ...store,
    briefFor: (userId, date) => briefFor({ userId, date }),
    sentInsightIds: sent,
    profileOf: profile,
    feedbackOf: (userId, since) => feedbackSince(since)(userId),
    userById: user,
    suppressionFor: suppression,
  };
}
