import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './open-store.js';
import { testDialects } from './test-harness.js';
import { briefItem, insight, parsedEpisode } from './test-fixtures.js';
import { useTestStore } from './test-store.js';

for (const { dialect, label, skip } of await testDialects()) {
  describe.skipIf(skip)(`account queries [${label}]`, () => {
    const t = useTestStore(dialect);

    async function userWithData(email: string) {
      const { user } = await t.store.addUser({ email, interests: ['x'] });
      const { feed } = await t.store.addFeed(`https://example.com/${email}.xml`);
      await t.store.upsertEpisodes(feed.id, [parsedEpisode(`e-${email}`)], new Date());
      const [episode] = await t.store.episodesByFeed(feed.id);
      const [stored] = await t.store.replaceInsights(episode!.id, [insight(1)], 'embedded');
      for (const date of ['2026-01-01', '2026-01-03', '2026-01-02'])
        await t.store.createBrief(user.id, date, [briefItem(stored!.id)]);
      await t.store.setFollow(user.id, feed.id, true);
      await t.store.updateProfile(user.id, { about: 'me' });
      const at = new Date();
      const later = new Date(at.getTime() + 3600_000);
      await t.store.createAuthToken({
        tokenHash: `t-${email}`,
        purpose: 'login',
        userId: user.id,
        maxUses: 3,
        at,
        expiresAt: later,
      });
      await t.store.createSession({ idHash: `s-${email}`, userId: user.id, at, expiresAt: later });
      await t.store.suppressAddress({ email, userId: user.id, reason: 'hard_bounce', responseCode: 550, detail: null });
      await t.store.recordFeedback({
        userId: user.id,
        insightId: stored!.id,
        value: 'up',
        feedId: feed.id,
        headline: 'h',
        terms: { a: 1 },
        at: new Date(),
      });
      await t.store.recordFeedback({
        userId: user.id,
        insightId: stored!.id,
        value: 'click',
        feedId: feed.id,
        headline: 'h',
        terms: { a: 1 },
        at: new Date(),
      });
      await t.store.setFeedTokenHash(user.id, `hash-${email}`);
      return user;
    }

    it('pages a user’s own briefs, newest date first, and counts them', async () => {
      const ada = await userWithData('ada@example.com');
      const bob = await userWithData('bob@example.com');
      const first = await t.store.briefsByUser(ada.id, { limit: 2, offset: 0 });
      expect(first.map((b) => b.date)).toEqual(['2026-01-03', '2026-01-02']);
      expect(first.every((b) => b.userId === ada.id)).toBe(true);
      expect((await t.store.briefsByUser(ada.id, { limit: 2, offset: 2 })).map((b) => b.date)).toEqual(['2026-01-01']);
      expect(await t.store.briefsByUser(ada.id, { limit: 2, offset: 4 })).toEqual([]);
      expect(await t.store.countBriefsByUser(ada.id)).toBe(3);
      expect(await t.store.countBriefsByUser(bob.id + 100)).toBe(0);
    });

    it('pauses and resumes', async () => {
      const { user } = await t.store.addUser({ email: 'p@example.com', interests: [] });
      expect(user.pausedAt).toBeUndefined();
      await t.store.setPaused(user.id, new Date('2026-03-01T10:00:00Z'));
      expect((await t.store.userById(user.id))?.pausedAt).toBe('2026-03-01T10:00:00.000Z');
      await t.store.setPaused(user.id, null);
      expect(await t.store.userById(user.id)).toEqual(user);
    });

    it('keeps one feed token hash per user, looked up by hash, rotated or removed', async () => {
      const { user } = await t.store.addUser({ email: 'f@example.com', interests: [] });
      const other = (await t.store.addUser({ email: 'g@example.com', interests: [] })).user;
      expect(await t.store.feedTokenHashOf(user.id)).toBeUndefined();
      await t.store.setFeedTokenHash(user.id, 'aaa');
      expect(await t.store.feedTokenHashOf(user.id)).toBe('aaa');
      expect((await t.store.userByFeedTokenHash('aaa'))?.id).toBe(user.id);
      await expect(t.store.setFeedTokenHash(other.id, 'aaa')).rejects.toThrow();
      await t.store.setFeedTokenHash(user.id, 'bbb');
      expect(await t.store.userByFeedTokenHash('aaa')).toBeUndefined();
      expect((await t.store.userByFeedTokenHash('bbb'))?.id).toBe(user.id);
      await t.store.setFeedTokenHash(user.id, null);
      expect(await t.store.userByFeedTokenHash('bbb')).toBeUndefined();
      expect(await t.store.userByFeedTokenHash('')).toBeUndefined();
    });

    it('searches feeds by title case-insensitively, with LIKE wildcards taken literally', async () => {
      const a = (await t.store.addFeed('https://a.example/feed')).feed;
      const b = (await t.store.addFeed('https://b.example/feed')).feed;
      const c = (await t.store.addFeed('https://c.example/100%_pure')).feed;
      await t.store.updateFeed(a.id, { title: 'The Daily Science' });
      await t.store.updateFeed(b.id, { title: 'science friday' });
      expect((await t.store.searchFeeds('SCIENCE', 10)).map((f) => f.id)).toEqual([b.id, a.id]);
      expect((await t.store.searchFeeds('science', 1)).map((f) => f.id)).toEqual([b.id]);
      expect((await t.store.searchFeeds('%', 10)).map((f) => f.id)).toEqual([c.id]);
      expect((await t.store.searchFeeds('_', 10)).map((f) => f.id)).toEqual([c.id]);
      expect(await t.store.searchFeeds('   ', 10)).toEqual([]);
      expect(await t.store.searchFeeds('nothing like it', 10)).toEqual([]);
    });

    it('deletes a user and every row naming them, and nobody else’s', async () => {
      const ada = await userWithData('ada@example.com');
      const bob = await userWithData('bob@example.com');
      const { db } = await openDatabase(t.db.options);
      try {
        const tables = await userIdTables(db, dialect);
        expect(tables).toEqual(
          expect.arrayContaining([
            'briefs',
            'brief_insights',
            'deliveries',
            'feedback',
            'follows',
            'user_profiles',
            'auth_tokens',
            'sessions',
            'suppressions',
          ]),
        );
        const rows = async (userId: number) => {
          const counts: Record<string, number> = {};
          for (const table of tables) {
            const r = await sql<{
              n: number | string;
            }>`select count(*) as n from ${sql.table(table)} where user_id = ${userId}`.execute(db);
            counts[table] = Number(r.rows[0]?.n);
          }
          return counts;
        };
        const before = await rows(bob.id);
        expect(Object.values(await rows(ada.id)).every((n) => n > 0)).toBe(true);

        await t.store.deleteUserData(ada.id);

        expect(Object.values(await rows(ada.id)).every((n) => n === 0)).toBe(true);
        expect(await t.store.userById(ada.id)).toBeUndefined();
        expect(await t.store.userByFeedTokenHash('hash-ada@example.com')).toBeUndefined();
        expect(await rows(bob.id)).toEqual(before);
        expect(await t.store.userById(bob.id)).toEqual(bob);
        expect(await t.store.countBriefsByUser(bob.id)).toBe(3);
        // Feeds and insights are shared: they stay.
        expect(await t.store.listFeeds()).toHaveLength(2);
        await t.store.deleteUserData(ada.id);
      } finally {
        await db.destroy();
      }
    });
  });
}

async function userIdTables(db: Kysely<Database>, dialect: string): Promise<string[]> {
  const { rows } =
    dialect === 'postgres'
      ? await sql<{ name: string }>`select table_name as name from information_schema.columns
          where table_schema = current_schema() and column_name = 'user_id'`.execute(db)
      : await sql<{ name: string }>`select m.name as name from sqlite_master m
          join pragma_table_info(m.name) p where m.type = 'table' and p.name = 'user_id'`.execute(db);
  return rows.map((r) => r.name);
}
