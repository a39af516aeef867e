import type { Brief } from '../model/brief.js';
import type { DeliveryClaimRules, DeliveryRow, FeedbackRow, ProfileRow, Store } from '../store/types.js';
import { groupCommit } from '../model/group-commit.js';
import type { BatchedReadsStore, GroupedWritesStore } from './ports.js';

type Round = Parameters<Store['deliveryRound']>[0];
type Write =
  | { kind: 'create'; brief: Round['create'][number] }
  | { kind: 'claim'; briefId: number; rules: DeliveryClaimRules }
  | { kind: 'sent'; sent: Round['sent'][number] };
type Written = Brief | DeliveryRow | undefined;

/** One round's writes, each claim set grouped by its rules (a run claims with one clock). */
async function writeRound(store: GroupedWritesStore, writes: Write[]): Promise<Written[]> {
  const claims = new Map<number, { briefIds: number[]; rules: DeliveryClaimRules }>();
  const round: Round = { create: [], claims: [], sent: [] };
  for (const w of writes) {
    if (w.kind === 'create') round.create.push(w.brief);
    else if (w.kind === 'sent') round.sent.push(w.sent);
    else {
      const key = w.rules.now.getTime();
      const group = claims.get(key) ?? { briefIds: [], rules: w.rules };
      if (!claims.has(key)) {
        claims.set(key, group);
        round.claims.push(group);
      }
      group.briefIds.push(w.briefId);
    }
  }
  const { created, claimed } = await store.deliveryRound(round);
  const held = new Map(
    round.claims.map((c, i) => [c.rules.now.getTime(), new Map((claimed[i] ?? []).map((d) => [d.briefId, d]))]),
  );
  let nextCreated = 0;
  return writes.map((w) => {
    if (w.kind === 'create') return created[nextCreated++];
    if (w.kind === 'sent') return undefined;
    const byBrief = held.get(w.rules.now.getTime());
    // The same brief twice in one round: only the first caller holds the claim.
    const row = byBrief?.get(w.briefId);
    byBrief?.delete(w.briefId);
    return row;
  });
}

/**
 * The store as one send run sees it: the writes every brief makes (store it, claim its delivery,
 * mark it sent) are grouped across the briefs in flight (see group-commit.ts), all three kinds in
 * one transaction a round, so the run pays one commit (one fsync on SQLite) where it paid three;
 * everything else, and what each write means, is unchanged.
 */
export function withGroupedWrites<S extends GroupedWritesStore>(store: S): S {
  const write = groupCommit((writes: Write[]) => writeRound(store, writes));
  return {
    ...store,
    createBrief: async (userId, date, items) =>
      (await write({ kind: 'create', brief: { userId, date, items } })) as Brief | undefined,
    claimDelivery: async (briefId, rules) =>
      (await write({ kind: 'claim', briefId, rules })) as DeliveryRow | undefined,
    markDeliverySent: async (id, sent) => {
      await write({ kind: 'sent', sent: { id, ...sent } });
    },
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
export function withBatchedReads<S extends BatchedReadsStore>(store: S): S {
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
