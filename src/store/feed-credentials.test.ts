import { describe, expect, it } from 'vitest';
import { AppError } from '../model/errors.js';
import { openDatabase, openStore, type Store } from './index.js';
import { testDialects } from './test-harness.js';
import { useTestStore } from './test-store.js';

for (const { dialect, label, skip } of await testDialects()) {
  describe.skipIf(skip)(`feed credentials are sealed at rest [${label}]`, () => {
    const t = useTestStore(dialect);

    const storedAuth = async (feedId: number) => {
      const { db } = await openDatabase(t.db.options);
      try {
        return (await db.selectFrom('feeds').select('auth').where('id', '=', feedId).executeTakeFirstOrThrow()).auth;
      } finally {
        await db.destroy();
      }
    };
    const setStoredAuth = async (feedId: number, auth: string) => {
      const { db } = await openDatabase(t.db.options);
      try {
        await db.updateTable('feeds').set({ auth }).where('id', '=', feedId).execute();
      } finally {
        await db.destroy();
      }
    };
    const withKeys = async <T>(keys: string[], use: (store: Store) => Promise<T>): Promise<T> => {
      const store = await openStore({ ...t.db.options, credentialKeys: keys });
      try {
        return await use(store);
      } finally {
        await store.close();
      }
    };

    it('stores them encrypted, each time under a fresh nonce, and reads them back in clear', async () => {
      const { feed } = await t.store.addFeed('https://alice:s3cret@example.com/private.xml');
      const first = await storedAuth(feed.id);
      expect(first).toMatch(/^sealed:v1:[\w-]+$/);
      expect(first).not.toContain('alice');
      expect(first).not.toContain('s3cret');
      expect(await t.store.feedAuth(feed.id)).toBe('alice:s3cret');
      await t.store.addFeed('https://alice:s3cret@example.com/private.xml');
      expect(await storedAuth(feed.id)).not.toBe(first);
      expect(await t.store.feedAuth(feed.id)).toBe('alice:s3cret');
    });

    it('never hands the sealed text to a poll: feedToPoll hands what opens the credentials it read', async () => {
      const { feed } = await t.store.addFeed('https://dave:hunter2@example.com/queued.xml');
      const polled = await t.store.feedToPoll(feed.id);
      expect(polled?.feed.id).toBe(feed.id);
      expect(typeof polled?.auth).toBe('function');
      expect(await polled?.auth?.()).toBe('dave:hunter2');
      expect(await t.store.feedAuth(feed.id)).toBe('dave:hunter2');
      const { feed: open } = await t.store.addFeed('https://example.com/open.xml');
      expect((await t.store.feedToPoll(open.id))?.auth).toBeNull();
    });

    it('reads a row stored in clear (before sealing) and seals it on that read', async () => {
      const { feed } = await t.store.addFeed('https://example.com/old.xml');
      await setStoredAuth(feed.id, 'bob:pl%40in');
      expect(await t.store.feedAuth(feed.id)).toBe('bob:pl%40in');
      expect(await storedAuth(feed.id)).toMatch(/^sealed:v1:/);
      expect(await t.store.feedAuth(feed.id)).toBe('bob:pl%40in');
    });

    it('opens under the previous secret during a rotation and seals again under the new one', async () => {
      const feedId = await withKeys(['old-secret'], async (s) => {
        return (await s.addFeed('https://carol:pw@example.com/rotated.xml')).feed.id;
      });
      const underOld = await storedAuth(feedId);
      expect(await withKeys(['new-secret', 'old-secret'], (s) => s.feedAuth(feedId))).toBe('carol:pw');
      expect(await storedAuth(feedId)).not.toBe(underOld);
      // Once rotated, the old secret can go.
      expect(await withKeys(['new-secret'], (s) => s.feedAuth(feedId))).toBe('carol:pw');
    });

    it('a wrong secret fails that feed with a stable code and one line, never the credentials', async () => {
      const { feed } = await t.store.addFeed('https://dave:hunter2@example.com/locked.xml');
      const err = await withKeys(['another-secret'], (s) => s.feedAuth(feed.id)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect(err).toMatchObject({ code: 'feed_credentials_unreadable' });
      const message = (err as Error).message;
      expect(message).not.toMatch(/\n|dave|hunter2/);
      // The row is left as it was: the right secret still opens it.
      expect(await t.store.feedAuth(feed.id)).toBe('dave:hunter2');
    });

    it('without a secret, refuses to store credentials rather than keep them in clear', async () => {
      await expect(withKeys([], (s) => s.addFeed('https://erin:pw@example.com/x.xml'))).rejects.toMatchObject({
        code: 'feed_credentials_no_key',
      });
      expect(await t.store.feedByUrl('https://example.com/x.xml')).toBeUndefined();
    });
  });
}
