import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { composeBrief, createPoolCache } from '../../src/briefs/index.js';
import { loadConfig } from '../../src/config/index.js';
import { feedbackUrl, listenUrl } from '../../src/delivery/index.js';
import type { Brief } from '../../src/model/brief.js';
import type { User } from '../../src/model/user.js';
import { readEvalEpisodes } from '../../src/related/eval/labelled-sets.js';
import { indexInsights } from '../../src/related/index.js';
import { parsedEpisode } from '../../src/store/test-fixtures.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../../src/store/test-harness.js';
import { startWebServer, type WebServer } from '../../src/web/index.js';
import { corpusPath, hasCorpus, requireCorpus } from '../corpus.js';

const SHOWS = [
  'misfit-podcast-e378-wanjiru-new-misfit-affiliate-phase',
  'podlets-010-dichotomy-of-security',
  'podlets-015-the-network',
  'lennys-podcast-rachel-lockett',
  'podlets-004-observability',
  'misfit-podcast-e389-open-workout-26-1-live',
];
const SQUATS = SHOWS[0]!;
const INTERESTS = ['squats and strength', 'security of applications', 'network routing'];
const DAY = 86_400_000;

const dialects = await testDialects();

describe.skipIf(!hasCorpus && process.env.CI !== 'true').each(dialects)(
  'feedback → profile → next brief on $label',
  ({ dialect, skip }) => {
    let db: TestDatabase;
    let app: App;
    let server: WebServer;
    let reader: User;
    let control: User;
    const feedIds = new Map<string, number>();
    const day1 = new Date();
    const day2 = new Date(day1.getTime() + DAY);
    const briefs: Record<string, Brief> = {};

    /** One new episode per show with the key points at `keep` positions, as real corpus text. */
    async function publish(keep: (n: number) => boolean, seenAt: Date, tag: string): Promise<void> {
      const episodes = readEvalEpisodes(corpusPath('eval-public'));
      for (const show of SHOWS) {
        const feedId = feedIds.get(show)!;
        await app.store.upsertEpisodes(
          feedId,
          [parsedEpisode(`${show}-${tag}`, { title: `${show} ${tag}`, publishedAt: seenAt.toISOString() })],
          seenAt,
        );
        const episode = (await app.store.episodesByFeed(feedId)).find((e) => e.guid === `${show}-${tag}`)!;
        const bullets = episodes.find((e) => e.episode === show)!.bullets.filter((_, n) => keep(n));
        const stored = await app.store.replaceInsights(
          episode.id,
          bullets.map((text, n) => ({
            text,
            headline: text.split(' ').slice(0, 8).join(' '),
            quote: text,
            start: 30 * n,
            end: 30 * n + 20,
            score: 1 - n * 0.01,
          })),
          'embedded',
        );
        await indexInsights(app.store, stored);
      }
    }

    beforeAll(async () => {
      if (skip) return;
      requireCorpus();
      db = await createTestDatabase(dialect);
      app = await createApp(
        loadConfig({
          env: {
            DATA_DIR: db.dataDir,
            DATABASE_URL: db.options.databaseUrl ?? '',
            LOG_LEVEL: 'silent',
            PUBLIC_URL: 'https://brief.example',
          },
        }),
      );
      server = await startWebServer(app, { host: '127.0.0.1', port: 0 });
      for (const show of SHOWS)
        feedIds.set(show, (await app.store.addFeed(`https://shows.example/${show}.xml`)).feed.id);
      reader = (await app.store.addUser({ email: 'reader@example.com', interests: INTERESTS })).user;
      control = (await app.store.addUser({ email: 'control@example.com', interests: INTERESTS })).user;
      await publish((n) => n % 2 === 0, new Date(day1.getTime() - DAY / 2), 'day1');
    });

    afterAll(async () => {
      await server?.close();
      await app?.close();
      await db?.dispose();
    });

    const showOf = async (insightId: number) => (await app.store.insightById(insightId))?.feedId;

    it.skipIf(skip)('indexes insights as they arrive and composes the first brief', async () => {
      const stored = await app.store.insightsSince(new Date(0));
      const index = await app.store.insightIndex(stored.map((i) => i.id));
      expect(index.size).toBe(stored.length);
      const pools = createPoolCache();
      for (const user of [reader, control]) {
        const out = await composeBrief({ store: app.store, pools }, user, day1.toISOString().slice(0, 10), {
          size: 5,
          relatedPerInsight: 3,
          now: day1,
        });
        expect(out.status).toBe('created');
        if (out.status !== 'empty') briefs[user.email] = out.brief;
      }
      const items = briefs[reader.email]!.items;
      expect(items).toHaveLength(5);
      expect(new Set(await Promise.all(items.map((i) => showOf(i.insightId)))).size).toBe(5);
      expect(items.map((i) => i.reason).join(' ')).toMatch(/matches your interest "squats and strength"/);
    });

    it.skipIf(skip)('a GET on a feedback link only asks; the POST records the vote, once', async () => {
      const items = briefs[reader.email]!.items;
      const shows = await Promise.all(items.map((i) => showOf(i.insightId)));
      const target = items[shows.indexOf(feedIds.get(SQUATS))]!;
      expect(target, 'the squat theme is in the first brief').toBeDefined();
      const link = new URL(feedbackUrl(app.config.publicUrl, reader.id, target.insightId, 'less', app.secret));
      const page = await fetch(`${server.url}/feedback${link.search}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/<form method="post" action="\/feedback\?u=/);
      expect(await app.store.feedbackOf(reader.id, new Date(0))).toEqual([]);

      // Posted from the page itself, as a browser does (a POST without Origin is refused).
      const fromSite = { method: 'POST', headers: { origin: server.url } };
      const forged = await fetch(`${server.url}/feedback${link.search.replace('v=less', 'v=more')}`, fromSite);
      expect(forged.status).toBe(400);
      for (let n = 0; n < 2; n += 1)
        expect((await fetch(`${server.url}/feedback${link.search}`, fromSite)).status).toBe(200);
      const rows = await app.store.feedbackOf(reader.id, new Date(0));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ insightId: target.insightId, value: 'less' });
      expect(Object.keys(rows[0]!.terms).length).toBeGreaterThan(0);
    });

    it.skipIf(skip)('a listen link records the click and redirects only to the stored episode URL', async () => {
      // Not the voted-down one: a click is a (weak) sign of interest.
      const items = briefs[reader.email]!.items;
      const shows = await Promise.all(items.map((i) => showOf(i.insightId)));
      const item = items.find((_, n) => shows[n] !== feedIds.get(SQUATS))!;
      const res = await fetch(
        listenUrl(app.config.publicUrl, reader.id, item.insightId, app.secret).replace(
          'https://brief.example',
          server.url,
        ),
        { redirect: 'manual' },
      );
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toBe(item.timestampUrl);
      expect((await app.store.feedbackOf(reader.id, new Date(0))).filter((f) => f.value === 'click')).toHaveLength(1);
      const tampered = await fetch(`${server.url}/t/${reader.id}.${item.insightId + 1}.${'A'.repeat(43)}`, {
        redirect: 'manual',
      });
      expect(tampered.status).toBe(404);
    });

    it.skipIf(skip)(
      'the next day the voted-down theme is lower for the reader than for the control, and nothing repeats',
      async () => {
        await publish((n) => n % 2 === 1, new Date(Date.now() + 60_000), 'day2');
        const date = day2.toISOString().slice(0, 10);
        const pools = createPoolCache();
        const out: Record<string, Brief> = {};
        for (const user of [reader, control]) {
          const result = await composeBrief({ store: app.store, pools }, user, date, {
            size: 5,
            relatedPerInsight: 3,
            now: day2,
          });
          expect(result.status).toBe('created');
          if (result.status !== 'empty') out[user.email] = result.brief;
        }
        const squatAt = async (brief: Brief) => {
          const shows = await Promise.all(brief.items.map((i) => showOf(i.insightId)));
          return shows.indexOf(feedIds.get(SQUATS));
        };
        const controlAt = await squatAt(out[control.email]!);
        const readerAt = await squatAt(out[reader.email]!);
        const seen = JSON.stringify({
          reader: out[reader.email]!.items.map((i) => [i.podcastTitle, i.reason]),
          control: out[control.email]!.items.map((i) => [i.podcastTitle, i.reason]),
        });
        expect(controlAt, seen).toBeGreaterThanOrEqual(0);
        expect(readerAt === -1 || readerAt > controlAt, seen).toBe(true);
        const sentBefore = new Set(briefs[reader.email]!.items.map((i) => i.insightId));
        for (const item of out[reader.email]!.items) expect(sentBefore.has(item.insightId)).toBe(false);
      },
    );
  },
);
