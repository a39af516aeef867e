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

describe('processing an episode of a show that reads the same ad every week', () => {
  let app: App | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await app?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
    app = dir = undefined;
  });

  /** A show of four episodes, the last one's insights extracted; `stored` of the others have transcripts. */
  async function lastEpisodeInsights(stored: number): Promise<string[]> {
    dir = await mkdtemp(join(tmpdir(), 'podbrief-repeats-'));
    app = await createApp(loadConfig({ env: { DATA_DIR: dir } }), { log: createLogger('silent') });
    const { feed } = await app.store.addFeed('https://example.com/feed.xml');
    await app.store.upsertEpisodes(
      feed.id,
      [0, 1, 2, 3].map((i) => parsedEpisode(`e${i}`, { publishedAt: `2026-01-0${i + 1}T00:00:00Z` })),
      new Date(),
    );
    const episodes = (await app.store.episodesByFeed(feed.id)).sort((a, b) => a.guid.localeCompare(b.guid));
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

  it('cannot tell the read from content while the show has only one other transcript', async () => {
    expect((await lastEpisodeInsights(1)).some((q) => q.includes('Harbor Deck'))).toBe(true);
  });
});
