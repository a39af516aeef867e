import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from './index.js';
import { briefItem } from './test-fixtures.js';
import { createTestDatabase, testDialects, type TestDatabase } from './test-harness.js';

for (const { dialect, label, skip } of await testDialects()) {
  describe.skipIf(skip)(`subscriber reads in batches [${label}]`, () => {
    let db: TestDatabase;
    let store: Store;
    let users: [number, number, number];
    beforeEach(async () => {
      db = await createTestDatabase(dialect);
      store = await openStore(db.options);
      const ids = [];
      for (const email of ['a@example.com', 'b@example.com', 'C@example.com'])
        ids.push((await store.addUser({ email, interests: [] })).user.id);
      users = ids as [number, number, number];
    });
    afterEach(async () => {
      await store.close();
      await db.dispose();
    });

    it('answers for each subscriber what the one-subscriber reads answer', async () => {
      const [a, b, c] = users;
      const brief = await store.createBrief(a, '2026-12-01', [briefItem(1), briefItem(2)]);
      await store.createBrief(b, '2026-11-30', [briefItem(3)]);
      const { feed: one } = await store.addFeed('https://one.example/feed.xml');
      const { feed: two } = await store.addFeed('https://two.example/feed.xml');
      await store.updateProfile(b, { about: 'chips and fabs', onlyFollowed: true });
      await store.setFollow(b, two.id, true);
      await store.setFollow(b, one.id, true);
      const vote = { insightId: 1, feedId: one.id, headline: 'H', terms: { chip: 1 } };
      await store.recordFeedback({ ...vote, userId: a, value: 'up', at: new Date('2026-11-20T00:00:00Z') });
      await store.recordFeedback({
        ...vote,
        userId: a,
        insightId: 2,
        value: 'down',
        at: new Date('2026-11-25T00:00:00Z'),
      });
      await store.recordFeedback({ ...vote, userId: b, value: 'more', at: new Date('2026-01-01T00:00:00Z') });
      await store.suppressAddress({
        email: 'c@example.com',
        userId: c,
        reason: 'hard_bounce',
        responseCode: 550,
        detail: '',
      });

      expect(
        await store.briefsFor([
          { userId: b, date: '2026-12-01' },
          { userId: a, date: '2026-12-01' },
          { userId: b, date: '2026-11-30' },
        ]),
      ).toEqual([undefined, brief, await store.briefFor(b, '2026-11-30')]);
      const sent = await store.sentInsightIdsOf([a, b, c]);
      expect([...sent.keys()]).toEqual([a, b, c]);
      expect(sent.get(a)).toEqual(new Set([1, 2]));
      expect(sent.get(c)).toEqual(new Set());
      const profiles = await store.profilesOf([a, b]);
      expect(profiles.get(a)).toEqual({ userId: a, about: '', onlyFollowed: false, followedFeedIds: [] });
      expect(profiles.get(b)).toEqual({
        userId: b,
        about: 'chips and fabs',
        onlyFollowed: true,
        followedFeedIds: [one.id, two.id].sort((x, y) => x - y),
      });
      const since = new Date('2026-11-01T00:00:00Z');
      const feedback = await store.feedbackOfUsers([a, b], since);
      expect(feedback.get(a)?.map((f) => f.value)).toEqual(['up', 'down']);
      expect(feedback.get(b)).toEqual([]);
      for (const id of [a, b]) expect(await store.feedbackOf(id, since)).toEqual(feedback.get(id));
      const found = await store.usersById([c, a, 999_999]);
      expect([...found.keys()]).toEqual(expect.arrayContaining([a, c]));
      expect(found.get(c)).toEqual(await store.userById(c));
      expect(found.has(999_999)).toBe(false);
      const suppressed = await store.suppressionsFor(['a@example.com', ' C@Example.com', 'c@example.com']);
      expect(suppressed.map((s) => s?.reason)).toEqual([undefined, 'hard_bounce', 'hard_bounce']);
      expect(await store.briefsFor([])).toEqual([]);
    });

    it('tells which briefs are past sending: sent, bounced or cancelled, not pending, sending or failed', async () => {
      const [a, b, c] = users;
      const rules = { now: new Date(), leaseMs: 60_000, maxAttempts: 6, retryDelayMs: () => 0 };
      const claimed = async (userId: number, date: string) => {
        const brief = await store.createBrief(userId, date, [briefItem(userId)]);
        return (await store.claimDelivery(brief!.id, rules))!;
      };
      await store.markDeliverySent((await claimed(a, '2026-12-01')).id, {
        transport: 'smtp',
        messageId: null,
        location: null,
      });
      await store.closeDelivery((await claimed(b, '2026-12-01')).id, {
        status: 'bounced',
        error: '550',
        code: 'smtp_rejected',
      });
      await store.closeDelivery((await claimed(c, '2026-12-01')).id, {
        status: 'cancelled',
        error: 'left',
        code: 'unsubscribed',
      });
      await claimed(a, '2026-12-02');
      await store.markDeliveryFailed((await claimed(b, '2026-12-02')).id, 'timeout');
      await store.createBrief(c, '2026-12-02', [briefItem(9)]);

      const keys = [a, b, c].flatMap((userId) =>
        ['2026-12-01', '2026-12-02', '2026-12-03'].map((date) => ({ userId, date })),
      );
      expect(await store.deliveryOverFor(keys)).toEqual([true, false, false, true, false, false, true, false, false]);
      expect(await store.deliveryOverFor([])).toEqual([]);
    });
  });
}
