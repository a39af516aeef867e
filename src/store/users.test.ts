import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from './index.js';
import { createTestDatabase, testDialects, type TestDatabase } from './test-harness.js';

for (const { dialect, label, skip } of await testDialects()) {
  describe.skipIf(skip)(`users [${label}]`, () => {
    let db: TestDatabase;
    let store: Store;
    beforeEach(async () => {
      db = await createTestDatabase(dialect);
      store = await openStore(db.options);
    });
    afterEach(async () => {
      await store.close();
      await db.dispose();
    });

    it('adds a user with defaults and a random unsubscribe token', async () => {
      const { user, created } = await store.addUser({ email: ' Ada@Example.com ', interests: ['open-source models', 'rust'] });
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
      const other = await store.addUser({ email: 'bob@example.com', interests: [], timezone: 'Europe/Berlin', deliveryHour: 0 });
      expect(other.user).toMatchObject({ timezone: 'Europe/Berlin', deliveryHour: 0 });
      expect(other.user.unsubscribeToken).not.toBe(user.unsubscribeToken);
    });

    it('is idempotent by case-insensitive email, even concurrently', async () => {
      const first = await store.addUser({ email: 'ada@example.com', interests: ['a'] });
      const again = await store.addUser({ email: 'ADA@example.COM', interests: ['b'] });
      expect(again).toEqual({ user: first.user, created: false });
      const racing = await Promise.all(
        ['x@example.com', 'X@example.com', 'x@EXAMPLE.com'].map((email) => store.addUser({ email, interests: [] })),
      );
      expect(racing.filter((r) => r.created)).toHaveLength(1);
      expect(await store.listUsers()).toHaveLength(2);
      expect(await store.userByEmail('  X@Example.Com')).toEqual(racing.find((r) => r.created)!.user);
      expect(await store.userByEmail('nobody@example.com')).toBeUndefined();
    });

    it('updates a user and their status', async () => {
      const { user } = await store.addUser({ email: 'ada@example.com', interests: ['a'] });
      await store.updateUser(user.id, { interests: ['b', 'c'], deliveryHour: 23 });
      await store.updateUser(user.id, { timezone: 'America/New_York' });
      await store.updateUser(user.id, {});
      await store.setUserStatus(user.id, 'unsubscribed');
      expect(await store.userById(user.id)).toEqual({
        ...user,
        interests: ['b', 'c'],
        deliveryHour: 23,
        timezone: 'America/New_York',
        status: 'unsubscribed',
      });
      expect(await store.userById(user.id + 100)).toBeUndefined();
    });

    it('rejects an unknown time zone or an impossible delivery hour', async () => {
      await expect(store.addUser({ email: 'a@example.com', interests: [], timezone: 'Mars/Olympus' })).rejects.toMatchObject({
        code: 'invalid_timezone',
      });
      await expect(store.addUser({ email: 'a@example.com', interests: [], deliveryHour: 24 })).rejects.toMatchObject({
        code: 'invalid_delivery_hour',
      });
      const { user } = await store.addUser({ email: 'a@example.com', interests: [] });
      await expect(store.updateUser(user.id, { deliveryHour: 7.5 })).rejects.toMatchObject({ code: 'invalid_delivery_hour' });
    });
  });
}
