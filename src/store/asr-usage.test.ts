import { describe, expect, it } from 'vitest';
import { parsedEpisode } from './test-fixtures.js';
import { testDialects } from './test-harness.js';
import { useTestStore } from './test-store.js';
import type { NewAsrUsage } from './types.js';

// Timestamps are stored to the millisecond: let one pass between writes that are compared.
const tick = () => new Promise((r) => setTimeout(r, 5));

function usage(patch: Partial<NewAsrUsage> = {}): NewAsrUsage {
  return {
    episodeId: 1,
    audioHash: 'h1',
    engine: 'api',
    model: 'whisper-1',
    chunkIndex: 0,
    audioSeconds: 600,
    costUsd: 0.06,
    at: new Date('2024-06-01T10:00:00Z'),
    ...patch,
  };
}

for (const { dialect, label, skip } of await testDialects()) {
  describe.skipIf(skip)(`speech-to-text usage [${label}]`, () => {
    const t = useTestStore(dialect);

    it("records charged chunks, sums today's spend and summarises an episode", async () => {
      await t.store.recordAsrUsage(usage());
      await t.store.recordAsrUsage(usage({ chunkIndex: 1, audioSeconds: 300, costUsd: 0.03 }));
      await t.store.recordAsrUsage(usage({ episodeId: 2, at: new Date('2024-05-31T23:59:59Z') }));
      await t.store.recordAsrUsage(usage({ episodeId: null, costUsd: 0.5 }));
      expect(await t.store.asrSpendSince(new Date('2024-06-01T00:00:00Z'))).toBeCloseTo(0.59, 6);
      expect(await t.store.asrUsageByEpisode(1)).toEqual([
        { engine: 'api', model: 'whisper-1', audioSeconds: 900, costUsd: expect.closeTo(0.09, 6), chunks: 2 },
      ]);
      expect(await t.store.asrUsageByEpisode(99)).toEqual([]);
    });

    it('finds episodes whose feed published a transcript after speech-to-text or show notes were stored', async () => {
      const { feed } = await t.store.addFeed('https://example.com/feed.xml');
      const t0 = new Date('2024-06-01T08:00:00Z');
      await t.store.upsertEpisodes(feed.id, [parsedEpisode('a'), parsedEpisode('b')], t0);
      const [a, b] = await t.store.episodesByFeed(feed.id);
      const transcript = (source: 'asr:api' | 'published:vtt') => ({
        segments: [{ start: 0, end: 1, text: 'hi' }],
        source,
        hash: 'x',
      });
      await t.store.saveTranscript(a!.id, transcript('asr:api'));
      await t.store.saveTranscript(b!.id, transcript('published:vtt'));
      expect(await t.store.episodesAwaitingPublishedTranscript(t0, 10)).toEqual([]);
      const link = [{ url: 'https://example.com/a.vtt', type: 'text/vtt' }];
      await tick();
      await t.store.upsertEpisodes(
        feed.id,
        [parsedEpisode('a', { transcripts: link }), parsedEpisode('b', { transcripts: link })],
        new Date(),
      );
      expect(await t.store.episodesAwaitingPublishedTranscript(t0, 10)).toEqual([a!.id]);
      await tick();
      await t.store.saveTranscript(a!.id, transcript('asr:api'));
      expect(await t.store.episodesAwaitingPublishedTranscript(t0, 10)).toEqual([]);
    });
  });
}
