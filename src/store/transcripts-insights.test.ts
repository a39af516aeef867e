import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Insight } from '../model/insight.js';
import type { Transcript } from '../model/transcript.js';
import { openStore, type Store } from './index.js';
import { briefItem, insight, parsedEpisode } from './test-fixtures.js';
import { createTestDatabase, testDialects, type TestDatabase } from './test-harness.js';
import type { InsightIndexEntry } from './types.js';

const transcript: Transcript = {
  segments: [
    { start: 0, end: 4.2, speaker: 'Ada', text: 'Hello there.', words: [{ start: 0, end: 0.5, text: 'Hello' }] },
    { start: 4.2, end: 9, text: 'Ünïcödé and "quotes".' },
  ],
  language: 'en',
  source: 'published:vtt',
  hash: 'abc123',
};

for (const { dialect, label, skip } of await testDialects()) {
  describe.skipIf(skip)(`transcripts and insights [${label}]`, () => {
    let db: TestDatabase;
    let store: Store;
    let feedId: number;
    let episodeId: number;
    beforeEach(async () => {
      db = await createTestDatabase(dialect);
      store = await openStore(db.options);
      feedId = (await store.addFeed('https://example.com/feed')).feed.id;
      await store.upsertEpisodes(feedId, [parsedEpisode('e1')], new Date('2024-06-01T00:00:00Z'));
      episodeId = (await store.episodesByFeed(feedId))[0]!.id;
    });
    afterEach(async () => {
      await store.close();
      await db.dispose();
    });

    it('saves one transcript per episode, replacing it, and marks a new episode transcribed', async () => {
      expect(await store.transcriptByEpisode(episodeId)).toBeUndefined();
      await store.saveTranscript(episodeId, transcript);
      expect(await store.transcriptByEpisode(episodeId)).toEqual(transcript);
      expect(await store.episodeById(episodeId)).toMatchObject({ status: 'transcribed' });

      const shownotes: Transcript = {
        segments: [{ start: 0, end: 0, text: 'notes' }],
        source: 'shownotes',
        hash: 'h2',
      };
      await store.saveTranscript(episodeId, shownotes);
      expect(await store.transcriptByEpisode(episodeId)).toEqual(shownotes);
    });

    it("reads a feed's newest stored transcripts in one query, undated last, other feeds' left out", async () => {
      const other = (await store.addFeed('https://example.com/other')).feed.id;
      await store.upsertEpisodes(other, [parsedEpisode('o1')], new Date('2024-06-01T00:00:00Z'));
      await store.upsertEpisodes(
        feedId,
        [
          parsedEpisode('undated', { publishedAt: undefined }),
          parsedEpisode('newest', { publishedAt: '2024-07-01T00:00:00.000Z' }),
          parsedEpisode('untranscribed', { publishedAt: '2024-08-01T00:00:00.000Z' }),
        ],
        new Date('2024-08-02T00:00:00Z'),
      );
      const ids = new Map(
        [...(await store.episodesByFeed(feedId)), ...(await store.episodesByFeed(other))].map((e) => [e.guid, e.id]),
      );
      for (const guid of ['e1', 'undated', 'newest', 'o1'])
        await store.saveTranscript(ids.get(guid)!, { ...transcript, hash: guid });
      const recent = await store.recentTranscriptsByFeed(feedId, 10);
      expect(recent.map((r) => [r.episodeId, r.transcript.hash])).toEqual(
        ['newest', 'e1', 'undated'].map((guid) => [ids.get(guid), guid]),
      );
      expect(recent[1]?.transcript).toEqual({ ...transcript, hash: 'e1' });
      expect((await store.recentTranscriptsByFeed(feedId, 2)).map((r) => r.transcript.hash)).toEqual(['newest', 'e1']);
    });

    it('does not move an extracted episode back when the transcript is saved again', async () => {
      await store.markEpisode(episodeId, 'extracted');
      await store.saveTranscript(episodeId, transcript);
      expect(await store.episodeById(episodeId)).toMatchObject({ status: 'extracted' });
    });

    it('replaces insights atomically and marks the episode extracted', async () => {
      const first = await store.replaceInsights(episodeId, [insight(0), insight(1), insight(2)], 'embedded');
      expect(first.map((i) => i.headline)).toEqual(['Headline 0', 'Headline 1', 'Headline 2']);
      expect(first[0]).toEqual({ ...insight(0), id: first[0]!.id, episodeId, feedId, speaker: 'Ada' });
      expect(first[1]).not.toHaveProperty('speaker');
      expect(await store.insightsByEpisode(episodeId)).toEqual(first);
      expect(await store.episodeById(episodeId)).toMatchObject({ status: 'extracted', lastError: null });

      const second = await store.replaceInsights(episodeId, [insight(7)], 'llm');
      expect(await store.insightsByEpisode(episodeId)).toEqual(second);
      expect(second).toHaveLength(1);
      // Ids are never reused, so "already sent" records stay unambiguous.
      expect(Math.min(...second.map((i) => i.id))).toBeGreaterThan(Math.max(...first.map((i) => i.id)));
    });

    it('keeps the id of an insight extracted again, retires one a brief showed, deletes the rest', async () => {
      const pause = () => new Promise((resolve) => setTimeout(resolve, 5));
      const first = await store.replaceInsights(
        episodeId,
        [insight(0), insight(1), insight(2), insight(3)],
        'embedded',
      );
      const [i0, i1, i2, i3] = first.map((i) => i.id) as [number, number, number, number];
      const { user } = await store.addUser({ email: 'ada@example.com', interests: [] });
      await store.createBrief(user.id, '2024-06-02', [briefItem(i1), briefItem(i2)]);
      await pause();
      const between = new Date();
      await pause();

      const again = await store.replaceInsights(
        episodeId,
        [
          // The same moment, said better: same quote.
          { ...insight(1), headline: 'Sharper headline', score: 0.9 },
          insight(5),
          // The same words from another moment.
          { ...insight(0), quote: 'another quote', start: 99 },
        ],
        'llm',
      );
      expect(again.map((i) => i.id)).toEqual([i1, Math.max(...again.map((i) => i.id)), i0]);
      expect(again[0]).toMatchObject({ headline: 'Sharper headline', score: 0.9 });
      expect(again[2]).toMatchObject({ quote: 'another quote', start: 99 });
      expect(await store.insightsByEpisode(episodeId)).toEqual(again);
      // Not news again: only the insight first found now is new since before the re-extraction.
      expect((await store.insightsSince(between)).map((i) => i.id)).toEqual([again[1]!.id]);
      // Shown in a brief and gone from the episode: kept for the brief, out of new briefs.
      expect(await store.insightById(i2)).toMatchObject({ id: i2, headline: 'Headline 2' });
      expect((await store.insightsSince(new Date(0))).map((i) => i.id)).not.toContain(i2);
      expect(await store.insightById(i3)).toBeUndefined();
      for (const item of (await store.briefFor(user.id, '2024-06-02'))!.items)
        expect(await store.insightById(item.insightId)).toBeDefined();

      // Found again later, a retired insight is current again, with its id.
      const back = await store.replaceInsights(episodeId, [insight(2), insight(1)], 'llm');
      expect(back.map((i) => i.id)).toEqual([i2, i1]);
    });

    it('deletes retired insights once no brief refers to them and they were retired long enough ago', async () => {
      const [i0, i1] = (await store.replaceInsights(episodeId, [insight(0), insight(1), insight(2)], 'embedded')).map(
        (i) => i.id,
      ) as [number, number];
      const ada = (await store.addUser({ email: 'ada@example.com', interests: [] })).user;
      const bob = (await store.addUser({ email: 'bob@example.com', interests: [] })).user;
      await store.createBrief(ada.id, '2024-06-02', [briefItem(i0)]);
      await store.createBrief(bob.id, '2024-06-02', [briefItem(i1)]);
      await store.replaceInsights(episodeId, [insight(2)], 'embedded');
      const afterRetiring = new Date(Date.now() + 1_000);
      // Both retired, both still in a brief: kept.
      expect(await store.deleteRetiredInsights(afterRetiring)).toBe(0);
      await store.deleteUserData(ada.id);
      // Ada's brief is gone: her insight goes, but not before its retirement is old enough.
      expect(await store.deleteRetiredInsights(new Date(Date.now() - 60_000))).toBe(0);
      expect(await store.deleteRetiredInsights(afterRetiring)).toBe(1);
      expect(await store.insightById(i0)).toBeUndefined();
      expect(await store.insightById(i1)).toBeDefined();
      expect((await store.insightsByEpisode(episodeId)).map((i) => i.headline)).toEqual(['Headline 2']);
    });

    it('counts the same words as already sent, under any id', async () => {
      const [sent] = await store.replaceInsights(episodeId, [insight(0)], 'embedded');
      const { user } = await store.addUser({ email: 'ada@example.com', interests: [] });
      await store.createBrief(user.id, '2024-06-02', [briefItem(sent!.id)]);
      await store.upsertEpisodes(feedId, [parsedEpisode('e2')], new Date('2024-06-02T00:00:00Z'));
      const other = (await store.episodesByFeed(feedId)).find((e) => e.guid === 'e2')!.id;
      const [copy, fresh] = await store.replaceInsights(
        other,
        [{ ...insight(0, { text: ' insight  NUMBER 0 explained.' }), quote: 'elsewhere' }, insight(1)],
        'embedded',
      );
      expect(await store.sentInsightIds(user.id)).toEqual(new Set([sent!.id, copy!.id]));
      expect(await store.sentInsightIds(user.id)).not.toContain(fresh!.id);
    });

    it('answers wasSentTo as sentInsightIds does: sent ids, current copies in the same words, for that subscriber only', async () => {
      const [sent, unsent] = await store.replaceInsights(episodeId, [insight(0), insight(1)], 'embedded');
      const { user: ada } = await store.addUser({ email: 'ada@example.com', interests: [] });
      const { user: bob } = await store.addUser({ email: 'bob@example.com', interests: [] });
      await store.createBrief(ada.id, '2024-06-02', [briefItem(sent!.id)]);
      await store.upsertEpisodes(feedId, [parsedEpisode('e2'), parsedEpisode('e3')], new Date('2024-06-02T00:00:00Z'));
      const episodes = await store.episodesByFeed(feedId);
      const [e2, e3] = ['e2', 'e3'].map((guid) => episodes.find((e) => e.guid === guid)!.id) as [number, number];
      const [copy] = await store.replaceInsights(e2, [{ ...insight(0), quote: 'elsewhere' }], 'embedded');
      // A copy Bob was sent, then retired by a re-extraction: no longer a current copy for Ada.
      const [retired] = await store.replaceInsights(e3, [{ ...insight(0), quote: 'third' }], 'embedded');
      await store.createBrief(bob.id, '2024-06-03', [briefItem(retired!.id)]);
      await store.replaceInsights(e3, [insight(7)], 'embedded');
      expect((await store.insightsByEpisode(e3)).map((i) => i.id)).not.toContain(retired!.id);
      expect(await store.insightById(retired!.id)).toBeDefined();

      const candidates = [sent!.id, unsent!.id, copy!.id, retired!.id, 999_999];
      for (const user of [ada, bob]) {
        const all = await store.sentInsightIds(user.id);
        for (const id of candidates)
          expect([user.email, id, await store.wasSentTo(user.id, id)]).toEqual([user.email, id, all.has(id)]);
      }
      expect(await store.wasSentTo(ada.id, sent!.id)).toBe(true);
      expect(await store.wasSentTo(ada.id, copy!.id)).toBe(true);
      expect(await store.wasSentTo(ada.id, retired!.id)).toBe(false);
      expect(await store.wasSentTo(ada.id, unsent!.id)).toBe(false);
      expect(await store.wasSentTo(bob.id, retired!.id)).toBe(true);
      expect(await store.wasSentTo(bob.id, copy!.id)).toBe(true);
      expect(await store.wasSentTo(bob.id, unsent!.id)).toBe(false);
    });

    it('keeps the old insights when a replacement fails half-way', async () => {
      const before = await store.replaceInsights(episodeId, [insight(0), insight(1)], 'embedded');
      await store.markEpisode(episodeId, 'transcribed');
      const broken = { ...insight(2), headline: null } as unknown as Insight;
      await expect(store.replaceInsights(episodeId, [insight(3), broken], 'embedded')).rejects.toThrow();
      expect(await store.insightsByEpisode(episodeId)).toEqual(before);
      expect(await store.episodeById(episodeId)).toMatchObject({ status: 'transcribed' });
    });

    it('rejects insights for an unknown episode', async () => {
      await expect(store.replaceInsights(987654, [insight(0)], 'embedded')).rejects.toMatchObject({
        code: 'episode_not_found',
      });
    });

    it('reads the insight index by id, each once, past the bound-parameter cap of one statement', async () => {
      const [a, b, c] = (await store.replaceInsights(episodeId, [insight(0), insight(1), insight(2)], 'embedded')).map(
        (i) => i.id,
      );
      const entries: InsightIndexEntry[] = [
        { insightId: a!, terms: { deploy: 0.5 } },
        { insightId: b!, terms: { rollback: 0.25 }, embedding: [0.1, -0.2], embeddingModel: 'm' },
        { insightId: c!, terms: {} },
      ];
      await store.saveInsightIndex(entries);
      const unknown = Array.from({ length: 70_000 }, (_, n) => 100_000 + n);
      const index = await store.insightIndex([...unknown, b!, a!, b!, ...unknown]);
      expect(index).toEqual(
        new Map([
          [b!, entries[1]],
          [a!, entries[0]],
        ]),
      );
      expect(await store.insightIndex([])).toEqual(new Map());
    });

    it('accepts an empty extraction', async () => {
      await store.replaceInsights(episodeId, [insight(0)], 'embedded');
      expect(await store.replaceInsights(episodeId, [], 'embedded')).toEqual([]);
      expect(await store.insightsByEpisode(episodeId)).toEqual([]);
      expect(await store.episodeById(episodeId)).toMatchObject({ status: 'extracted' });
    });

    it('lists insights new since a time (episode first seen or insights extracted) with context', async () => {
      await store.updateFeed(feedId, { title: 'The Show' });
      const untitled = (await store.addFeed('https://untitled.example/feed')).feed.id;
      await store.upsertEpisodes(
        untitled,
        [parsedEpisode('u1', { publishedAt: '2020-01-01T00:00:00Z' })],
        new Date('2024-06-03T00:00:00Z'),
      );
      await store.upsertEpisodes(feedId, [parsedEpisode('old')], new Date('2024-01-01T00:00:00Z'));
      // First seen "in the future": eligible by first-seen time although extracted before it.
      await store.upsertEpisodes(feedId, [parsedEpisode('later')], new Date('2099-01-01T00:00:00Z'));
      const [e1, old, later] = await store
        .episodesByFeed(feedId)
        .then((rows) => [
          rows.find((r) => r.guid === 'e1')!,
          rows.find((r) => r.guid === 'old')!,
          rows.find((r) => r.guid === 'later')!,
        ]);
      const u1 = (await store.episodesByFeed(untitled))[0]!;
      const beforeExtraction = new Date(Date.now() - 1000);
      await store.replaceInsights(e1!.id, [insight(0), insight(1)], 'embedded');
      await store.replaceInsights(old!.id, [insight(5)], 'embedded');
      await store.replaceInsights(u1.id, [insight(9)], 'embedded');
      await store.replaceInsights(later!.id, [insight(7)], 'embedded');

      // Extracted after the cut-off: every insight is new, even of an episode first seen long ago.
      const recent = await store.insightsSince(beforeExtraction);
      expect(recent.map((i) => i.headline)).toEqual([
        'Headline 5',
        'Headline 0',
        'Headline 1',
        'Headline 9',
        'Headline 7',
      ]);
      expect(recent[1]).toMatchObject({
        episodeId: e1!.id,
        feedId,
        podcastTitle: 'The Show',
        episodeTitle: 'Episode e1',
        episodeLink: 'https://example.com/e1',
        audioUrl: 'https://example.com/e1.mp3',
        publishedAt: '2024-05-01T10:00:00.000Z',
        firstSeenAt: '2024-06-01T00:00:00.000Z',
      });
      // An untitled feed falls back to its URL; the (untrusted) published date plays no part.
      expect(recent[3]).toMatchObject({
        podcastTitle: 'https://untitled.example/feed',
        publishedAt: '2020-01-01T00:00:00.000Z',
      });
      expect((await store.insightsSince(new Date('2098-12-31T00:00:00Z'))).map((i) => i.headline)).toEqual([
        'Headline 7',
      ]);
    });
  });
}
