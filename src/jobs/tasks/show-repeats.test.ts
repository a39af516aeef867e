import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../app.js';
import { loadConfig } from '../../config/index.js';
import { showEpisode } from '../../insights/score/test-support/show-episodes.js';
import { createLogger } from '../../logger.js';
import { parsedEpisode } from '../../store/test-fixtures.js';
import { processEpisode } from './process-episode.task.js';
import { showTranscriptRepeats } from './show-repeats.js';

describe('processing an episode of a show that reads the same ad every week', () => {
  let app: App | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await app?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
    app = dir = undefined;
  });

  /**
   * A show of four episodes, the last one's insights extracted; `stored` of the others have
   * transcripts; `later` newer episodes have none yet.
   */
  async function lastEpisodeInsights(stored: number, later = 0): Promise<string[]> {
    dir = await mkdtemp(join(tmpdir(), 'podbrief-repeats-'));
    app = await createApp(loadConfig({ env: { DATA_DIR: dir } }), { log: createLogger('silent') });
    const { feed } = await app.store.addFeed('https://example.com/feed.xml');
    await app.store.upsertEpisodes(
      feed.id,
      [
        ...[0, 1, 2, 3].map((i) => parsedEpisode(`e${i}`, { publishedAt: `2026-01-0${i + 1}T00:00:00Z` })),
        ...Array.from({ length: later }, (_, i) =>
          parsedEpisode(`later${i}`, { publishedAt: `2026-02-${10 + i}T00:00:00Z` }),
        ),
      ],
      new Date(),
    );
    const episodes = (await app.store.episodesByFeed(feed.id))
      .filter((e) => e.guid.startsWith('e'))
      .sort((a, b) => a.guid.localeCompare(b.guid));
    for (const [i, e] of episodes.entries())
      if (i === 3 || i < stored) await app.store.saveTranscript(e.id, showEpisode(i));
    const last = episodes[3]!;
    expect(await processEpisode(app, last)).toMatchObject({ status: 'extracted' });
    return (await app.store.insightsByEpisode(last.id)).map((i) => i.quote);
  }

  it('leaves the read out once two other stored episodes carry it', async () => {
    const quotes = await lastEpisodeInsights(2);
    expect(quotes.length).toBeGreaterThan(0);
    expect(quotes.filter((q) => q.includes('Harbor Deck'))).toEqual([]);
  });

  it('finds it in older stored transcripts while the show’s newest episodes have none yet', async () => {
    expect((await lastEpisodeInsights(2, 12)).filter((q) => q.includes('Harbor Deck'))).toEqual([]);
  });

  it('reads the show’s transcripts in one store query for all the episodes of a run', async () => {
    await lastEpisodeInsights(3);
    const store = app!.store;
    const calls: string[] = [];
    const counted = new Proxy(store, {
      get: (target, name) => {
        const value = Reflect.get(target, name) as unknown;
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          calls.push(String(name));
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    const repeats = showTranscriptRepeats({ store: counted });
    const episodes = await store.episodesByFeed((await store.listFeeds())[0]!.id);
    for (const e of episodes) {
      await repeats.remember(e, showEpisode(Number(e.guid.slice(1))));
      expect((await repeats.repeats(e)).empty).toBe(false);
    }
    expect(calls).toEqual(['recentTranscriptsByFeed']);
  });

  it('cannot tell the read from content while the show has only one other transcript', async () => {
    expect((await lastEpisodeInsights(1)).some((q) => q.includes('Harbor Deck'))).toBe(true);
  });
});
