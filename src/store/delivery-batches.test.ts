import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from './index.js';
import { briefItem } from './test-fixtures.js';
import { createTestDatabase, testDialects, type TestDatabase } from './test-harness.js';
import type { DeliveryClaimRules } from './types.js';

const rules = (now: Date): DeliveryClaimRules => ({ now, leaseMs: 60_000, maxAttempts: 6, retryDelayMs: () => 0 });

for (const { dialect, label, skip } of await testDialects()) {
  describe.skipIf(skip)(`delivery writes in batches [${label}]`, () => {
    let db: TestDatabase;
    let store: Store;
    let users: number[];
    beforeEach(async () => {
      db = await createTestDatabase(dialect);
      store = await openStore(db.options);
      users = [];
      for (const email of ['a@example.com', 'b@example.com', 'c@example.com'])
        users.push((await store.addUser({ email, interests: [] })).user.id);
    });
    afterEach(async () => {
      await store.close();
      await db.dispose();
    });
    type Round = Parameters<Store['deliveryRound']>[0];
    const createBriefs = async (create: Round['create']) =>
      (await store.deliveryRound({ create, claims: [], sent: [] })).created;
    const claimDeliveries = async (briefIds: number[], at: Date) =>
      (await store.deliveryRound({ create: [], claims: [{ briefIds, rules: rules(at) }], sent: [] })).claimed[0] ?? [];
    const markDeliveriesSent = (sent: Round['sent']) => store.deliveryRound({ create: [], claims: [], sent });

    it('stores many briefs in one round, each once, with its insights and a pending delivery', async () => {
      const [a, b, c] = users as [number, number, number];
      const earlier = await store.createBrief(c, '2026-12-01', [briefItem(5)]);
      const stored = await createBriefs([
        { userId: a, date: '2026-12-01', items: [briefItem(1), briefItem(2)] },
        { userId: b, date: '2026-12-01', items: [briefItem(2), briefItem(3)] },
        { userId: c, date: '2026-12-01', items: [briefItem(9)] },
        { userId: a, date: '2026-12-01', items: [briefItem(7)] },
      ]);
      expect(stored.map((s) => s?.userId)).toEqual([a, b, undefined, undefined]);
      expect(await store.briefFor(a, '2026-12-01')).toEqual(stored[0]);
      expect(await store.briefFor(c, '2026-12-01')).toEqual(earlier);
      expect([...(await store.sentInsightIds(a))].sort()).toEqual([1, 2]);
      expect([...(await store.sentInsightIds(b))].sort()).toEqual([2, 3]);
      expect((await store.statusCounts()).deliveries).toMatchObject({ pending: 3 });
      expect(await createBriefs([])).toEqual([]);
      await expect(createBriefs([{ userId: a, date: '1 Dec', items: [] }])).rejects.toMatchObject({
        code: 'invalid_date',
      });
    });

    it('claims many deliveries in one round, each by one claimer, and marks them sent together', async () => {
      const briefs = await createBriefs(users.map((userId) => ({ userId, date: '2026-12-01', items: [] })));
      const ids = briefs.map((b) => b?.id ?? 0);
      const now = new Date();
      const claimed = await claimDeliveries([...ids, 999_999], now);
      expect(claimed.map((d) => d.briefId).sort()).toEqual([...ids].sort());
      expect(claimed.every((d) => d.status === 'sending' && d.attempts === 1)).toBe(true);
      expect(await claimDeliveries(ids, now)).toEqual([]);
      expect(await store.claimDelivery(ids[0] ?? 0, rules(now))).toBeUndefined();

      await markDeliveriesSent(
        claimed.map((d) => ({ id: d.id, transport: 'smtp', messageId: `<m${d.id}@x>`, location: null })),
      );
      for (const d of claimed)
        expect(await store.deliveryForBrief(d.briefId)).toMatchObject({ status: 'sent', messageId: `<m${d.id}@x>` });
      expect(await claimDeliveries(ids, new Date(now.getTime() + 3_600_000))).toEqual([]);
      await expect(
        markDeliveriesSent([{ id: 999_999, transport: 'smtp', messageId: null, location: null }]),
      ).rejects.toMatchObject({ code: 'delivery_not_found' });
    });

    it('stores, claims and marks sent in one round, all or nothing', async () => {
      const [a, b, c] = users as [number, number, number];
      const [first] = await createBriefs([{ userId: a, date: '2026-12-01', items: [] }]);
      const [claimedFirst] = await claimDeliveries([first?.id ?? 0], new Date());
      const now = new Date();
      const round = await store.deliveryRound({
        create: [
          { userId: b, date: '2026-12-01', items: [briefItem(4)] },
          { userId: a, date: '2026-12-01', items: [] },
        ],
        claims: [{ briefIds: [first?.id ?? 0], rules: rules(now) }],
        sent: [{ id: claimedFirst?.id ?? 0, transport: 'smtp', messageId: '<a@x>', location: null }],
      });
      expect(round.created.map((brief) => brief?.userId)).toEqual([b, undefined]);
      // Already 'sending' under a live lease: not claimed again, and marked sent in the same round.
      expect(round.claimed).toEqual([[]]);
      expect(await store.deliveryForBrief(first?.id ?? 0)).toMatchObject({ status: 'sent', messageId: '<a@x>' });
      expect(await store.sentInsightIds(b)).toEqual(new Set([4]));

      await expect(
        store.deliveryRound({
          create: [{ userId: c, date: '2026-12-01', items: [] }],
          claims: [],
          sent: [{ id: 999_999, transport: 'smtp', messageId: null, location: null }],
        }),
      ).rejects.toMatchObject({ code: 'delivery_not_found' });
      expect(await store.briefFor(c, '2026-12-01')).toBeUndefined();
    });
  });
}
