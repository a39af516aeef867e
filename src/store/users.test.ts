import { describe, expect, it } from 'vitest';
import { testDialects } from './test-harness.js';
import { useTestStore } from './test-store.js';

for (const { dialect, label, skip } of await testDialects()) {
  describe.skipIf(skip)(`users [${label}]`, () => {
    const t = useTestStore(dialect);

    it('adds a user with defaults and a random unsubscribe token', async () => {
      const { user, created } = await t.store.addUser({
        email: ' Ada@Example.com ',
        interests: ['open-source models', 'rust'],
      });
      expect(created).toBe(true);
      expect(user).toMatchObject({
        email: 'Ada@Example.com',
        interests: ['open-source models', 'rust'],
        timezone: 'UTC',
        deliveryHour: 7,
        status: 'active',
      });
      expect(user.unsubscribeToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(Date.parse(user.createdAt)).not.toBeNaN();
      const other = await t.store.addUser({
        email: 'bob@example.com',
        interests: [],
        timezone: 'Europe/Berlin',
        deliveryHour: 0,
      });
      expect(other.user).toMatchObject({ timezone: 'Europe/Berlin', deliveryHour: 0 });
      expect(other.user.unsubscribeToken).not.toBe(user.unsubscribeToken);
    });

    it('is idempotent by case-insensitive email, even concurrently', async () => {
      const first = await t.store.addUser({ email: 'ada@example.com', interests: ['a'] });
      const again = await t.store.addUser({ email: 'ADA@example.COM', interests: ['b'] });
      expect(again).toEqual({ user: first.user, created: false });
      const racing = await Promise.all(
        ['x@example.com', 'X@example.com', 'x@EXAMPLE.com'].map((email) => t.store.addUser({ email, interests: [] })),
      );
      expect(racing.filter((r) => r.created)).toHaveLength(1);
      expect(await t.store.listUsers()).toHaveLength(2);
      expect(await t.store.userByEmail('  X@Example.Com')).toEqual(racing.find((r) => r.created)!.user);
      expect(await t.store.userByEmail('nobody@example.com')).toBeUndefined();
    });

    it('lists users a page at a time by id', async () => {
      const added = [];
      for (const email of ['a@example.com', 'b@example.com', 'c@example.com', 'd@example.com', 'e@example.com'])
        added.push((await t.store.addUser({ email, interests: [] })).user);
      const seen = [];
      for (let afterId = 0; ; ) {
        const page = await t.store.usersAfter(afterId, 2);
        if (page.length === 0) break;
        expect(page.length).toBeLessThanOrEqual(2);
        seen.push(...page);
        afterId = page[page.length - 1]!.id;
      }
      expect(seen).toEqual(added);
      expect(await t.store.usersAfter(added[3]!.id, 10)).toEqual([added[4]]);
    });

    it('updates a user and their status', async () => {
      const { user } = await t.store.addUser({ email: 'ada@example.com', interests: ['a'] });
      await t.store.updateUser(user.id, { interests: ['b', 'c'], deliveryHour: 23 });
      await t.store.updateUser(user.id, { timezone: 'America/New_York' });
      await t.store.updateUser(user.id, {});
      await t.store.setUserStatus(user.id, 'unsubscribed');
      expect(await t.store.userById(user.id)).toEqual({
        ...user,
        interests: ['b', 'c'],
        deliveryHour: 23,
        timezone: 'America/New_York',
        status: 'unsubscribed',
      });
      expect(await t.store.userById(user.id + 100)).toBeUndefined();
    });

    it('rejects an unknown time zone or an impossible delivery hour', async () => {
      await expect(
        t.store.addUser({ email: 'a@example.com', interests: [], timezone: 'Mars/Olympus' }),
      ).rejects.toMatchObject({
        code: 'invalid_timezone',
      });
      await expect(t.store.addUser({ email: 'a@example.com', interests: [], deliveryHour: 24 })).rejects.toMatchObject({
        code: 'invalid_delivery_hour',
      });
      const { user } = await t.store.addUser({ email: 'a@example.com', interests: [] });
      await expect(t.store.updateUser(user.id, { deliveryHour: 7.5 })).rejects.toMatchObject({
        code: 'invalid_delivery_hour',
      });
    });
  });
}
