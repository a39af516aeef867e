import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from './index.js';
import type { DeliveryClaimRules } from './types.js';
import { briefItem } from './test-fixtures.js';
import { createTestDatabase, testDialects, type TestDatabase } from './test-harness.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const LEASE = 15 * MINUTE;
const later = (date: Date, ms: number) => new Date(date.getTime() + ms);
const rules = (now: Date): DeliveryClaimRules => ({ now, leaseMs: LEASE, maxAttempts: 6, retryDelayMs: () => 0 });
let T0 = new Date();
beforeEach(() => {
  T0 = new Date();
});

for (const { dialect, label, skip } of await testDialects()) {
  describe.skipIf(skip)(`briefs and deliveries [${label}]`, () => {
    let db: TestDatabase;
    let store: Store;
    let userId: number;
    beforeEach(async () => {
      db = await createTestDatabase(dialect);
      store = await openStore(db.options);
      userId = (await store.addUser({ email: 'ada@example.com', interests: [] })).user.id;
    });
    afterEach(async () => {
      await store.close();
      await db.dispose();
    });

    it('creates one brief per user and date, with its insights and a pending delivery', async () => {
      const items = [
        briefItem(11, { related: [{ insightId: 12, text: 't', headline: 'h', podcastTitle: 'p', episodeTitle: 'e' }] }),
        briefItem(13),
      ];
      const brief = await store.createBrief(userId, '2024-06-01', items);
      expect(brief).toMatchObject({ userId, date: '2024-06-01', items });
      expect(await store.createBrief(userId, '2024-06-01', [briefItem(99)])).toBeUndefined();
      expect(await store.briefFor(userId, '2024-06-01')).toEqual(brief);
      expect(await store.briefById(brief!.id)).toEqual(brief);
      // Only the brief's own items count as sent; related ones are merely mentioned.
      expect(await store.sentInsightIds(userId)).toEqual(new Set([11, 13]));
      expect(await store.deliveryForBrief(brief!.id)).toMatchObject({
        briefId: brief!.id,
        userId,
        status: 'pending',
        attempts: 0,
        transport: null,
        sentAt: null,
      });
    });

    it('lets exactly one of several concurrent createBrief calls win', async () => {
      const results = await Promise.all(
        [1, 2, 3, 4].map((n) => store.createBrief(userId, '2024-06-02', [briefItem(n)])),
      );
      const winners = results.filter((b) => b !== undefined);
      expect(winners).toHaveLength(1);
      const winnerItem = winners[0]!.items[0]!.insightId;
      expect(await store.sentInsightIds(userId)).toEqual(new Set([winnerItem]));
      expect(await store.listDeliveries(10)).toHaveLength(1);
    });

    it('rejects a malformed date', async () => {
      await expect(store.createBrief(userId, '2024-6-1', [])).rejects.toMatchObject({ code: 'invalid_date' });
    });

    it('finds the latest brief and lists briefs newest first', async () => {
      const other = (await store.addUser({ email: 'bob@example.com', interests: [] })).user.id;
      expect(await store.latestBrief(userId)).toBeUndefined();
      await store.createBrief(userId, '2024-06-02', [briefItem(1, { insightId: 1 })]);
      await store.createBrief(userId, '2024-06-01', [briefItem(2)]);
      await store.createBrief(other, '2024-06-03', [briefItem(3), briefItem(3)]);
      expect((await store.latestBrief(userId))?.date).toBe('2024-06-02');
      expect((await store.listBriefs(2)).map((b) => b.date)).toEqual(['2024-06-03', '2024-06-01']);
      expect(await store.sentInsightIds(userId)).toEqual(new Set([1, 2]));
      expect(await store.sentInsightIds(other)).toEqual(new Set([3]));
    });

    it('claims a delivery once, counts attempts and allows a retry only after failure', async () => {
      const brief = (await store.createBrief(userId, '2024-06-01', [briefItem(1)]))!;
      const claimed = await store.claimDelivery(brief.id, rules(T0));
      expect(claimed).toMatchObject({ status: 'sending', attempts: 1 });
      expect(await store.claimDelivery(brief.id, rules(T0))).toBeUndefined();

      await store.markDeliveryFailed(claimed!.id, 'smtp 451');
      expect(await store.deliveryForBrief(brief.id)).toMatchObject({
        status: 'failed',
        lastError: 'smtp 451',
        attempts: 1,
      });

      const retry = await store.claimDelivery(brief.id, rules(new Date()));
      expect(retry).toMatchObject({ id: claimed!.id, status: 'sending', attempts: 2 });
      await store.markDeliverySent(retry!.id, { transport: 'smtp', messageId: '<m1@example.com>', location: null });
      const sent = await store.deliveryForBrief(brief.id);
      expect(sent).toMatchObject({
        status: 'sent',
        transport: 'smtp',
        messageId: '<m1@example.com>',
        lastError: null,
        attempts: 2,
      });
      expect(Date.parse(sent!.sentAt!)).not.toBeNaN();

      expect(await store.claimDelivery(brief.id, rules(later(T0, DAY)))).toBeUndefined();
      await store.markDeliveryFailed(sent!.id, 'late failure report');
      expect(await store.deliveryForBrief(brief.id)).toEqual(sent);
      expect(await store.claimDelivery(424242, rules(T0))).toBeUndefined();
    });

    it('re-claims a send whose worker died only after its lease ran out', async () => {
      const brief = (await store.createBrief(userId, '2024-06-01', [briefItem(1)]))!;
      await store.claimDelivery(brief.id, rules(T0));
      expect(await store.claimDelivery(brief.id, rules(later(T0, LEASE - 1000)))).toBeUndefined();
      const reclaimed = await store.claimDelivery(brief.id, rules(later(T0, LEASE)));
      expect(reclaimed).toMatchObject({ status: 'sending', attempts: 2, updatedAt: later(T0, LEASE).toISOString() });
      expect(await store.claimDelivery(brief.id, rules(later(T0, LEASE + 1000)))).toBeUndefined();
    });

    it('retries a failed delivery only after its backoff and gives up after the last attempt', async () => {
      const brief = (await store.createBrief(userId, '2024-06-01', [briefItem(1)]))!;
      // Backoff of `attempts` minutes; failures are stamped with the real clock, so start from now.
      const backoff = { maxAttempts: 3, retryDelayMs: (attempts: number) => attempts * MINUTE };
      let now = new Date();
      const first = (await store.claimDelivery(brief.id, { ...rules(now), ...backoff }))!;
      await store.markDeliveryFailed(first.id, 'smtp 451');
      now = later(new Date(), MINUTE - 5000);
      expect(await store.claimDelivery(brief.id, { ...rules(now), ...backoff })).toBeUndefined();
      now = later(new Date(), MINUTE + 5000);
      expect(await store.claimDelivery(brief.id, { ...rules(now), ...backoff })).toMatchObject({ attempts: 2 });
      await store.markDeliveryFailed(first.id, 'smtp 451');
      expect(
        await store.claimDelivery(brief.id, { ...rules(later(new Date(), MINUTE + 5000)), ...backoff }),
      ).toBeUndefined();
      expect(
        (await store.claimDelivery(brief.id, { ...rules(later(new Date(), 2 * MINUTE + 5000)), ...backoff }))!.attempts,
      ).toBe(3);
      await store.markDeliveryFailed(first.id, 'smtp 550 no such user');
      expect(await store.claimDelivery(brief.id, { ...rules(later(new Date(), DAY)), ...backoff })).toBeUndefined();
      expect(await store.deliveryForBrief(brief.id)).toMatchObject({
        status: 'failed',
        attempts: 3,
        lastError: 'smtp 550 no such user',
      });
    });

    it('lets exactly one of several concurrent claims win', async () => {
      const brief = (await store.createBrief(userId, '2024-06-01', [briefItem(1)]))!;
      const claims = await Promise.all(Array.from({ length: 6 }, () => store.claimDelivery(brief.id, rules(T0))));
      expect(claims.filter((c) => c !== undefined)).toHaveLength(1);
      expect(await store.deliveryForBrief(brief.id)).toMatchObject({ status: 'sending', attempts: 1 });
    });

    it('records an outbox delivery and lists deliveries newest first', async () => {
      const one = (await store.createBrief(userId, '2024-06-01', [briefItem(1)]))!;
      const two = (await store.createBrief(userId, '2024-06-02', [briefItem(2)]))!;
      const claimed = (await store.claimDelivery(one.id, rules(T0)))!;
      await store.markDeliverySent(claimed.id, {
        transport: 'outbox',
        messageId: null,
        location: '/data/outbox/1.eml',
      });
      const list = await store.listDeliveries(10);
      expect(list.map((d) => d.briefId)).toEqual([two.id, one.id]);
      expect(list[1]).toMatchObject({
        status: 'sent',
        transport: 'outbox',
        messageId: null,
        location: '/data/outbox/1.eml',
      });
      expect(await store.listDeliveries(1)).toHaveLength(1);
    });

    it('refuses to mark an unknown delivery', async () => {
      await expect(
        store.markDeliverySent(777, { transport: 'smtp', messageId: null, location: null }),
      ).rejects.toMatchObject({
        code: 'delivery_not_found',
      });
      await expect(store.markDeliveryFailed(777, 'x')).rejects.toMatchObject({ code: 'delivery_not_found' });
    });

    it('cascades nothing into the sent history when insights are re-extracted', async () => {
      const feedId = (await store.addFeed('https://example.com/feed')).feed.id;
      await store.upsertEpisodes(feedId, [{ guid: 'g', title: 'G', transcripts: [], persons: [] }], new Date());
      const episodeId = (await store.episodesByFeed(feedId))[0]!.id;
      const [stored] = await store.replaceInsights(
        episodeId,
        [{ headline: 'h', text: 't', quote: 'q', start: 0, end: 1, score: 1 }],
        'embedded',
      );
      await store.createBrief(userId, '2024-06-01', [briefItem(stored!.id)]);
      await store.replaceInsights(episodeId, [], 'embedded');
      expect(await store.sentInsightIds(userId)).toEqual(new Set([stored!.id]));
    });
  });
}
