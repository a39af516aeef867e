import { describe, expect, it } from 'vitest';
import { testDialects } from './test-harness.js';
import { useTestStore } from './test-store.js';

const T0 = new Date('2026-03-01T10:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const hash = (n: number) => n.toString(16).padStart(64, '0');

for (const { dialect, label, skip } of await testDialects()) {
  describe.skipIf(skip)(`sign-up, sign-in tokens and sessions [${label}]`, () => {
    const t = useTestStore(dialect);

    it('adds CLI users confirmed and web sign-ups pending until confirmed', async () => {
      const cli = (await t.store.addUser({ email: 'cli@example.com', interests: [] })).user;
      expect(cli.confirmedAt).toBe(cli.createdAt);
      const web = (await t.store.addUser({ email: 'web@example.com', interests: [], confirmed: false })).user;
      expect(web).toMatchObject({ status: 'active', confirmedAt: null });

      await t.store.confirmUser(web.id, at(5));
      expect((await t.store.userById(web.id))?.confirmedAt).toBe(at(5).toISOString());
      // A second confirmation keeps the first time; it also resubscribes.
      await t.store.setUserStatus(web.id, 'unsubscribed');
      await t.store.confirmUser(web.id, at(50));
      expect(await t.store.userById(web.id)).toMatchObject({ status: 'active', confirmedAt: at(5).toISOString() });
    });

    it('uses a token at most max-uses times, for its purpose, before it expires', async () => {
      const { user } = await t.store.addUser({ email: 'a@example.com', interests: [], confirmed: false });
      await t.store.createAuthToken({
        tokenHash: hash(1),
        purpose: 'login',
        userId: user.id,
        maxUses: 3,
        at: T0,
        expiresAt: at(20),
      });
      expect(await t.store.authTokenUser(hash(1), 'login', at(1))).toBe(user.id);
      expect(await t.store.authTokenUser(hash(1), 'confirm', at(1))).toBeUndefined();
      expect(await t.store.useAuthToken(hash(1), 'confirm', at(1), 600_000)).toBeUndefined();
      expect(await t.store.useAuthToken(hash(2), 'login', at(1), 600_000)).toBeUndefined();
      // Three concurrent uses and a fourth: exactly three succeed.
      const uses = await Promise.all([1, 2, 3, 4].map(() => t.store.useAuthToken(hash(1), 'login', at(2), 600_000)));
      expect(uses.filter((u) => u === user.id)).toHaveLength(3);
      expect(await t.store.authTokenUser(hash(1), 'login', at(3))).toBeUndefined();

      await t.store.createAuthToken({
        tokenHash: hash(3),
        purpose: 'login',
        userId: user.id,
        maxUses: 3,
        at: T0,
        expiresAt: at(20),
      });
      expect(await t.store.useAuthToken(hash(3), 'login', at(20), 600_000)).toBeUndefined(); // expired
      expect(await t.store.useAuthToken(hash(3), 'login', at(1), 600_000)).toBe(user.id);
      // Used again more than the reuse window after its first use: refused.
      expect(await t.store.useAuthToken(hash(3), 'login', at(12), 600_000)).toBeUndefined();
      expect(await t.store.useAuthToken(hash(3), 'login', at(10), 600_000)).toBe(user.id);

      expect(await t.store.authTokensSince(user.id, 'login', T0)).toBe(2);
      expect(await t.store.authTokensSince(user.id, 'login', at(1))).toBe(0);
      expect(await t.store.authTokensSince(user.id, 'confirm', T0)).toBe(0);
    });

    it('deletes unconfirmed sign-ups once old and without a valid confirmation token', async () => {
      const old = (await t.store.addUser({ email: 'old@example.com', interests: [], confirmed: false })).user;
      const resent = (await t.store.addUser({ email: 'resent@example.com', interests: [], confirmed: false })).user;
      const confirmed = (await t.store.addUser({ email: 'ok@example.com', interests: [] })).user;
      const later = new Date(Date.now() + 49 * 3600_000);
      await t.store.createAuthToken({
        tokenHash: hash(9),
        purpose: 'confirm',
        userId: resent.id,
        maxUses: 1,
        at: new Date(),
        expiresAt: new Date(later.getTime() + 3600_000),
      });
      await t.store.createSession({ idHash: hash(10), userId: old.id, at: new Date(), expiresAt: later });
      expect(await t.store.deleteExpiredSignups(new Date(later.getTime() - 48 * 3600_000), later)).toBe(1);
      expect(await t.store.userById(old.id)).toBeUndefined();
      expect(await t.store.userById(resent.id)).toBeDefined();
      expect(await t.store.userById(confirmed.id)).toBeDefined();
      expect(await t.store.sessionByHash(hash(10), new Date())).toBeUndefined();
    });

    it('keeps sessions until they expire, extends and deletes them', async () => {
      const { user } = await t.store.addUser({ email: 's@example.com', interests: [] });
      await t.store.createSession({ idHash: hash(20), userId: user.id, at: T0, expiresAt: at(60) });
      expect(await t.store.sessionByHash(hash(20), at(30))).toEqual({
        userId: user.id,
        signedInAt: T0.toISOString(),
        lastSeenAt: T0.toISOString(),
        expiresAt: at(60).toISOString(),
      });
      expect(await t.store.sessionByHash(hash(20), at(60))).toBeUndefined();
      await t.store.extendSession(hash(20), at(30), at(90));
      expect(await t.store.sessionByHash(hash(20), at(60))).toMatchObject({
        signedInAt: T0.toISOString(),
        lastSeenAt: at(30).toISOString(),
      });
      await t.store.createSession({ idHash: hash(21), userId: user.id, at: T0, expiresAt: at(10) });
      await t.store.createAuthToken({
        tokenHash: hash(22),
        purpose: 'confirm',
        userId: user.id,
        maxUses: 1,
        at: T0,
        expiresAt: at(10),
      });
      expect(await t.store.deleteExpiredAuth(at(11))).toEqual({ tokens: 1, sessions: 1 });
      await t.store.deleteSession(hash(20));
      expect(await t.store.sessionByHash(hash(20), at(31))).toBeUndefined();
    });
  });
}
