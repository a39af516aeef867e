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

    it('keeps a send alive by its heartbeat and counts each take-over from a dead worker as a possible duplicate', async () => {
      const brief = (await store.createBrief(userId, '2024-06-01', [briefItem(1)]))!;
      const lease = { ...rules(T0), leaseMs: MINUTE };
      const claimed = (await store.claimDelivery(brief.id, lease))!;
      expect(claimed).toMatchObject({ possibleDuplicates: 0 });
      // The sender is alive: its heartbeat 50 s in keeps the claim past the first minute.
      await store.heartbeatDelivery(claimed.id, later(T0, 50_000));
      expect(await store.claimDelivery(brief.id, { ...lease, now: later(T0, 100_000) })).toBeUndefined();
      // Then it dies: a minute after its last heartbeat another run takes over.
      const takeover = await store.claimDelivery(brief.id, { ...lease, now: later(T0, 110_000) });
      expect(takeover).toMatchObject({ status: 'sending', attempts: 2, possibleDuplicates: 1 });
      await store.markDeliveryFailed(claimed.id, 'smtp 451', later(T0, 111_000), 'smtp_rejected');
      expect(await store.deliveryForBrief(brief.id)).toMatchObject({
        status: 'failed',
        lastErrorCode: 'smtp_rejected',
        possibleDuplicates: 1,
      });
      // A retry after a failure is not a possible duplicate; a heartbeat of a row not sending changes nothing.
      await store.heartbeatDelivery(claimed.id, later(T0, DAY));
      const retry = await store.claimDelivery(brief.id, { ...lease, now: later(T0, DAY) });
      expect(retry).toMatchObject({ attempts: 3, possibleDuplicates: 1 });
      expect((await store.statusCounts()).deliveries).toMatchObject({ sending: 1, possibleDuplicates: 1 });
    });

    it('closes a delivery as cancelled or bounced for good, never undoing a send', async () => {
      const one = (await store.createBrief(userId, '2024-06-01', [briefItem(1)]))!;
      const two = (await store.createBrief(userId, '2024-06-02', [briefItem(2)]))!;
      const three = (await store.createBrief(userId, '2024-06-03', [briefItem(3)]))!;
      const a = (await store.claimDelivery(one.id, rules(T0)))!;
      const b = (await store.claimDelivery(two.id, rules(T0)))!;
      const c = (await store.claimDelivery(three.id, rules(T0)))!;
      await store.closeDelivery(a.id, { status: 'cancelled', error: 'unsubscribed', code: 'unsubscribed' });
      await store.closeDelivery(b.id, { status: 'bounced', error: '550 5.1.1 no such user', code: 'smtp_rejected' });
      await store.markDeliverySent(c.id, { transport: 'smtp', messageId: null, location: null });
      await store.closeDelivery(c.id, { status: 'cancelled', error: 'late', code: 'unsubscribed' });
      expect(await store.deliveryForBrief(one.id)).toMatchObject({
        status: 'cancelled',
        lastErrorCode: 'unsubscribed',
      });
      expect(await store.deliveryForBrief(two.id)).toMatchObject({
        status: 'bounced',
        lastError: '550 5.1.1 no such user',
      });
      expect(await store.deliveryForBrief(three.id)).toMatchObject({ status: 'sent' });
      for (const brief of [one, two])
        expect(await store.claimDelivery(brief.id, rules(later(T0, DAY)))).toBeUndefined();
      expect((await store.statusCounts()).deliveries).toMatchObject({ cancelled: 1, bounced: 1, sent: 1 });
      await expect(store.closeDelivery(777, { status: 'cancelled', error: 'x', code: 'x' })).rejects.toMatchObject({
        code: 'delivery_not_found',
      });
    });

    it('suppresses an address once, whatever its case, and counts it', async () => {
      expect(await store.suppressionFor('ada@example.com')).toBeUndefined();
      const first = await store.suppressAddress({
        email: 'Ada@Example.com',
        userId,
        reason: 'hard_bounce',
        responseCode: 550,
        detail: '5.1.1 no such user',
        at: T0,
      });
      expect(first).toEqual({
        email: 'ada@example.com',
        userId,
        reason: 'hard_bounce',
        responseCode: 550,
        detail: '5.1.1 no such user',
        createdAt: T0.toISOString(),
      });
      const again = await store.suppressAddress({
        email: 'ada@example.com',
        userId,
        reason: 'hard_bounce',
        responseCode: 554,
        detail: 'later',
      });
      expect(again).toEqual(first);
      expect(await store.suppressionFor('ADA@example.com ')).toEqual(first);
      expect(await store.listSuppressions()).toEqual([first]);
      expect((await store.statusCounts()).suppressed).toBe(1);
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
