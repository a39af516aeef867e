import { describe, expect, it } from 'vitest';
import { TRAILER_REASON } from '../model/feed.js';
import { briefItem, insight, parsedEpisode } from './test-fixtures.js';
import { testDialects } from './test-harness.js';
import { useTestStore } from './test-store.js';

for (const { dialect, label, skip } of await testDialects()) {
  describe.skipIf(skip)(`feeds and episodes [${label}]`, () => {
    const t = useTestStore(dialect);

    it('reports its dialect', () => {
      expect(t.store.dialect).toBe(dialect);
    });

    it('adds a feed once per URL', async () => {
      const first = await t.store.addFeed('https://example.com/feed.xml');
      const again = await t.store.addFeed('https://example.com/feed.xml');
      expect(first.created).toBe(true);
      expect(again.created).toBe(false);
      expect(again.feed.id).toBe(first.feed.id);
      expect(first.feed).toMatchObject({ status: 'active', errorCount: 0, nextPollAt: null, title: null });
      expect(await t.store.listFeeds()).toHaveLength(1);
      expect(await t.store.feedByUrl('https://example.com/feed.xml')).toEqual(first.feed);
      expect(await t.store.feedById(first.feed.id)).toEqual(first.feed);
      expect(await t.store.feedById(9999)).toBeUndefined();
    });

    it('reads what shows say they are about, by feed id, in chunks past the bound-parameter cap', async () => {
      const a = (await t.store.addFeed('https://example.com/a.xml')).feed;
      const b = (await t.store.addFeed('https://example.com/b.xml')).feed;
      await t.store.updateFeed(a.id, {
        title: 'Politics Weekly',
        description: 'The campaigns and the polls.',
        categories: ['News', 'Politics'],
      });
      const unknown = Array.from({ length: 1200 }, (_, n) => 10_000 + n);
      const texts = await t.store.showTexts([a.id, b.id, a.id, ...unknown]);
      expect(texts).toEqual(
        new Map([
          [
            a.id,
            { title: 'Politics Weekly', description: 'The campaigns and the polls.', categories: ['News', 'Politics'] },
          ],
          [b.id, { title: null, description: null, categories: [] }],
        ]),
      );
      expect(await t.store.showTexts([])).toEqual(new Map());
    });

    it('keeps the credentials of a feed URL apart from its url', async () => {
      const { feed, created } = await t.store.addFeed('https://alice:s3cret@example.com/private.xml');
      expect(created).toBe(true);
      expect(feed.url).toBe('https://example.com/private.xml');
      expect(await t.store.feedAuth(feed.id)).toBe('alice:s3cret');
      expect(JSON.stringify(await t.store.listFeeds())).not.toContain('s3cret');
      expect(await t.store.feedByUrl('https://example.com/private.xml')).toEqual(feed);
      expect(await t.store.feedByUrl('https://alice:other@example.com/private.xml')).toEqual(feed);
      // Adding it again with new credentials replaces them; without any keeps them.
      expect((await t.store.addFeed('https://alice:n3w@example.com/private.xml')).created).toBe(false);
      expect(await t.store.feedAuth(feed.id)).toBe('alice:n3w');
      await t.store.addFeed('https://example.com/private.xml');
      expect(await t.store.feedAuth(feed.id)).toBe('alice:n3w');
      expect(await t.store.feedAuth((await t.store.addFeed('https://example.com/open.xml')).feed.id)).toBeNull();
    });

    it('adds the same feed concurrently without duplicates', async () => {
      const results = await Promise.all(
        Array.from({ length: 5 }, () => t.store.addFeed('https://example.com/race.xml')),
      );
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(new Set(results.map((r) => r.feed.id)).size).toBe(1);
    });

    it('leases due feeds to one poller at a time, until rescheduled or the lease runs out', async () => {
      const now = new Date('2024-06-01T12:00:00Z');
      const ids: number[] = [];
      for (let n = 0; n < 30; n += 1) ids.push((await t.store.addFeed(`https://f${n}.example/feed`)).feed.id);
      await t.store.updateFeed(ids[29]!, { nextPollAt: '2024-06-01T13:00:00.000Z' });
      await t.store.updateFeed(ids[28]!, { status: 'paused' });
      // Five pollers at once, eight feeds each: every due feed goes to exactly one of them.
      const batches = await Promise.all(Array.from({ length: 5 }, () => t.store.claimDueFeeds(now, 8, 60_000)));
      const claimed = batches.flat().map((f) => f.id);
      expect(claimed.sort((a, b) => a - b)).toEqual(ids.slice(0, 28));
      expect(batches.every((b) => b.length <= 8)).toBe(true);
      for (const b of batches) expect(b.map((f) => f.id)).toEqual([...b.map((f) => f.id)].sort((x, y) => x - y));
      expect(await t.store.claimDueFeeds(now, 8, 60_000)).toEqual([]);
      // Rescheduled after its poll, a feed is free again once due; an abandoned lease runs out.
      await t.store.updateFeed(ids[0]!, { nextPollAt: '2024-06-01T12:00:30.000Z' });
      const soon = new Date('2024-06-01T12:00:40Z');
      expect((await t.store.claimDueFeeds(soon, 8, 60_000)).map((f) => f.id)).toEqual([ids[0]]);
      const after = new Date('2024-06-01T12:01:00Z');
      expect((await t.store.claimDueFeeds(after, 100, 60_000)).map((f) => f.id)).toEqual(ids.slice(1, 28));
    });

    it('renews the leases of a batch still being polled, not of a feed rescheduled since', async () => {
      const now = new Date('2024-06-01T12:00:00Z');
      const ids: number[] = [];
      for (let i = 0; i < 3; i++) ids.push((await t.store.addFeed(`https://lease${i}.example/feed`)).feed.id);
      const [polled, waiting, other] = ids as [number, number, number];
      await t.store.updateFeed(other, { nextPollAt: '2024-06-01T11:00:00.000Z' });
      expect((await t.store.claimDueFeeds(now, 2, 60_000)).map((f) => f.id)).toEqual([polled, waiting]);
      await t.store.updateFeed(polled, { nextPollAt: '2024-06-01T12:00:30.000Z' });
      await t.store.renewFeedLeases([polled, waiting, other], new Date('2024-06-01T12:00:50Z'), 60_000);
      // Past the first lease: the renewed one holds, the rescheduled one and the never-leased one are free.
      const later = new Date('2024-06-01T12:01:30Z');
      expect((await t.store.claimDueFeeds(later, 10, 60_000)).map((f) => f.id)).toEqual([other, polled]);
      expect(await t.store.claimDueFeeds(new Date('2024-06-01T12:01:49Z'), 10, 60_000)).toEqual([]);
      expect((await t.store.claimDueFeeds(new Date('2024-06-01T12:01:51Z'), 10, 60_000)).map((f) => f.id)).toEqual([
        waiting,
      ]);
    });

    it('updates poll state and lists only active due feeds', async () => {
      const now = new Date('2024-06-01T12:00:00Z');
      const never = (await t.store.addFeed('https://a.example/feed')).feed;
      const due = (await t.store.addFeed('https://b.example/feed')).feed;
      const later = (await t.store.addFeed('https://c.example/feed')).feed;
      const paused = (await t.store.addFeed('https://d.example/feed')).feed;
      await t.store.updateFeed(due.id, { nextPollAt: '2024-06-01T11:00:00+00:00', etag: '"v1"', title: 'B' });
      await t.store.updateFeed(later.id, { nextPollAt: '2024-06-01T13:00:00.000Z' });
      await t.store.updateFeed(paused.id, { status: 'paused' });
      await t.store.updateFeed(never.id, {});

      const ids = (await t.store.dueFeeds(now)).map((f) => f.id);
      expect(ids).toEqual([never.id, due.id]);
      expect(await t.store.feedById(due.id)).toMatchObject({
        title: 'B',
        etag: '"v1"',
        nextPollAt: '2024-06-01T11:00:00.000Z',
      });

      await t.store.updateFeed(due.id, {
        errorCount: 2,
        lastError: 'boom',
        lastPolledAt: now.toISOString(),
        etag: null,
      });
      expect(await t.store.feedById(due.id)).toMatchObject({
        errorCount: 2,
        lastError: 'boom',
        lastPolledAt: '2024-06-01T12:00:00.000Z',
        etag: null,
        title: 'B',
      });
    });

    it('commits concurrent poll-state updates together, failing only the one that is refused', async () => {
      const feeds = await Promise.all(
        Array.from({ length: 40 }, async (_, i) => (await t.store.addFeed(`https://batch.example/${i}`)).feed),
      );
      const outcomes = await Promise.allSettled(
        feeds.map((f, i) =>
          t.store.updateFeed(f.id, i === 7 ? { status: 'bogus' as never, errorCount: 99 } : { errorCount: i }),
        ),
      );
      expect(outcomes.map((o) => o.status)).toEqual(feeds.map((_f, i) => (i === 7 ? 'rejected' : 'fulfilled')));
      const stored = await Promise.all(feeds.map(async (f) => (await t.store.feedById(f.id))?.errorCount));
      expect(stored).toEqual(feeds.map((_f, i) => (i === 7 ? 0 : i)));
    });

    it('keeps the cadence and last full fetch, and offers a paused feed again at its retry time', async () => {
      const now = new Date('2024-06-01T12:00:00Z');
      const feed = (await t.store.addFeed('https://e.example/feed')).feed;
      expect(feed).toMatchObject({ cadenceSeconds: null, fullFetchedAt: null });
      await t.store.updateFeed(feed.id, {
        cadenceSeconds: 86_400,
        fullFetchedAt: '2024-06-01T10:00:00+00:00',
        status: 'paused',
        nextPollAt: '2024-06-02T12:00:00.000Z',
      });
      expect(await t.store.feedById(feed.id)).toMatchObject({
        cadenceSeconds: 86_400,
        fullFetchedAt: '2024-06-01T10:00:00.000Z',
        status: 'paused',
      });
      expect(await t.store.dueFeeds(now)).toEqual([]);
      expect((await t.store.dueFeeds(new Date('2024-06-02T12:00:00Z'))).map((f) => f.id)).toEqual([feed.id]);
      await t.store.updateFeed(feed.id, { status: 'gone', nextPollAt: null });
      expect(await t.store.dueFeeds(new Date('2024-06-03T12:00:00Z'))).toEqual([]);
    });

    it('upserts episodes without duplicates and refreshes changed metadata', async () => {
      const feed = (await t.store.addFeed('https://example.com/feed')).feed;
      const episodes = [parsedEpisode('a'), parsedEpisode('b'), parsedEpisode('c')];
      const seen = new Date('2024-06-01T00:00:00Z');

      const first = await t.store.upsertEpisodes(feed.id, episodes, seen);
      expect(first).toMatchObject({ updated: 0 });
      expect(await t.store.upsertEpisodes(feed.id, episodes, new Date())).toEqual({
        updated: 0,
        insertedIds: [],
      });

      const changed = [
        parsedEpisode('a', { title: 'Renamed', persons: [] }),
        parsedEpisode('b'),
        parsedEpisode('d'),
        parsedEpisode('d', { title: 'duplicate guid in one feed' }),
      ];
      const later = new Date('2024-06-02T00:00:00Z');
      const second = await t.store.upsertEpisodes(feed.id, changed, later);
      expect(second).toMatchObject({ updated: 1 });

      const rows = await t.store.episodesByFeed(feed.id);
      expect(rows.map((r) => r.guid)).toEqual(['a', 'b', 'c', 'd']);
      const idOf = (guid: string) => rows.find((r) => r.guid === guid)?.id;
      expect([...first.insertedIds].sort((x, y) => x - y)).toEqual([idOf('a'), idOf('b'), idOf('c')]);
      expect(second.insertedIds).toEqual([idOf('d')]);
      const a = rows.find((r) => r.guid === 'a');
      expect(a).toMatchObject({ title: 'Renamed', persons: [], firstSeenAt: seen.toISOString(), status: 'new' });
      expect(rows.find((r) => r.guid === 'd')).toMatchObject({ title: 'Episode d', firstSeenAt: later.toISOString() });
    });

    it("stores an episode's type and refreshes it when the feed changes it", async () => {
      const feed = (await t.store.addFeed('https://example.com/feed')).feed;
      const seen = new Date('2024-06-01T00:00:00Z');
      await t.store.upsertEpisodes(
        feed.id,
        [parsedEpisode('promo', { episodeType: 'trailer' }), parsedEpisode('ep')],
        seen,
      );
      const typeOf = async () =>
        Object.fromEntries((await t.store.episodesByFeed(feed.id)).map((r) => [r.guid, r.episodeType]));
      expect(await typeOf()).toEqual({ promo: 'trailer', ep: null });
      for (const row of await t.store.episodesByFeed(feed.id)) await t.store.markEpisode(row.id, 'extracted', 'done');
      const epId = (await t.store.episodesByFeed(feed.id)).find((r) => r.guid === 'ep')?.id as number;
      await t.store.replaceInsights(epId, [insight(1)], 'embedded');
      const retyped = [
        parsedEpisode('promo', { episodeType: 'full' }),
        parsedEpisode('ep', { episodeType: 'trailer' }),
      ];
      expect(await t.store.upsertEpisodes(feed.id, retyped, new Date('2024-06-02T00:00:00Z'))).toEqual({
        updated: 2,
        insertedIds: [],
      });
      expect(await typeOf()).toEqual({ promo: 'full', ep: 'trailer' });
      // The promo is content now, to be processed for insights; the episode is a trailer now, settled at
      // once without its insights, however old (processing lists only recent episodes).
      const states = Object.fromEntries(
        (await t.store.episodesByFeed(feed.id)).map((r) => [r.guid, [r.status, r.lastError]]),
      );
      expect(states).toEqual({ promo: ['new', null], ep: ['extracted', TRAILER_REASON] });
      expect(await t.store.insightsByEpisode(epId)).toEqual([]);
      await t.store.upsertEpisodes(
        feed.id,
        [parsedEpisode('promo', { episodeType: 'bonus' }), parsedEpisode('ep', { episodeType: 'trailer' })],
        new Date('2024-06-03T00:00:00Z'),
      );
      for (const row of await t.store.episodesByFeed(feed.id)) await t.store.markEpisode(row.id, 'extracted', 'done');
      await t.store.upsertEpisodes(
        feed.id,
        [
          parsedEpisode('promo', { episodeType: 'full' }),
          parsedEpisode('ep', { episodeType: 'trailer', title: 'Renamed' }),
        ],
        new Date('2024-06-04T00:00:00Z'),
      );
      // Content staying content, or a trailer staying one, is not processed again.
      expect((await t.store.episodesByFeed(feed.id)).map((r) => r.status)).toEqual(['extracted', 'extracted']);
    });

    it("does not make an episode's transcript out of date when only its type arrives", async () => {
      const feed = (await t.store.addFeed('https://example.com/feed')).feed;
      const linked = { transcripts: [{ url: 'https://example.com/e.vtt', type: 'text/vtt' }] };
      await t.store.upsertEpisodes(feed.id, [parsedEpisode('e', linked)], new Date('2024-06-01T00:00:00Z'));
      const [episode] = await t.store.episodesByFeed(feed.id);
      // Its published transcript failed, so it holds its show notes.
      await t.store.saveTranscript(episode!.id, {
        source: 'shownotes',
        hash: 'h',
        segments: [{ start: 0, end: 1, text: 'x' }],
      });
      await t.store.replaceInsights(episode!.id, [], 'none');
      await new Promise((resolve) => setTimeout(resolve, 5));
      // The first poll after migration 0016: the feed's episodeType is stored for the first time.
      await t.store.upsertEpisodes(feed.id, [parsedEpisode('e', { ...linked, episodeType: 'full' })], new Date());
      expect((await t.store.episodesByFeed(feed.id))[0]?.episodeType).toBe('full');
      expect(await t.store.episodesAwaitingPublishedTranscript(new Date('2024-01-01'), 10)).toEqual([]);
    });

    it('keeps the same guid apart in different feeds', async () => {
      const one = (await t.store.addFeed('https://one.example/feed')).feed;
      const two = (await t.store.addFeed('https://two.example/feed')).feed;
      await t.store.upsertEpisodes(one.id, [parsedEpisode('x')], new Date());
      const second = await t.store.upsertEpisodes(two.id, [parsedEpisode('x')], new Date());
      const [x] = await t.store.episodesByFeed(two.id);
      expect(second).toEqual({ updated: 0, insertedIds: [x!.id] });
    });

    it('round-trips every episode field, JSON columns included', async () => {
      const feed = (await t.store.addFeed('https://example.com/feed')).feed;
      const ep = parsedEpisode('full', {
        publishedAt: '2024-05-01T12:00:00+02:00',
        durationSeconds: 62.5,
        episodeType: 'bonus',
        transcripts: [
          { url: 'https://example.com/t.srt', type: 'application/srt' },
          { url: 'https://example.com/t.json', type: 'application/json', language: 'de', rel: 'captions' },
        ],
        persons: [
          { name: 'Zoë', role: 'guest', group: 'cast', href: 'https://z.example', img: 'https://z.example/i.png' },
        ],
      });
      await t.store.upsertEpisodes(
        feed.id,
        [
          ep,
          parsedEpisode('bare', {
            description: undefined,
            link: undefined,
            publishedAt: 'not a date',
            durationSeconds: undefined,
            audioUrl: undefined,
            audioType: undefined,
            transcripts: [],
            persons: [],
          }),
        ],
        new Date('2024-06-01T00:00:00Z'),
      );
      const [full, bare] = await t.store.episodesByFeed(feed.id);
      expect(full).toMatchObject({
        feedId: feed.id,
        guid: 'full',
        title: 'Episode full',
        description: 'Notes for full',
        link: 'https://example.com/full',
        publishedAt: '2024-05-01T10:00:00.000Z',
        durationSeconds: 62.5,
        audioUrl: 'https://example.com/full.mp3',
        audioType: 'audio/mpeg',
        transcripts: ep.transcripts,
        persons: ep.persons,
        episodeType: 'bonus',
        status: 'new',
        lastError: null,
      });
      expect(bare).toMatchObject({
        episodeType: null,
        description: null,
        link: null,
        publishedAt: null,
        durationSeconds: null,
        audioUrl: null,
        transcripts: [],
        persons: [],
      });
      expect(await t.store.episodeById(full!.id)).toEqual(full);
      expect(await t.store.episodeById(424242)).toBeUndefined();
    });

    it('upserts a large batch in one call', async () => {
      const feed = (await t.store.addFeed('https://example.com/big')).feed;
      const many = Array.from({ length: 450 }, (_, i) => parsedEpisode(`g${i}`));
      const first = await t.store.upsertEpisodes(feed.id, many, new Date());
      expect(first).toMatchObject({ updated: 0 });
      expect(new Set(first.insertedIds).size).toBe(450);
      expect(await t.store.upsertEpisodes(feed.id, many, new Date())).toEqual({
        updated: 0,
        insertedIds: [],
      });
    });

    it('lists episodes to process oldest first and honours status changes', async () => {
      const feed = (await t.store.addFeed('https://example.com/feed')).feed;
      await t.store.upsertEpisodes(feed.id, [parsedEpisode('old')], new Date('2024-01-01T00:00:00Z'));
      await t.store.upsertEpisodes(feed.id, [parsedEpisode('n2')], new Date('2024-06-02T00:00:00Z'));
      await t.store.upsertEpisodes(feed.id, [parsedEpisode('n1')], new Date('2024-06-01T00:00:00Z'));
      await t.store.upsertEpisodes(feed.id, [parsedEpisode('n3')], new Date('2024-06-03T00:00:00Z'));
      const since = new Date('2024-05-01T00:00:00Z');

      expect((await t.store.episodesToProcess(since, 10)).map((e) => e.guid)).toEqual(['n1', 'n2', 'n3']);
      expect((await t.store.episodesToProcess(since, 2)).map((e) => e.guid)).toEqual(['n1', 'n2']);

      const [n1, n2] = await t.store.episodesToProcess(since, 2);
      await t.store.markEpisode(n1!.id, 'failed', 'no transcript');
      await t.store.markEpisode(n2!.id, 'transcribed');
      expect((await t.store.episodesToProcess(since, 10)).map((e) => e.guid)).toEqual(['n2', 'n3']);
      expect(await t.store.episodeById(n1!.id)).toMatchObject({ status: 'failed', lastError: 'no transcript' });
      await t.store.markEpisode(n2!.id, 'extracted');
      expect((await t.store.episodesToProcess(since, 10)).map((e) => e.guid)).toEqual(['n3']);
      // Re-upserting must not reset the processing status.
      await t.store.upsertEpisodes(feed.id, [parsedEpisode('n2', { title: 'changed' })], new Date());
      expect(await t.store.episodeById(n2!.id)).toMatchObject({ status: 'extracted', title: 'changed' });
    });

    it('lists a failed episode again once its retry is due, and never once given up', async () => {
      const feed = (await t.store.addFeed('https://example.com/feed')).feed;
      await t.store.upsertEpisodes(
        feed.id,
        [parsedEpisode('flaky'), parsedEpisode('dead')],
        new Date('2024-06-01T00:00:00Z'),
      );
      const since = new Date('2024-05-01T00:00:00Z');
      const [flaky, dead] = await t.store.episodesToProcess(since, 10, new Date('2024-06-01T01:00:00Z'));
      await t.store.markEpisodeFailed(flaky!.id, 'transcript server: http_503', new Date('2024-06-01T01:30:00Z'));
      await t.store.markEpisodeFailed(dead!.id, 'no transcript', null);
      const due = async (at: string) => (await t.store.episodesToProcess(since, 10, new Date(at))).map((e) => e.guid);

      expect(await due('2024-06-01T01:29:59Z')).toEqual([]);
      expect(await due('2024-06-01T01:30:00Z')).toEqual(['flaky']);
      expect(await t.store.episodeById(flaky!.id)).toMatchObject({
        status: 'failed',
        failures: 1,
        retryAt: '2024-06-01T01:30:00.000Z',
        lastError: 'transcript server: http_503',
      });
      await t.store.markEpisodeFailed(flaky!.id, 'transcript server: http_503', new Date('2024-06-01T03:30:00Z'));
      expect(await t.store.episodeById(flaky!.id)).toMatchObject({ failures: 2 });
      expect(await due('2024-06-01T02:00:00Z')).toEqual([]);
      await t.store.markEpisode(flaky!.id, 'extracted', null);
      expect(await due('2024-06-02T00:00:00Z')).toEqual([]);
    });

    it('counts episodes and deliveries by status for the operator', async () => {
      const feed = (await t.store.addFeed('https://example.com/feed')).feed;
      await t.store.upsertEpisodes(
        feed.id,
        ['a', 'b', 'c', 'd', 'e'].map((g) => parsedEpisode(g)),
        new Date('2024-06-01T00:00:00Z'),
      );
      const [a, b, c, d] = await t.store.episodesByFeed(feed.id);
      await t.store.replaceInsights(a!.id, [insight(1)], 'embedded');
      await t.store.markEpisode(b!.id, 'transcribed');
      await t.store.markEpisodeFailed(c!.id, 'http_503', new Date('2024-06-01T01:00:00Z'));
      await t.store.markEpisodeFailed(d!.id, 'no transcript', null);
      const { user } = await t.store.addUser({ email: 'ada@example.com', interests: [] });
      await t.store.createBrief(user.id, '2024-06-01', [briefItem(1)]);
      expect(await t.store.statusCounts()).toEqual({
        episodes: { new: 1, transcribed: 1, extracted: 1, failedRetrying: 1, failedGivenUp: 1 },
        deliveries: { pending: 1, sending: 0, sent: 0, failed: 0, cancelled: 0, bounced: 0, possibleDuplicates: 0 },
        suppressed: 0,
      });
    });

    it('removes a feed with its episodes, insights and follows; briefs already composed keep their items', async () => {
      const feed = (await t.store.addFeed('https://example.com/gone.xml')).feed;
      const kept = (await t.store.addFeed('https://example.com/kept.xml')).feed;
      await t.store.upsertEpisodes(feed.id, [parsedEpisode('a')], new Date('2024-06-01T00:00:00Z'));
      await t.store.upsertEpisodes(kept.id, [parsedEpisode('k')], new Date('2024-06-01T00:00:00Z'));
      const [episode] = await t.store.episodesByFeed(feed.id);
      await t.store.replaceInsights(episode!.id, [insight(1)], 'embedded');
      const [stored] = await t.store.insightsByEpisode(episode!.id);
      const { user } = await t.store.addUser({ email: 'remove@example.com', interests: [] });
      await t.store.setFollow(user.id, feed.id, true);
      await t.store.setFollow(user.id, kept.id, true);
      await t.store.createBrief(user.id, '2024-06-01', [briefItem(stored!.id)]);

      expect(await t.store.removeFeed(feed.id)).toBe(true);
      expect(await t.store.removeFeed(feed.id)).toBe(false);
      expect(await t.store.feedById(feed.id)).toBeUndefined();
      expect(await t.store.episodeById(episode!.id)).toBeUndefined();
      expect(await t.store.insightsByEpisode(episode!.id)).toEqual([]);
      expect((await t.store.profileOf(user.id)).followedFeedIds).toEqual([kept.id]);
      expect(await t.store.episodesByFeed(kept.id)).toHaveLength(1);
      const brief = await t.store.briefFor(user.id, '2024-06-01');
      expect(brief?.items.map((i) => i.insightId)).toEqual([stored!.id]);
      expect(await t.store.sentInsightIds(user.id)).toEqual(new Set([stored!.id]));
    });

    it('lets one worker at a time claim an episode, until it releases it or its lease runs out', async () => {
      const feed = (await t.store.addFeed('https://example.com/feed')).feed;
      await t.store.upsertEpisodes(feed.id, [parsedEpisode('e')], new Date('2024-06-01T00:00:00Z'));
      const [episode] = await t.store.episodesByFeed(feed.id);
      const id = episode!.id;
      const now = new Date('2024-06-01T01:00:00Z');
      const claims = await Promise.all(
        Array.from({ length: 5 }, () => t.store.claimEpisode(id, now, 60_000, 'process')),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await t.store.claimEpisode(id, new Date('2024-06-01T01:00:59Z'), 60_000, 'process')).toBe(false);
      expect(await t.store.claimEpisode(id, new Date('2024-06-01T01:01:00Z'), 60_000, 'process')).toBe(true);
      await t.store.releaseEpisode(id);
      expect(await t.store.claimEpisode(id, new Date('2024-06-01T01:01:01Z'), 60_000, 'process')).toBe(true);
    });

    it('claims an episode only while it still needs the work: never one another worker finished', async () => {
      const feed = (await t.store.addFeed('https://example.com/feed')).feed;
      await t.store.upsertEpisodes(
        feed.id,
        ['done', 'final', 'later', 'due', 'notes'].map((g) => parsedEpisode(g)),
        new Date('2024-06-01T00:00:00Z'),
      );
      const byGuid = new Map((await t.store.episodesByFeed(feed.id)).map((e) => [e.guid, e.id]));
      const id = (guid: string) => byGuid.get(guid) as number;
      const now = new Date('2024-06-01T01:00:00Z');
      const claim = (guid: string, work: 'process' | { upgradeTo: string } = 'process') =>
        t.store.claimEpisode(id(guid), now, 60_000, work);

      // A worker listed 'done', another extracted it meanwhile and let go: the first finds nothing to do.
      expect(await claim('done')).toBe(true);
      await t.store.replaceInsights(id('done'), [insight(1)], 'embedded');
      await t.store.releaseEpisode(id('done'));
      expect(await claim('done')).toBe(false);
      // …unless it is re-extracted with a better engine, which is another job.
      expect(await claim('done', { upgradeTo: 'embedded' })).toBe(false);
      expect(await claim('done', { upgradeTo: 'llm' })).toBe(true);

      await t.store.markEpisodeFailed(id('final'), 'gave up', null);
      await t.store.markEpisodeFailed(id('later'), 'down', new Date('2024-06-01T02:00:00Z'));
      await t.store.markEpisodeFailed(id('due'), 'down', new Date('2024-06-01T00:30:00Z'));
      expect(await claim('final')).toBe(false);
      expect(await claim('later')).toBe(false);
      expect(await claim('due')).toBe(true);

      // Extracted from show notes, then the feed linked a transcript: worth doing again, once.
      await t.store.saveTranscript(id('notes'), {
        source: 'shownotes',
        hash: 'h',
        segments: [{ start: 0, end: 1, text: 'x' }],
      });
      await t.store.replaceInsights(id('notes'), [], 'none');
      expect(await claim('notes')).toBe(false);
      await new Promise((resolve) => setTimeout(resolve, 5));
      await t.store.upsertEpisodes(
        feed.id,
        [parsedEpisode('notes', { transcripts: [{ url: 'https://example.com/new.vtt', type: 'text/vtt' }] })],
        new Date(),
      );
      expect(await t.store.episodesAwaitingPublishedTranscript(new Date('2024-01-01'), 10)).toEqual([id('notes')]);
      expect(await claim('notes')).toBe(true);
      await t.store.saveTranscript(id('notes'), {
        source: 'published:vtt',
        hash: 'p',
        segments: [{ start: 0, end: 1, text: 'y' }],
      });
      await t.store.releaseEpisode(id('notes'));
      expect(await claim('notes')).toBe(false);
    });

    it('claims an episode to process and reads it in one go: only a due one, only once, with the lease held', async () => {
      const feed = (await t.store.addFeed('https://example.com/feed')).feed;
      const seen = new Date('2024-06-01T00:00:00Z');
      const { insertedIds } = await t.store.upsertEpisodes(
        feed.id,
        ['fresh', 'done', 'later', 'notes'].map((g) => parsedEpisode(g)),
        seen,
      );
      const [fresh, done, later, notes] = insertedIds as [number, number, number, number];
      const now = new Date('2024-06-01T01:00:00Z');
      const claim = (episodeId: number, at = now) => t.store.claimEpisodeToProcess(episodeId, at, 60_000);

      const claimed = await claim(fresh);
      expect(claimed).toMatchObject({ guid: 'fresh', status: 'new', firstSeenAt: seen.toISOString() });
      expect(claimed).toEqual(await t.store.episodeById(fresh));
      expect(await claim(fresh, new Date('2024-06-01T01:00:59Z'))).toBeUndefined();
      expect(await t.store.claimEpisode(fresh, now, 60_000, 'process')).toBe(false);
      await t.store.releaseEpisode(fresh);
      expect(await claim(fresh)).toMatchObject({ id: fresh });

      await t.store.replaceInsights(done, [insight(1)], 'embedded');
      expect(await claim(done)).toBeUndefined();
      await t.store.markEpisodeFailed(later, 'down', new Date('2024-06-01T02:00:00Z'));
      expect(await claim(later)).toBeUndefined();
      expect(await claim(later, new Date('2024-06-01T02:00:00Z'))).toMatchObject({ status: 'failed', failures: 1 });

      // Extracted from show notes, then the feed linked a transcript: claimEpisode's work, not this one's.
      await t.store.saveTranscript(notes, {
        source: 'shownotes',
        hash: 'h',
        segments: [{ start: 0, end: 1, text: 'x' }],
      });
      await t.store.replaceInsights(notes, [], 'none');
      await new Promise((resolve) => setTimeout(resolve, 5));
      await t.store.upsertEpisodes(
        feed.id,
        [parsedEpisode('notes', { transcripts: [{ url: 'https://example.com/new.vtt', type: 'text/vtt' }] })],
        new Date(),
      );
      expect(await claim(notes)).toBeUndefined();
      expect(await t.store.claimEpisode(notes, now, 60_000, 'process')).toBe(true);
    });

    it('lists recent episodes another engine extracted and nobody was sent yet, newest first, for an LLM back-fill', async () => {
      const feed = (await t.store.addFeed('https://example.com/feed')).feed;
      for (const [guid, day] of [
        ['old', '01'],
        ['a', '10'],
        ['b', '11'],
        ['c', '12'],
        ['sent', '13'],
        ['new', '14'],
      ] as const) {
        await t.store.upsertEpisodes(feed.id, [parsedEpisode(guid)], new Date(`2024-06-${day}T00:00:00Z`));
      }
      const byGuid = new Map((await t.store.episodesByFeed(feed.id)).map((e) => [e.guid, e.id]));
      const id = (guid: string) => byGuid.get(guid) as number;
      for (const guid of ['old', 'a', 'c', 'sent'])
        await t.store.replaceInsights(id(guid), [insight(1), insight(2)], 'embedded');
      await t.store.replaceInsights(id('b'), [insight(3)], 'llm');
      const { user } = await t.store.addUser({ email: 'ada@example.com', interests: [] });
      const [gone] = await t.store.insightsByEpisode(id('sent'));
      await t.store.createBrief(user.id, '2024-06-14', [briefItem(gone!.id)]);

      const since = new Date('2024-06-05T00:00:00Z');
      expect((await t.store.episodesToUpgrade('llm', since, 10)).map((e) => e.guid)).toEqual(['c', 'a']);
      expect((await t.store.episodesToUpgrade('llm', since, 1)).map((e) => e.guid)).toEqual(['c']);
      expect((await t.store.episodesToUpgrade('embedded', since, 10)).map((e) => e.guid)).toEqual(['b']);
    });
  });
}
